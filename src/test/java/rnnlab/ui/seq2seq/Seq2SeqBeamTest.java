package rnnlab.ui.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static rnnlab.ui.seq2seq.Seq2SeqWindowTest.fx;
import static rnnlab.ui.seq2seq.Seq2SeqWindowTest.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import rnnlab.i18n.Messages;
import rnnlab.io.Seq2SeqIO;
import rnnlab.lessons.LessonLibrary;
import rnnlab.session.Seq2SeqCursor;
import rnnlab.training.seq2seq.BeamSearch;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqStepper;

/**
 * Beam search in the encoder–decoder window, on the shipped dates model that bench-ui --seq2seq opens
 * ({@code lessons/models/dates-additive.s2s.json}): the candidates listed are those of a {@link BeamSearch}
 * run here on the file read by {@link Seq2SeqIO} (texts, and scores to 1e-12), they follow the input and the
 * model, the cursor keeps following greedy decoding, and a bad width is said once. Screenshots
 * target/screenshots/seq2seq-beam-{en,zh}-{light,dark,projector}-1024.png.
 */
class Seq2SeqBeamTest extends Seq2SeqWindowTestBase {
    private static final String INPUT = "March 5, 2021";

    private static Path model(String name) {
        return LessonLibrary.builtInFolder().resolve("models/" + name + ".s2s.json");
    }

    private static Seq2SeqWindow open(String name, String input) throws Exception {
        return open(name, input, null);
    }

    /** Opens the window with {@code look}'s stylesheets (the main window's, null: none). */
    private static Seq2SeqWindow open(String name, String input, javafx.scene.Scene look) throws Exception {
        return open(model(name), input, look);
    }

    /** The beam computed here, straight from the file: the CLI's reading of the input, BeamSearch's candidates. */
    private static BeamSearch.Result direct(Path file, String input, int width) throws Exception {
        Seq2SeqIO.Loaded m = Seq2SeqIO.read(file);
        int[] src = Seq2SeqCursor.encode(m.sourceVocab(), input, "--input");
        return new BeamSearch(m.model()).search(src, width, Seq2SeqPlayback.MAX_OUTPUT);
    }

    private static String text(Path file, int[] tokens) throws Exception {
        List<String> v = Seq2SeqIO.read(file).targetVocab();
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            sb.append(v.get(t));
        }
        return sb.toString();
    }

    /** Waits until the window lists {@code n} candidates for {@code input}, and compares them with {@code ref}. */
    private static void assertShows(Seq2SeqWindow w, Path file, BeamSearch.Result ref) throws Exception {
        until(() -> w.candidates().size() == ref.candidates().size());
        List<Seq2SeqStepper.Candidate> shown = fx(w::candidates);
        for (int i = 0; i < ref.candidates().size(); i++) {
            BeamSearch.Candidate c = ref.candidates().get(i);
            assertThat(shown.get(i).text()).as("candidate %d", i + 1).isEqualTo(text(file, c.tokens()));
            assertThat(shown.get(i).logProb()).as("candidate %d", i + 1).isCloseTo(c.logProb(), within(1e-12));
            assertThat(shown.get(i).finished()).isEqualTo(c.finished());
            assertThat(shown.get(i).chosen()).as("only the best is marked").isEqualTo(i == 0);
        }
    }

    @Test
    void beamOfThreeListsBeamSearchsCandidatesAndFollowsInputAndModel() throws Exception {
        Path dates = model("dates-additive");
        Seq2SeqWindow w = open("dates-additive", INPUT);
        String greedyOutput = fx(w::outputText);
        assertThat(fx(w::candidates)).as("greedy is the default: no candidates").isEmpty();
        assertThat(fx(() -> w.candidatesView().isVisible())).isFalse();

        fx(() -> {
            w.chooseBeam(3);
            return null;
        });
        BeamSearch.Result ref = direct(dates, INPUT, 3);
        assertThat(ref.candidates()).hasSize(3);
        assertThat(text(dates, ref.best().tokens())).isEqualTo("2021-03-05");
        assertShows(w, dates, ref);
        assertThat(fx(() -> w.candidatesView().isVisible())).isTrue();
        assertThat(fx(w::beamCaption)).isEqualTo(Messages.format("s2s.beam.caption", 3, INPUT));
        // the list's lines show each candidate's text and Σ log p, the chosen one marked
        String first = fx(() -> Seq2SeqWindow.candidateText(w.candidates().get(0), 1));
        assertThat(first).startsWith("1. 2021-03-05").contains(Messages.get("s2s.beam.chosen").strip())
                .contains(rnnlab.ui.controls.NumberText.sci(ref.best().logProb()));
        assertThat(fx(() -> Seq2SeqWindow.candidateText(w.candidates().get(1), 2)))
                .doesNotContain(Messages.get("s2s.beam.chosen").strip());
        // the cursor and the output line still follow greedy decoding
        assertThat(fx(w::outputText)).isEqualTo(greedyOutput);
        assertThat(fx(() -> w.playback().outputText())).isEqualTo("2021-03-05");

        // a new input: the candidates follow it
        String other = "July 14, 1999";
        fx(() -> {
            w.setInput(other);
            w.decode();
            return null;
        });
        BeamSearch.Result ref2 = direct(dates, other, 3);
        until(() -> w.candidates().size() == 3 && w.candidates().get(0).text().equals(text(dates, ref2.best().tokens())));
        assertShows(w, dates, ref2);
        assertThat(fx(w::beamCaption)).isEqualTo(Messages.format("s2s.beam.caption", 3, other));
        // an input the model cannot read: one message, the caption still names the input the list belongs to
        fx(() -> {
            w.setInput("March 5, 2021 ✓");
            w.decode();
            return null;
        });
        assertThat(fx(w::message)).contains("✓");
        assertThat(fx(w::beamCaption)).contains(other);
        assertShows(w, dates, ref2);

        // another width
        fx(() -> {
            w.chooseBeam(5);
            return null;
        });
        BeamSearch.Result ref5 = direct(dates, other, 5);
        assertShows(w, dates, ref5);

        // another model (as after training in the Train tab): its own candidates for its example input
        Path numbers = model("numbers-additive");
        fx(() -> {
            w.adopt(Seq2SeqPlayback.read(numbers), "numbers", numbers);
            return null;
        });
        until(w::settled);
        // the dates input is not in the numbers model's words, so the window put its example input in
        String input = Seq2SeqWindow.example(Seq2SeqPlayback.read(numbers));
        assertThat(fx(() -> w.playback().sourceLength())).isEqualTo(Seq2SeqPlayback.read(numbers).tokens(input).length);
        BeamSearch.Result refN = direct(numbers, input, 5);
        assertShows(w, numbers, refN);

        // back to greedy: the list goes
        fx(() -> {
            w.chooseBeam(1);
            return null;
        });
        assertThat(fx(w::candidates)).isEmpty();
        assertThat(fx(() -> w.candidatesView().isVisible())).isFalse();
    }

    @Test
    void aWidthThatIsNotTwoToEightIsSaidAndTheLastGoodOneKept() throws Exception {
        Seq2SeqWindow w = open("dates-additive", INPUT);
        fx(() -> {
            w.chooseBeam(3);
            return null;
        });
        until(() -> w.candidates().size() == 3);
        for (String bad : new String[] {"abc", "12", "1", "-4", ""}) {
            fx(() -> {
                w.beamWidthSpinner().getEditor().setText(bad);
                w.beamWidthSpinner().commitValue();
                return null;
            });
            assertThat(fx(w::message)).as("typed \"%s\"", bad)
                    .isEqualTo(Messages.format("s2s.beam.badWidth", bad, 2, 8, 3));
            assertThat(fx(() -> w.beamWidthSpinner().getValue())).isEqualTo(3);
            assertThat(fx(() -> w.beamWidthSpinner().getEditor().getText())).isEqualTo("3");
        }
        assertThat(fx(w::candidates)).hasSize(3);
        fx(() -> {
            w.beamWidthSpinner().getEditor().setText(" 4 ");
            w.beamWidthSpinner().commitValue();
            return null;
        });
        assertShows(w, model("dates-additive"), direct(model("dates-additive"), INPUT, 4));
    }

    @Test
    void chineseAndThemesScreenshots() throws Exception {
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
            // the main window's stylesheets, as View ▸ Encoder–decoder passes them
            javafx.scene.Scene look = fx(() -> {
                javafx.scene.Scene sc = new javafx.scene.Scene(new javafx.scene.layout.Pane());
                sc.getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET);
                sc.getStylesheets().add(Seq2SeqWindow.class.getResource("/rnnlab/ui/theme/app.css").toExternalForm());
                return sc;
            });
            Seq2SeqWindow w = open("dates-additive", INPUT, look);
            fx(() -> {
                w.chooseBeam(3);
                return null;
            });
            until(() -> w.candidates().size() == 3);
            if (lang.equals("zh")) {
                assertThat(fx(w::beamCaption)).contains("束搜索候选").contains("束宽 3").contains(INPUT);
                assertThat(fx(() -> Seq2SeqWindow.candidateText(w.candidates().get(0), 1))).contains("选中");
            }
            for (String theme : new String[] {"light", "dark", "projector"}) {
                fx(() -> {
                    w.stage().setWidth(1024);
                    w.stage().setHeight(768);
                    w.applyTheme(theme.equals("dark"), theme.equals("projector"),
                            AppLanguage.isChinese() ? "-fx-font-size: 14px; -fx-font-family: \"" + AppLanguage.family() + "\";" : null);
                    return null;
                });
                // the new size reaches the scene a moment after the stage's
                until(() -> w.stage().getScene().getWidth() <= 1024 && w.stage().getScene().getHeight() <= 768);
                WritableImage img = fx(() -> {
                    w.stage().getScene().getRoot().applyCss();
                    w.stage().getScene().getRoot().layout();
                    return w.stage().getScene().snapshot(null);
                });
                // the list shows its three candidates whole at 1024×768 (no row cut off)
                double listH = fx(() -> w.candidatesView().getHeight());
                assertThat(listH).isGreaterThanOrEqualTo(fx(() -> 3 * w.candidatesView().getFixedCellSize()));
                assertThat(img.getWidth()).isLessThanOrEqualTo(1024);
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                        dir.resolve("seq2seq-beam-" + lang + "-" + theme + "-1024.png").toFile());
            }
        }
    }
}
