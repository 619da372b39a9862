package rnnlab.ui.textlab;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.analysis.Activations;
import rnnlab.analysis.CharText;
import rnnlab.analysis.Connectivity;
import rnnlab.analysis.TextPattern;
import rnnlab.analysis.UnitSearch;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.i18n.Messages;
import rnnlab.io.imports.ModelFiles;
import rnnlab.ui.TestWindows;
import rnnlab.ui.shell.MainWindow;

/**
 * View ▸ What did the network learn? with the shipped code LSTM over 20,000+ characters of Java that were not
 * in its training text (the tests): the long text is laid out and scrolls, the unit rows are the units
 * {@link UnitSearch} ranks (same correlations), clicking a row shades the text by that unit and selects it in
 * the main window, a selection ranks units too, the search box finds and scrolls, the minimap jumps, connectivity
 * shading equals {@link Connectivity}'s norms, and the Sample tab writes while showing the gates. Screenshots
 * target/screenshots/textlab-{en,zh}.png and textlab-sample-{en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class TextLabWindowTest {
    static final Path MODEL = Path.of("assets", "models", "code-lstm.model.json");
    private MainWindow main;

    @Start
    void begin(Stage stage) {
        main = TestWindows.show(stage, 1024, 768);
    }

    @AfterAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    /** At least 20,000 characters of the project's test sources (held out: the corpus is src/main only). */
    static Path heldOutText() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(Path.of("src", "test", "java", "rnnlab", "analysis"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                b.append(Files.readString(p));
            }
        }
        try (Stream<Path> s = Files.walk(Path.of("src", "test", "java", "rnnlab", "engine"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (b.length() > 24_000) {
                    break;
                }
                b.append(Files.readString(p));
            }
        }
        Path f = Files.createTempFile("heldout", ".txt");
        Files.writeString(f, b.toString());
        return f;
    }

    private static void waitFor(TextLabWindow w) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !w.busy() && w.activations() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(TextLabWindow w, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        var img = fx(() -> w.stage().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void findsFollowsSearchesAndConnectsOverALongHeldOutText() throws Exception {
        Path text = heldOutText();
        Model model = ModelFiles.read(MODEL).modelFor(LossType.CROSS_ENTROPY);
        CharText ct = CharText.encode(Files.readString(text), model.config());
        assertThat(ct.length()).isGreaterThanOrEqualTo(20_000);
        Activations ref = Activations.of(model, ct);
        for (String lang : new String[] {"en", "zh"}) {
            Messages.setLocale(Locale.forLanguageTag(lang));
            TextLabWindow w = fx(() -> TextLabWindow.show(main.stage(), main.scene(),
                    main.context().selectedUnitProperty()));
            fx(() -> {
                w.stage().setWidth(1100);
                w.stage().setHeight(720);
                w.choose(MODEL, text);
                return null;
            });
            waitFor(w);
            // the text and the inside-quotes search that loading starts
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !w.busy() && !w.rows().hits().isEmpty()));
            assertThat(fx(() -> w.text().layoutInfo().length())).isEqualTo(ct.length());
            assertThat(fx(() -> w.text().layoutInfo().lines())).isGreaterThan(400);
            List<UnitSearch.Hit> expected = UnitSearch.rank(ref,
                    TextPattern.parse("inside-quotes").signal(ct.codePoints()), 10);
            List<UnitSearch.Hit> shown = fx(() -> w.rows().hits());
            assertThat(shown).hasSize(10);
            assertThat(shown.get(0).unit()).isEqualTo(expected.get(0).unit());
            assertThat(shown.get(0).corr()).isCloseTo(expected.get(0).corr(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(fx(() -> w.rows().labels().get(0))).isEqualTo(Messages.format("textlab.unitRow",
                    expected.get(0).unit().unit(), String.format(Locale.ROOT, "%.2f", expected.get(0).corr()).replace('-', '\u2212'),
                    expected.get(0).unit().key()));
            // no row label is cut (the Chinese ones are wider): each is as wide as its text needs
            assertThat(fx(() -> w.rows().labelsCut())).isZero();
            // click the third row: the text is shaded by that unit, and the main window follows it
            UnitSearch.Hit third = shown.get(2);
            fx(() -> {
                w.rows().click(2);
                return null;
            });
            assertThat(fx(() -> w.text().values())).containsExactly(ref.trace(ref.indexOf(third.unit())));
            if (!third.unit().cellState()) {
                assertThat(fx(() -> main.context().selectedUnitProperty().get())).isEqualTo(third.unit().unit());
            }
            // scroll deep into the text
            fx(() -> {
                w.text().scrollToChar(15_000);
                return null;
            });
            assertThat(fx(() -> w.text().firstVisibleChar())).isLessThanOrEqualTo(15_000).isGreaterThan(13_000);
            assertThat(fx(() -> w.text().endVisibleChar())).isGreaterThan(15_000);
            // the search box finds a word and scrolls to it
            fx(() -> {
                w.search("assertThat");
                return null;
            });
            int at = ct.text().indexOf("assertThat");
            assertThat(fx(w::status)).isEqualTo(Messages.format("textlab.foundAt", ct.text().codePointCount(0, at)));
            // the minimap: a click at its middle shows the middle of the text
            fx(() -> {
                var m = w.text().minimapCanvas();
                m.getOnMousePressed().handle(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                        10, m.getHeight() / 2, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false,
                        false, true, false, false, false, false, false, null));
                return null;
            });
            int first = fx(() -> w.text().firstVisibleChar());
            assertThat(first).isBetween(ct.length() / 2 - 3000, ct.length() / 2);
            // a selection: the units that follow the selected characters
            int q = ct.text().indexOf('"', 2000);
            fx(() -> {
                w.text().select(q, q + 12);
                w.setPattern("selection");
                w.findUnits();
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !w.busy()));
            List<UnitSearch.Hit> sel = UnitSearch.rank(ref, TextPattern.range(q, q + 12).signal(ct.codePoints()), 10);
            assertThat(fx(() -> w.rows().hits().get(0).unit())).isEqualTo(sel.get(0).unit());
            // connectivity of the prediction after a character, against the analysis itself
            int pos = 12_345;
            fx(() -> {
                w.setConnectivityMode(true);
                w.clickChar(pos);
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !w.busy() && w.text().marked() == pos));
            Connectivity.Result c = Connectivity.of(model, ct, pos, -1, 400);
            float[] shade = fx(() -> w.text().values());
            assertThat(shade[pos - 399]).isEqualTo((float) c.at(pos - 399)).isPositive();
            assertThat(shade[pos - 400]).isZero();
            assertThat(shade[pos]).isEqualTo((float) c.at(pos));
            fx(() -> {
                w.setConnectivityMode(false);
                w.rows().click(0);
                w.text().scrollToChar(at);
                return null;
            });
            shot(w, "textlab-" + lang);
            // the Sample tab: the model writes; the gates of layer 0 are shown for the last character
            fx(() -> {
                w.tabs().getSelectionModel().select(1);
                w.samplePane().setPrime("public static ");
                w.samplePane().setTemperature(0.6);
                w.samplePane().write();
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !w.busy()));
            String written = fx(() -> w.samplePane().written());
            assertThat(written).startsWith("public static ").hasSizeGreaterThanOrEqualTo(400);
            assertThat(fx(w::status)).isEqualTo(Messages.format("textlab.sample.done", written.codePointCount(0, written.length())));
            double[][] gates = fx(() -> w.samplePane().lastGates());
            assertThat(gates).hasDimensions(4, 64);
            assertThat(gates[1][0]).isBetween(0.0, 1.0); // f is a sigmoid gate
            shot(w, "textlab-sample-" + lang);
            fx(() -> {
                w.stage().close();
                return null;
            });
        }
    }
}
