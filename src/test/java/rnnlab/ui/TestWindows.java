package rnnlab.ui;

import javafx.stage.Stage;
import java.util.List;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/** The main window as window tests open it: every built-in view, a given size, shown. */
public final class TestWindows {
    private TestWindows() {
    }

    /** Builds the main window on {@code stage} at {@code width}×{@code height} and shows it (call on the FX thread). */
    public static MainWindow show(Stage stage, double width, double height) {
        return show(stage, ViewCatalog.createAll(), width, height);
    }

    /** The same with only the given views. */
    public static MainWindow show(Stage stage, List<LabView> views, double width, double height) {
        MainWindow window = new MainWindow(stage, views);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return window;
    }
}
