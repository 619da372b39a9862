package rnnlab.ui.seq2seq;

import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;
import rnnlab.i18n.Messages;
import rnnlab.ui.TestWindows;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.shell.MainWindow;

/**
 * For looking at the real encoder–decoder window under xvfb at 1920×1080:
 * {@code Seq2SeqDemo$Launch LANG THEME MODE [1024]} with LANG en|zh, THEME light|dark|projector, MODE forward|bptt
 * (1024: a 1024×768 window).
 * The window opens the lessons' reversal model with attention, decodes 31415926 (teacher-forced on
 * 62951413 for bptt) and stands at the third decoder step, or the fourth BPTT step, filling the screen;
 * it prints READY when it does. The screenshots of issue 13 were taken so (one JVM per picture):
 * <pre>
 * mvn -B -o dependency:build-classpath -Dmdep.outputFile=cp.txt
 * xvfb-run -a -s "-screen 0 1920x1080x24" sh -c 'java -Dprism.order=sw -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     "rnnlab.ui.seq2seq.Seq2SeqDemo$Launch" zh projector bptt &amp; sleep 15; /usr/bin/import -window root shot.png; kill $!'
 * </pre>
 */
public final class Seq2SeqDemo extends Application {
    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        String lang = args.size() > 0 ? args.get(0) : "en";
        String theme = args.size() > 1 ? args.get(1) : "dark";
        String mode = args.size() > 2 ? args.get(2) : "forward";
        Locale loc = Locale.forLanguageTag(lang);
        AppLanguage.set(loc);
        Messages.setLocale(loc);
        MainWindow w = TestWindows.show(stage, 1280, 720);
        w.theme().setDark(theme.equals("dark"));
        w.theme().projectorProperty().set(theme.equals("projector"));
        Seq2SeqWindow s = w.showSeq2Seq();
        if (mode.equals("bptt")) {
            s.setTarget("62951413");
        }
        s.openFile(Path.of("lessons/models/s2s-reverse-additive.s2s.json"), "31415926");
        s.stage().setX(0);
        s.stage().setY(0);
        boolean small = args.size() > 3 && args.get(3).equals("1024");
        s.stage().setWidth(small ? 1024 : 1920);
        s.stage().setHeight(small ? 768 : 1080);
        PauseTransition p = new PauseTransition(Duration.seconds(1));
        p.setOnFinished(e -> {
            if (s.playback() == null || !s.playback().loaded()) {
                p.playFromStart(); // the model is still being read off the FX thread
                return;
            }
            s.go(mode.equals("bptt") ? s.playback().steps() + 4 : s.playback().encoderSteps() + 3);
            s.stage().toFront();
            System.out.println("READY");
        });
        p.play();
    }

    /** Launcher: a main class that is not an Application. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(Seq2SeqDemo.class, args);
        }
    }
}
