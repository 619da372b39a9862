package rnnlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application (placeholder window until the main window lands). */
public class RnnLabApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("RNN Lab");
        stage.setScene(new Scene(new StackPane(new Label("RNN Lab")), 1280, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(RnnLabApp.class, args);
    }
}
