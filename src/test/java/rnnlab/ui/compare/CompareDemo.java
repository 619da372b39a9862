package rnnlab.ui.compare;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;
import rnnlab.ui.TestWindows;
import rnnlab.ui.export.ViewExport;
import rnnlab.ui.shell.MainWindow;

/** For looking at the real windows under xvfb: the main window, then the comparison and "Pin a gate" windows. */
public final class CompareDemo extends Application {
    @Override
    public void start(Stage stage) {
        MainWindow w = TestWindows.show(stage, 1280, 720);
        String what = getParameters().getRaw().isEmpty() ? "compare" : getParameters().getRaw().get(0);
        PauseTransition p = new PauseTransition(Duration.seconds(2));
        p.setOnFinished(e -> {
            if (what.equals("pin")) {
                w.viewModel().applyPreset(rnnlab.io.Preset.LSTM_8);
                PinGateWindow pin = w.showPinGate();
                pin.stage().setX(700);
                PauseTransition q = new PauseTransition(Duration.seconds(2));
                q.setOnFinished(x -> {
                    w.viewModel().addPin(new rnnlab.session.GatePin(0, 0, 2, "f", -1, 0));
                    w.context().recurrentScaleProperty().set(1.5);
                });
                q.play();
            } else if (what.equals("dark")) {
                w.theme().setDark(true);
                w.theme().setFontScale(1.25);
                w.viewModel().sequenceTextProperty().set("hello world, hello");
                CompareWindow c = w.showComparison();
                c.stage().setX(0);
                PauseTransition q = new PauseTransition(Duration.seconds(2));
                q.setOnFinished(x -> {
                    for (int i = 0; i < 6; i++) {
                        c.stepAll();
                    }
                });
                q.play();
            } else if (what.equals("export")) {
                javafx.application.Platform.runLater(() -> ViewExport.exportView(w));
            } else if (what.equals("compare")) {
                w.showComparison().stage().setX(0);
            }
        });
        p.play();
    }

    /** Launcher: a main class that is not an Application. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(CompareDemo.class, args);
        }
    }
}
