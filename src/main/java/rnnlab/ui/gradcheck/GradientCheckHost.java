package rnnlab.ui.gradcheck;

import javafx.scene.Scene;
import javafx.stage.Stage;
import rnnlab.ui.viewmodel.RunViewModel;

/** What the gradient-check window needs of the main window: the run, an owner, and its look. */
public interface GradientCheckHost {
    Stage stage();

    /** Its stylesheets and root style (font size) are copied onto the dialog. */
    Scene scene();

    boolean darkTheme();

    RunViewModel viewModel();
}
