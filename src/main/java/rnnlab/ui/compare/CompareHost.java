package rnnlab.ui.compare;

import javafx.scene.Scene;
import javafx.stage.Stage;
import rnnlab.ui.shell.Theme;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.ViewContext;

/** What the compare and pin windows need of the main window: its state, its look, and an owner. */
public interface CompareHost {
    Stage stage();

    /** Its stylesheets and root style (font size) are copied onto the compare windows. */
    Scene scene();

    Theme theme();

    RunViewModel viewModel();

    /** The main views' settings (theme flags) the comparison columns follow. */
    ViewContext context();
}
