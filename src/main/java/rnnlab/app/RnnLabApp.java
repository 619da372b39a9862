package rnnlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import rnnlab.ui.viewmodel.Messages;
import rnnlab.ui.views.MainWindow;
import rnnlab.ui.views.ViewCatalog;

/**
 * The desktop application. Parameters: {@code --lang=xx} picks the language; a file argument (a
 * scenario, model or sequence) is opened at start.
 */
public class RnnLabApp extends Application {

    @Override
    public void start(Stage stage) {
        rnnlab.ui.controls.TexRenderer.useBackgroundThread(true);
        List<String> named = getParameters().getRaw();
        for (String a : named) {
            if (a.startsWith("--lang=")) {
                Messages.setLocale(Locale.forLanguageTag(a.substring("--lang=".length())));
            }
        }
        MainWindow w = new MainWindow(stage, ViewCatalog.createAll());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1440, screen.getWidth()));
        stage.setHeight(Math.min(900, screen.getHeight()));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        w.startSession();
        for (String a : getParameters().getUnnamed()) {
            if (!a.startsWith("--")) {
                w.openFile(Path.of(a));
            }
        }
    }

    public static void main(String[] args) {
        launch(RnnLabApp.class, args);
    }
}
