package rnnlab.ui.compare;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.ViewContext;

/** What the compare and pin windows need of the main window: its state, its look, and an owner. */
public interface CompareHost {
    Stage stage();

    /** Its stylesheets and root style (font size) are copied onto the compare windows. */
    Scene scene();

    /** Whether the window is in the dark theme (the compare windows follow it). */
    ObservableBooleanValue darkThemeProperty();

    /** The window's font scale (the compare windows copy the root style when it changes). */
    ObservableDoubleValue fontScaleProperty();

    RunViewModel viewModel();

    /** The main views' settings (theme flags) the comparison columns follow. */
    ViewContext context();
}
