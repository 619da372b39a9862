package rnnlab.ui.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import rnnlab.catalog.ViewRegistry;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.Seq2SeqRun;
import rnnlab.i18n.Messages;
import rnnlab.io.Seq2SeqIO;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.ui.controls.NumberText;

/**
 * The encoder–decoder window with two models trained by {@code Seq2SeqTrainer} on s2s-reverse (made by
 * {@link MakeSeq2SeqModels}: additive attention, held-out exact 0.90; no attention, 0.025). Every number
 * shown is compared with a {@link Seq2SeqRun} computed here independently. Screenshots
 * target/screenshots/seq2seq-{en,zh}-{light,dark,projector}-{1024,1920}.png.
 */
class Seq2SeqWindowTest extends Seq2SeqWindowTestBase {
    private static final String INPUT = "31415926";

    /** As FxWait, with a minute's patience: the CI machine is shared and the first CJK layout is slow. */
    static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    static void until(java.util.concurrent.Callable<Boolean> c) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(c));
    }

    /** Moves the cursor and waits for the window's worker to show that position. */
    static void go(Seq2SeqWindow w, int position) throws Exception {
        fx(() -> {
            w.go(position);
            return null;
        });
        until(w::settled);
    }

    /** Decodes (on the window's worker) and waits until the decoded pair is shown. */
    static void decode(Seq2SeqWindow w) throws Exception {
        fx(() -> {
            w.decode();
            return null;
        });
        until(w::settled);
    }

    static Path model(String name) throws Exception {
        return Path.of(Seq2SeqWindowTest.class.getResource(name + ".s2s.json").toURI());
    }

    private static Seq2SeqWindow open(String name) throws Exception {
        return open(model(name), INPUT, null);
    }

    /** The same pair decoded here, straight on the engine. */
    private static Seq2SeqRun reference(Seq2SeqIO.Loaded l, int[] src, int[] decIn) {
        Seq2SeqRun r = new Seq2SeqRun(l.model(), src.length, decIn.length);
        r.load(src, decIn, null, false);
        r.forward();
        return r;
    }

    @Test
    void attentionModelReversesAndEveryShownNumberIsTheEngines() throws Exception {
        Seq2SeqWindow w = open("s2s-reverse-additive");
        assertThat(fx(w::outputText)).endsWith("62951413");
        Seq2SeqPlayback p = w.playback();
        assertThat(p.attention()).isEqualTo(AttentionKind.ADDITIVE);
        assertThat(p.outputLength()).isEqualTo(9); // eight digits and the end token
        assertThat(p.steps()).isEqualTo(8 + 9);
        // step to the first decoder step: encoder done, one row of attention
        go(w, p.encoderSteps() + 1);
        Seq2SeqPlayback.Snapshot s = w.snapshot();
        assertThat(s.decoderStep()).isZero();
        Seq2SeqIO.Loaded l = Seq2SeqIO.read(model("s2s-reverse-additive"));
        int[] decIn = {0, 2 + 6, 2 + 2, 2 + 9, 2 + 5, 2 + 1, 2 + 4, 2 + 1, 2 + 3};
        Seq2SeqRun ref = reference(l, p.source(), decIn);
        double sum = 0;
        for (int i = 0; i < 8; i++) {
            assertThat(s.weights()[0][i]).isCloseTo(ref.attentionWeights().get(0, i), within(1e-12));
            assertThat(s.scores()[0][i]).isCloseTo(ref.scores().get(0, i), within(1e-12));
            sum += s.weights()[0][i];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        // reversing: the first output (the last digit, 6) looks hardest at the last input
        int best = 0;
        for (int i = 1; i < 8; i++) {
            best = s.weights()[0][i] > s.weights()[0][best] ? i : best;
        }
        assertThat(best).isEqualTo(7);
        assertThat(s.weights()[0][7]).isGreaterThan(0.5);
        // the unrolled view draws one line per input, as thick as its weight
        double[] widths = fx(() -> w.unrolledSkin().attentionLineWidths());
        assertThat(widths).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(widths[i]).isCloseTo(EncoderDecoderSkin.lineWidth(s.weights()[0][i], 1.0), within(1e-9));
        }
        // the values table: token, score, weight as printed from the engine's numbers
        var rows = fx(() -> w.stepSkin().rows());
        assertThat(rows).hasSize(8);
        assertThat(rows.get(7).token()).isEqualTo("6");
        assertThat(rows.get(7).weight()).isEqualTo(NumberText.num3(ref.attentionWeights().get(0, 7)));
        assertThat(rows.get(3).score()).isEqualTo(NumberText.num3(ref.scores().get(0, 3)));
        assertThat(fx(() -> w.stepSkin().contextText()))
                .contains(NumberText.num3(ref.contexts().get(0, 0)));
        assertThat(fx(() -> w.stepSkin().headingText())).contains("“6”");
        // hover text of a matrix cell
        String hover = fx(() -> w.matrixSkin().hoverText(0, 7));
        assertThat(hover).contains(NumberText.num3(ref.scores().get(0, 7))).contains(NumberText.num3(ref.attentionWeights().get(0, 7)));
        assertThat(fx(() -> w.matrixSkin().hoverText(3, 0))).isEqualTo(Messages.get("s2s.matrix.notYet"));
        // the pointer over that cell shows the same text (the skin's hover label, from the cell's part)
        assertThat(fx(() -> {
            AttentionMatrixSkin m = w.matrixSkin();
            double[] c = m.centre(0, 7);
            return m.hoverAt(c[0], c[1]);
        })).isEqualTo(hover);
        // the whole decode: every output's strongest input is its mirror position
        go(w, Integer.MAX_VALUE);
        Seq2SeqPlayback.Snapshot end = w.snapshot();
        assertThat(end.weights()).hasNumberOfRows(9);
        int mirrored = 0;
        for (int t = 0; t < 8; t++) {
            int arg = 0;
            for (int i = 1; i < 8; i++) {
                arg = end.weights()[t][i] > end.weights()[t][arg] ? i : arg;
            }
            mirrored += arg == 7 - t ? 1 : 0;
        }
        assertThat(mirrored).isGreaterThanOrEqualTo(6);
        // step back returns to the same numbers
        go(w, p.encoderSteps() + 1);
        assertThat(w.snapshot().weights()[0][7]).isEqualTo(s.weights()[0][7]);
    }

    /** Teacher-forced reference: forward and the whole BPTT on the engine. */
    private static Seq2SeqRun backwardReference(Seq2SeqIO.Loaded l, int[] src, int[] target) {
        int n = target.length + 1;
        int[] in = new int[n];
        int[] out = new int[n];
        System.arraycopy(target, 0, in, 1, n - 1);
        System.arraycopy(target, 0, out, 0, n - 1);
        out[n - 1] = Seq2SeqPlayback.END;
        Seq2SeqRun r = new Seq2SeqRun(l.model(), src.length, n);
        r.load(src, in, out);
        r.forwardBackward();
        return r;
    }

    @Test
    void bpttCursorShowsTheEnginesGradientsOnWeightsAndEncoderStates() throws Exception {
        Seq2SeqWindow w = open("s2s-reverse-additive");
        // without a target there is no loss: the BPTT button says what to do
        fx(() -> {
            w.startBackward();
            return null;
        });
        assertThat(fx(w::message)).isEqualTo(Messages.get("s2s.bptt.needTarget"));
        fx(() -> {
            w.setTarget("62951413");
            return null;
        });
        decode(w);
        Seq2SeqPlayback p = w.playback();
        assertThat(p.teacherForced()).isTrue();
        assertThat(p.backwardSteps()).isEqualTo(9 + 8);
        assertThat(p.totalSteps()).isEqualTo(17 + 17);
        Seq2SeqIO.Loaded l = Seq2SeqIO.read(model("s2s-reverse-additive"));
        int[] tgt = p.targetTokens("62951413");
        Seq2SeqRun ref = backwardReference(l, p.source(), tgt);
        // the cursor at the end of the forward pass: no gradients yet
        go(w, p.steps());
        assertThat(w.snapshot().backward()).isFalse();
        // the first BPTT step passes the last decoder step (the end token): its row of dL/da is final
        fx(() -> {
            w.startBackward();
            return null;
        });
        until(w::settled);
        Seq2SeqPlayback.Snapshot s = w.snapshot();
        assertThat(s.backward()).isTrue();
        assertThat(s.grad().current()).isEqualTo(8);
        assertThat(s.grad().weightGradients()[7]).isNull();
        assertThat(s.grad().loss()).isCloseTo(ref.loss(), within(1e-12));
        for (int i = 0; i < 8; i++) {
            assertThat(s.grad().weightGradients()[8][i]).isCloseTo(ref.attentionWeightGradients().get(8, i), within(1e-12));
            assertThat(s.grad().scoreGradients()[8][i]).isCloseTo(ref.scoreGradients().get(8, i), within(1e-12));
        }
        var rows = fx(() -> w.stepSkin().rows());
        assertThat(rows).hasSize(8);
        assertThat(rows.get(2).weightGrad()).isEqualTo(NumberText.num3(ref.attentionWeightGradients().get(8, 2)));
        assertThat(rows.get(5).scoreGrad()).isEqualTo(NumberText.num3(ref.scoreGradients().get(8, 5)));
        assertThat(fx(() -> w.matrixSkin().hoverText(8, 4))).contains(NumberText.num3(ref.attentionWeightGradients().get(8, 4)));
        assertThat(fx(() -> w.matrixSkin().hoverText(3, 4))).contains(Messages.get("s2s.matrix.gradNotYet"));
        assertThat(fx(() -> w.stepSkin().headingText())).isEqualTo(Messages.format("s2s.step.bpttDecoder", 1, 17, 9,
                NumberText.num3(ref.loss())));
        // the whole BPTT: every row of dL/da and every encoder state's gradient equal the engine's
        go(w, Integer.MAX_VALUE);
        s = w.snapshot();
        assertThat(s.grad().step()).isEqualTo(17);
        assertThat(s.grad().current()).isEqualTo(-1);
        assertThat(s.grad().encoderPassed()).isEqualTo(8);
        double[] norms = fx(() -> w.unrolledSkin().encoderGradientNorms());
        assertThat(norms).hasSize(8);
        rows = fx(() -> w.stepSkin().rows());
        for (int i = 0; i < 8; i++) {
            double n = 0;
            for (int k = 0; k < ref.encoderStateGradients().numCols; k++) {
                double v = ref.encoderStateGradients().get(i, k);
                assertThat(s.grad().encoderStateGradients()[i][k]).isCloseTo(v, within(1e-12));
                n += v * v;
            }
            assertThat(norms[i]).isCloseTo(Math.sqrt(n), within(1e-12));
            assertThat(rows.get(i).stateGrad()).isEqualTo(NumberText.num3(Math.sqrt(n)));
            for (int t = 0; t < 9; t++) {
                assertThat(s.grad().weightGradients()[t][i]).isCloseTo(ref.attentionWeightGradients().get(t, i), within(1e-12));
            }
        }
        // each encoder state's TOTAL gradient (attention and bridge + back through the encoder's recurrence):
        // the cells' second line and the table's last column, the engine's numbers
        double[] totals = fx(() -> w.unrolledSkin().encoderTotalNorms());
        double recurrence = 0;
        for (int i = 0; i < 8; i++) {
            double n = 0;
            for (int k = 0; k < ref.encoderStateTotalGradients().numCols; k++) {
                double v = ref.encoderStateTotalGradients().get(i, k);
                assertThat(s.grad().encoderTotalGradients()[i][k]).isCloseTo(v, within(1e-12));
                recurrence += Math.abs(v - ref.encoderStateGradients().get(i, k));
                n += v * v;
            }
            assertThat(totals[i]).isCloseTo(Math.sqrt(n), within(1e-12));
            assertThat(rows.get(i).totalGrad()).isEqualTo(NumberText.num3(Math.sqrt(n)));
        }
        assertThat(recurrence).as("the total differs from what attention delivers").isGreaterThan(1e-6);
        assertThat(fx(() -> w.stepSkin().contextText())).contains(Messages.get("s2s.eq.gradTotal"));
        // one encoder step into BPTT's encoder part: only the last input's total is known yet
        go(w, p.steps() + 9 + 1);
        double[] first = fx(() -> w.unrolledSkin().encoderTotalNorms());
        var firstRows = fx(() -> w.stepSkin().rows());
        assertThat(first[7]).isCloseTo(totals[7], within(1e-12));
        assertThat(firstRows.get(7).totalGrad()).isEqualTo(NumberText.num3(totals[7]));
        for (int i = 0; i < 7; i++) {
            assertThat(first[i]).isNaN();
            assertThat(firstRows.get(i).totalGrad()).isEmpty();
        }
        // and the session cursor, stepped backward to the end, agrees on a middle row
        var cur = rnnlab.session.Seq2SeqCursor.teacherForced(l, p.source(), tgt);
        cur.forwardToEnd();
        while (cur.stepBackward()) {
            // all the way
        }
        assertThat(s.grad().weightGradients()[4]).containsExactly(cur.decoderStep(4).weightGradients(), within(1e-12));
        // stepping back out of BPTT returns to the forward numbers
        fx(() -> {
            w.go(p.steps() + 3);
            w.stepBy(-1);
            return null;
        });
        until(w::settled);
        assertThat(w.snapshot().grad().current()).isEqualTo(7);
        assertThat(w.snapshot().grad().weightGradients()[7][0]).isCloseTo(ref.attentionWeightGradients().get(7, 0), within(1e-12));
        // screenshots of BPTT in both languages (looked at: target/screenshots/seq2seq-bptt-*.png)
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        for (String lang : new String[] {"en", "zh"}) {
            Locale loc = Locale.forLanguageTag(lang);
            AppLanguage.set(loc);
            Messages.setLocale(loc);
            fx(() -> {
                Seq2SeqWindow.current().close();
                return null;
            });
            Seq2SeqWindow z = open("s2s-reverse-additive");
            fx(() -> {
                z.setTarget("62951413");
                return null;
            });
            decode(z);
            // into the encoder's part of BPTT: the last five inputs have their total gradient, the others not yet
            go(z, z.playback().steps() + 9 + 5);
            for (String theme : new String[] {"light", "dark"}) {
                for (int width : new int[] {1024, 1920}) {
                    WritableImage img = fx(() -> {
                        z.stage().setWidth(width);
                        z.stage().setHeight(width == 1024 ? 768 : 1080);
                        z.applyTheme(theme.equals("dark"), false,
                                AppLanguage.isChinese() ? "-fx-font-size: 14px; -fx-font-family: \"" + AppLanguage.family() + "\";" : null);
                        z.stage().getScene().getRoot().applyCss();
                        z.stage().getScene().getRoot().layout();
                        return z.stage().getScene().snapshot(null);
                    });
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                            dir.resolve("seq2seq-bptt-" + lang + "-" + theme + "-" + width + ".png").toFile());
                }
            }
        }
    }

    @Test
    void withoutAttentionTheDecoderSeesOnlyTheBridgeVector() throws Exception {
        Seq2SeqWindow w = open("s2s-reverse-none");
        Seq2SeqPlayback p = w.playback();
        assertThat(p.attention()).isEqualTo(AttentionKind.NONE);
        go(w, p.encoderSteps());
        Seq2SeqIO.Loaded l = Seq2SeqIO.read(model("s2s-reverse-none"));
        Seq2SeqRun ref = new Seq2SeqRun(l.model(), 8, 1);
        ref.load(p.source(), new int[] {0}, null, false);
        ref.forward();
        double[] s0 = ref.initialDecoderState();
        assertThat(w.snapshot().bridge()).containsExactly(s0, within(1e-12));
        assertThat(fx(() -> w.stepSkin().contextText())).contains(NumberText.num3(s0[0]));
        go(w, p.encoderSteps() + 1);
        assertThat(w.snapshot().weights()).isEmpty();
        assertThat(fx(() -> w.unrolledSkin().attentionLineWidths())).isEmpty();
        assertThat(fx(() -> w.stepSkin().rows())).isEmpty();
    }

    @Test
    void badInputAndBadFileGetOneMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Seq2SeqWindow w = open("s2s-reverse-additive");
        fx(() -> {
            w.setInput("12x4");
            w.decode();
            return null;
        });
        assertThat(fx(w::message)).contains("“x”").contains("3").contains("0 1 2");
        assertThat(fx(w::problem)).isEqualTo(fx(w::message));
        Path bad = dir.resolve("broken.s2s.json");
        Files.writeString(bad, "{\"format\": \"rnnlab-seq2seq\", \"version\": 1, \"encoder\": 5}");
        fx(() -> {
            w.openFile(bad);
            return null;
        });
        until(() -> w.message().contains("broken.s2s.json") && !w.message().startsWith(Messages.format("s2s.reading", "")));
        assertThat(w.message()).doesNotContain("Exception");
    }

    @Test
    void trainingRunsOffTheFxThreadReportsAndCanBeCancelled() throws Exception {
        Seq2SeqWindow w = fx(() -> Seq2SeqWindow.show(null, null, null));
        Seq2SeqTrainPane t = w.trainView();
        fx(() -> {
            t.choose("s2s-copy", "dot", 100);
            t.start();
            return null;
        });
        assertThat(fx(t::running)).isTrue();
        until(() -> !t.running());
        assertThat(t.progressValue()).isEqualTo(1.0);
        assertThat(t.statusText()).contains("%");
        assertThat(t.samplesText()).contains("→").contains(Messages.format("s2s.train.samplesAt", 100));
        assertThat(t.last().attention()).isEqualTo("dot");
        until(() -> w.playback() != null && w.settled());
        assertThat(w.playback().model().config().attention()).isEqualTo(AttentionKind.DOT);
        // a long run, cancelled after its first report, keeps what it learned
        fx(() -> {
            t.choose("sort", "additive", 20000);
            t.start();
            return null;
        });
        until(() -> t.progressValue() > 0);
        fx(() -> {
            t.cancel();
            return null;
        });
        until(() -> !t.running());
        assertThat(t.progressValue()).isLessThan(0.05);
        assertThat(t.last().task()).isEqualTo("sort");
        assertThat(t.statusText()).isEqualTo(Messages.format("s2s.train.cancelled",
                Math.round(t.last().sequence() * 100), Math.round(t.last().token() * 100)));
    }

    @Test
    void viewsAreDeclaredInTheRegistryWithTitles() {
        for (String id : Seq2SeqWindow.viewIds()) {
            assertThat(ViewRegistry.known(id)).as(id).isTrue();
            assertThat(Messages.has(ViewRegistry.find(id).titleKey())).isTrue();
        }
        assertThat(ViewRegistry.viewOf("attention.cell")).isEqualTo("view.attention");
    }

    @Test
    void screenshotsInBothLanguagesThemesAndSizes() throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        for (String lang : new String[] {"en", "zh"}) {
            Locale loc = Locale.forLanguageTag(lang);
            AppLanguage.set(loc);
            Messages.setLocale(loc);
            fx(() -> {
                if (Seq2SeqWindow.current() != null) {
                    Seq2SeqWindow.current().close();
                }
                return null;
            });
            Seq2SeqWindow w = open("s2s-reverse-additive");
            go(w, w.playback().encoderSteps() + 3);
            for (String theme : new String[] {"light", "dark", "projector"}) {
                for (int width : new int[] {1024, 1920}) {
                    int height = width == 1024 ? 768 : 1080;
                    WritableImage img = fx(() -> {
                        w.stage().setWidth(width);
                        w.stage().setHeight(height);
                        w.applyTheme(theme.equals("dark"), theme.equals("projector"),
                                AppLanguage.isChinese() ? "-fx-font-size: 14px; -fx-font-family: \"" + AppLanguage.family() + "\";" : null);
                        w.stage().getScene().getRoot().applyCss();
                        w.stage().getScene().getRoot().layout();
                        return w.stage().getScene().snapshot(null);
                    });
                    assertThat(img.getWidth()).isGreaterThan(500);
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                            dir.resolve("seq2seq-" + lang + "-" + theme + "-" + width + ".png").toFile());
                }
            }
        }
    }
}
