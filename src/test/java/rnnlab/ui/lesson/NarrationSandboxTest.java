package rnnlab.ui.lesson;


import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.tex.TexSandbox;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.formula.TexImages;
import rnnlab.ui.formula.TexRenderer;

/**
 * Hostile lesson math in the narration (and so in checkpoints, which use it): nothing reaches the network
 * or the file system, a macro that expands for ever never reaches the parser, a formula that never ends
 * is abandoned after the budget, and in each case the FX thread keeps answering and the formula shows as
 * its source with a one-line warning.
 */
@ExtendWith(ApplicationExtension.class)
class NarrationSandboxTest {
    @TempDir
    Path dir;

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    /** Every source the TeX parser was asked to parse. */
    private final List<String> parsed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        AppLanguage.set(Locale.ENGLISH);
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                // closed
            }
        }, "test-server");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        WaitForAsyncUtils.asyncFx(() -> TexRenderer.useBackgroundThread(false)).get();
    }

    /** The real parser, recording what it is given. */
    private TexImages spying() {
        return new TexImages(new TexSandbox(TexSandbox.BUDGET, s -> {
            parsed.add(s);
            return new TeXFormula(s);
        }));
    }

    private static VBox render(String md, TexImages tex) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Narration.render(md, 16, Color.BLACK, tex)).get(30, TimeUnit.SECONDS);
    }

    /** The FX thread runs a trivial task at once (within 2 s even on a busy machine). */
    private static void fxAnswers() throws Exception {
        long t0 = System.nanoTime();
        assertThat(WaitForAsyncUtils.asyncFx(() -> 42).get(2, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
    }

    private static List<String> warnings(VBox box) {
        return NarrationTest.texts(box).stream().filter(t -> t.getStyleClass().contains("tex-warning"))
                .map(Text::getText).map(String::trim).toList();
    }

    private static List<ImageView> images(VBox box) {
        return NarrationTest.all(box, new java.util.ArrayList<>()).stream().filter(ImageView.class::isInstance)
                .map(ImageView.class::cast).toList();
    }

    @Test
    void includegraphicsOfAUrlOrAFileMakesNoRequestAndShowsItsSource() throws Exception {
        Path png = dir.resolve("red.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png.toFile());
        String url = "http://127.0.0.1:" + server.getLocalPort() + "/tex.png";
        VBox box = render("See $h_t$ and $\\includegraphics{" + url + "}$.\n\n$$\\includegraphics{" + png + "}$$\n\n"
                + "Question: $\\text{\\includegraphics{" + url + "}}$", spying());
        Thread.sleep(300);
        assertThat(connections).hasValue(0);
        // only the harmless formula reached the parser
        assertThat(parsed).containsExactly("h_t");
        assertThat(images(box)).extracting(ImageView::getUserData).containsExactly("h_t");
        assertThat(warnings(box)).containsExactly("\u26a0 not typeset: \\includegraphics loads files or URLs",
                "\u26a0 not typeset: \\includegraphics loads files or URLs",
                "\u26a0 not typeset: \\includegraphics loads files or URLs");
        assertThat(Narration.text(box)).contains("$\\includegraphics{" + url + "}$").contains(png.toString());
        fxAnswers();
        // the recorder does count a connection (so the zero above means something)
        new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()).close();
        long until = System.nanoTime() + 5_000_000_000L;
        while (connections.get() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void aRecursiveMacroNeverReachesTheParserAndTheWindowAnswers() throws Exception {
        long t0 = System.nanoTime();
        VBox box = render("Try $\\newcommand{\\a}{\\a x}\\a$ now.", spying());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
        fxAnswers();
        assertThat(parsed).isEmpty();
        assertThat(images(box)).isEmpty();
        assertThat(warnings(box)).containsExactly("\u26a0 not typeset: \\newcommand defines macros");
        assertThat(Narration.text(box)).startsWith("Try $\\newcommand{\\a}{\\a x}\\a$");
    }

    @Test
    void aFormulaThatNeverEndsIsAbandonedOffTheFxThread() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        TexImages spinning = new TexImages(new TexSandbox(Duration.ofMillis(300), s -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return new TeXFormula(s);
        }));
        try {
            // the app: typesetting on its own thread, the narration shows at once
            WaitForAsyncUtils.asyncFx(() -> TexRenderer.useBackgroundThread(true)).get();
            VBox box = render("Slow $x^2$ here.", spinning);
            // returned before the budget: a placeholder waits for the image
            assertThat(images(box)).singleElement().satisfies(iv -> assertThat(iv.getImage()).isNull());
            assertThat(warnings(box)).isEmpty();
            fxAnswers();
            long until = System.nanoTime() + 10_000_000_000L;
            while (warnings(box).isEmpty() && System.nanoTime() < until) {
                fxAnswers();
                Thread.sleep(50);
            }
            assertThat(warnings(box)).containsExactly("\u26a0 not typeset: it took longer than 0.3 s");
            assertThat(images(box)).isEmpty();
            assertThat(Narration.text(box)).startsWith("Slow $x^2$ \u26a0");
        } finally {
            release.set(true);
        }
    }
}
