package rnnlab.ui.export;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.ViewsArea;

/** What exporting needs of the window (the main window is one): its views, the state shown, and a look for dialogs. */
public interface ExportHost {
    /** The owner of the export dialogs. */
    Stage stage();

    /** The window's scene: its stylesheets and root style (font size) go onto the dialogs. */
    Scene scene();

    /** Whether the window shows a dark theme (dialogs follow it). */
    boolean darkTheme();

    RunViewModel viewModel();

    ViewsArea viewsArea();

    /** The ids of the views on screen. */
    List<String> visibleViews();

    ValuesTables valuesTables();
}
