package rnnlab.ui.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * The encoder–decoder window's views are Control + Skin pairs that clean up: a skin replaced by another
 * (or removed) no longer reacts to the control's frame, and the window, once closed, leaves no listener
 * on the main window's look (dark, projector, font scale), which outlives it.
 */
class Seq2SeqSkinDisposeTest extends ApplicationTest {
    private Stage stage;

    @Override
    public void start(Stage s) {
        stage = s;
    }

    /** A property that counts the listeners on it. */
    static final class CountedBoolean extends SimpleBooleanProperty {
        int listeners;

        @Override
        public void addListener(InvalidationListener l) {
            listeners++;
            super.addListener(l);
        }

        @Override
        public void removeListener(InvalidationListener l) {
            listeners--;
            super.removeListener(l);
        }

        @Override
        public void addListener(ChangeListener<? super Boolean> l) {
            listeners++;
            super.addListener(l);
        }

        @Override
        public void removeListener(ChangeListener<? super Boolean> l) {
            listeners--;
            super.removeListener(l);
        }
    }

    static final class CountedDouble extends SimpleDoubleProperty {
        int listeners;

        @Override
        public void addListener(InvalidationListener l) {
            listeners++;
            super.addListener(l);
        }

        @Override
        public void removeListener(InvalidationListener l) {
            listeners--;
            super.removeListener(l);
        }

        @Override
        public void addListener(ChangeListener<? super Number> l) {
            listeners++;
            super.addListener(l);
        }

        @Override
        public void removeListener(ChangeListener<? super Number> l) {
            listeners--;
            super.removeListener(l);
        }
    }

    private static Seq2SeqPlayback playback() throws Exception {
        Seq2SeqPlayback p = Seq2SeqPlayback.read(Path.of(Seq2SeqSkinDisposeTest.class
                .getResource("s2s-reverse-additive.s2s.json").toURI()));
        p.load("31415926");
        return p;
    }

    @Test
    void aReplacedSkinNoLongerPaintsNorShowsFrames() throws Exception {
        Seq2SeqPlayback p = playback();
        Seq2SeqFrame first = Seq2SeqFrame.of(p, p.at(p.encoderSteps() + 1));
        Seq2SeqFrame second = Seq2SeqFrame.of(p, p.at(p.encoderSteps() + 2));
        EncoderDecoderView unrolled = new EncoderDecoderView();
        AttentionMatrixView matrix = new AttentionMatrixView();
        AttentionStepView step = new AttentionStepView();
        Seq2SeqWindowTest.fx(() -> {
            VBox box = new VBox(unrolled, matrix, step);
            unrolled.setPrefSize(800, 250);
            matrix.setPrefSize(400, 300);
            stage.setScene(new Scene(box, 800, 800));
            stage.show();
            unrolled.setFrame(first);
            matrix.setFrame(first);
            step.setFrame(first);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        EncoderDecoderSkin oldUnrolled = (EncoderDecoderSkin) unrolled.getSkin();
        AttentionMatrixSkin oldMatrix = (AttentionMatrixSkin) matrix.getSkin();
        AttentionStepSkin oldStep = (AttentionStepSkin) step.getSkin();
        Seq2SeqWindowTest.until(() -> oldUnrolled.paintCount() > 0 && oldMatrix.paintCount() > 0);
        // a new frame repaints the skins in place
        int u0 = oldUnrolled.paintCount();
        int m0 = oldMatrix.paintCount();
        int s0 = oldStep.showCount();
        Seq2SeqWindowTest.fx(() -> {
            unrolled.setFrame(second);
            matrix.setFrame(second);
            step.setFrame(second);
            return null;
        });
        Seq2SeqWindowTest.until(() -> oldUnrolled.paintCount() > u0 && oldMatrix.paintCount() > m0);
        assertThat(oldStep.showCount()).isEqualTo(s0 + 1);
        assertThat(oldStep.headingText()).contains("2");
        assertThat(oldStep.rows()).hasSize(8);
        // swap every skin: the old ones are disposed and react to nothing any more
        EncoderDecoderSkin[] newUnrolled = new EncoderDecoderSkin[1];
        AttentionMatrixSkin[] newMatrix = new AttentionMatrixSkin[1];
        AttentionStepSkin[] newStep = new AttentionStepSkin[1];
        Seq2SeqWindowTest.fx(() -> {
            newUnrolled[0] = new EncoderDecoderSkin(unrolled);
            newMatrix[0] = new AttentionMatrixSkin(matrix);
            newStep[0] = new AttentionStepSkin(step);
            unrolled.setSkin(newUnrolled[0]);
            matrix.setSkin(newMatrix[0]);
            step.setSkin(newStep[0]);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int u1 = oldUnrolled.paintCount();
        int m1 = oldMatrix.paintCount();
        int s1 = oldStep.showCount();
        int nu = newUnrolled[0].paintCount();
        int ns = newStep[0].showCount();
        Seq2SeqWindowTest.fx(() -> {
            for (S2sView v : new S2sView[] {unrolled, matrix}) {
                v.setFrame(first);
                v.setDarkTheme(true);
                v.setFontSize(20);
                v.setHighlight("attention.cell.0.0");
            }
            step.setFrame(first);
            return null;
        });
        Seq2SeqWindowTest.until(() -> newUnrolled[0].paintCount() > nu && newMatrix[0].paintCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(oldUnrolled.paintCount()).as("old unrolled skin").isEqualTo(u1);
        assertThat(oldMatrix.paintCount()).as("old matrix skin").isEqualTo(m1);
        assertThat(oldStep.showCount()).as("old step skin").isEqualTo(s1);
        assertThat(newStep[0].showCount()).isEqualTo(ns + 1);
        // the old step skin still shows the second decoder step, the new one the first
        assertThat(newStep[0].headingText()).isNotEqualTo(oldStep.headingText()).contains("1");
        // no skin at all: nothing listens (and nothing is painted) either
        Seq2SeqWindowTest.fx(() -> {
            unrolled.setSkin(null);
            step.setSkin(null);
            return null;
        });
        int nu2 = newUnrolled[0].paintCount();
        int ns2 = newStep[0].showCount();
        Seq2SeqWindowTest.fx(() -> {
            unrolled.setFrame(second);
            step.setFrame(second);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(newUnrolled[0].paintCount()).isEqualTo(nu2);
        assertThat(newStep[0].showCount()).isEqualTo(ns2);
    }

    @Test
    void aClosedWindowLeavesNoListenerOnTheMainWindowsLook() throws Exception {
        CountedBoolean dark = new CountedBoolean();
        CountedBoolean projector = new CountedBoolean();
        CountedDouble scale = new CountedDouble();
        Seq2SeqWindow.Look look = new Seq2SeqWindow.Look(dark, projector, scale);
        Seq2SeqWindow w = Seq2SeqWindowTest.fx(() -> Seq2SeqWindow.show(null, null, look));
        assertThat(dark.listeners + projector.listeners + scale.listeners).isEqualTo(3);
        // the window follows the look while open
        Seq2SeqWindowTest.fx(() -> {
            dark.set(true);
            return null;
        });
        assertThat(Seq2SeqWindowTest.fx(() -> w.unrolledView().isDarkTheme())).isTrue();
        Seq2SeqWindowTest.fx(() -> {
            w.close();
            return null;
        });
        assertThat(dark.listeners).isZero();
        assertThat(projector.listeners).isZero();
        assertThat(scale.listeners).isZero();
        // and no longer follows it
        Seq2SeqWindowTest.fx(() -> {
            dark.set(false);
            return null;
        });
        assertThat(Seq2SeqWindowTest.fx(() -> w.unrolledView().isDarkTheme())).isTrue();
    }
}
