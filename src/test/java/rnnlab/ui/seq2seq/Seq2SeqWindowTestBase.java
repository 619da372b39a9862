package rnnlab.ui.seq2seq;

import static rnnlab.ui.seq2seq.Seq2SeqWindowTest.fx;
import static rnnlab.ui.seq2seq.Seq2SeqWindowTest.until;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.framework.junit5.ApplicationTest;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.AppLanguage;

/** Tests of the encoder–decoder window, which is its own stage: closed and the language reset after each test. */
abstract class Seq2SeqWindowTestBase extends ApplicationTest {
    @Override
    public void start(Stage s) {
        // the window is its own stage
    }

    @AfterEach
    void closeWindow() throws Exception {
        fx(() -> {
            if (Seq2SeqWindow.current() != null) {
                Seq2SeqWindow.current().close();
            }
            return null;
        });
        AppLanguage.set(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Opens the window on {@code model} with {@code input} ({@code look}: the main window's stylesheets, or null). */
    static Seq2SeqWindow open(Path model, String input, Scene look) throws Exception {
        Seq2SeqWindow w = fx(() -> Seq2SeqWindow.show(null, look, null));
        fx(() -> {
            w.setInput(input);
            w.openFile(model);
            return null;
        });
        until(() -> w.playback() != null && w.playback().loaded() && w.settled());
        return w;
    }
}
