package rnnlab.ui.export;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;

/** File ▸ Export pass as GIF: one frame per step, animated, written atomically, cancellable. */
@ExtendWith(ApplicationExtension.class)
class GifExportTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
        vm = window.viewModel();
    }

    private static void until(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(c));
    }

    /** A 5-step run ("hello!" → next-character targets), the cursor left at position 2. */
    private LabView prepare() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.sequenceTextProperty().set("hello!");
            return null;
        });
        until(() -> vm.frameProperty().get().length() == 5);
        fx(() -> {
            vm.seek(2);
            return null;
        });
        until(() -> vm.positionProperty().get() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> window.viewsArea().views().get(0));
    }

    @Test
    void aForwardPassBecomesAnAnimatedGifWithOneFramePerStep() throws Exception {
        LabView unrolled = prepare();
        assertThat(unrolled.id()).isEqualTo("view.unrolled");
        Path file = dir.resolve("pass.gif");
        GifExport.Job job = fx(() -> GifExport.start(window, unrolled, GifExport.Pass.FORWARD, 1, file));
        assertThat(job.done.get(60, TimeUnit.SECONDS)).isTrue();
        double w = fx(() -> ((javafx.scene.layout.Region) unrolled.node()).getWidth());
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertThat(r.getNumImages(true)).isEqualTo(5);
            BufferedImage first = r.read(0);
            BufferedImage last = r.read(4);
            assertThat(first.getWidth()).isEqualTo((int) Math.round(w));
            assertThat(last.getWidth()).isEqualTo(first.getWidth());
            assertThat(last.getHeight()).isEqualTo(first.getHeight());
            assertThat(differingPixels(first, last)).isGreaterThan(100);
            // frame delays: a hold on the first and last frames, and the loop-forever extension
            assertThat(delay(r, 0)).isEqualTo(GifExport.FIRST_HOLD);
            assertThat(delay(r, 2)).isEqualTo(GifExport.STEP_DELAY);
            assertThat(delay(r, 4)).isEqualTo(GifExport.LAST_HOLD);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
        }
        // the timeline is back where it was; no temporary file is left
        until(() -> vm.positionProperty().get() == 2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("pass.gif");
        }
        System.out.println("GIF of 5 steps at 1x: " + Files.size(file) + " bytes");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(file, Path.of("target", "screenshots", "pass-forward.gif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theBackwardPassToo() throws Exception {
        LabView unrolled = prepare();
        Path file = dir.resolve("bptt.gif");
        GifExport.Job job = fx(() -> GifExport.start(window, unrolled, GifExport.Pass.BACKWARD, 1, file));
        assertThat(job.done.get(60, TimeUnit.SECONDS)).isTrue();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertThat(r.getNumImages(true)).isEqualTo(5);
            assertThat(differingPixels(r.read(0), r.read(4))).isGreaterThan(100);
        }
    }

    @Test
    void cancelLeavesNoFileAndRestoresTheTimeline() throws Exception {
        LabView unrolled = prepare();
        Path file = dir.resolve("cancelled.gif");
        GifExport.Job job = fx(() -> {
            GifExport.Job j = GifExport.start(window, unrolled, GifExport.Pass.FORWARD, 2, file);
            j.cancel();
            return j;
        });
        assertThat(job.done.get(60, TimeUnit.SECONDS)).isFalse();
        until(() -> vm.positionProperty().get() == 2);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
        // cancelling while encoding: the partly written file goes too
        GifExport.Job late = fx(() -> GifExport.start(window, unrolled, GifExport.Pass.FORWARD, 2, file));
        fx(() -> {
            late.progressProperty().addListener((o, a, p) -> {
                if (p.doubleValue() > 0.5) {
                    late.cancel();
                }
            });
            return null;
        });
        assertThat(late.done.get(60, TimeUnit.SECONDS)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aMissingFolderFailsWithoutTouchingTheTimeline() throws Exception {
        LabView unrolled = prepare();
        Path file = dir.resolve("no-such-folder").resolve("x.gif");
        GifExport.Job job = fx(() -> GifExport.start(window, unrolled, GifExport.Pass.FORWARD, 1, file));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.done.get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
        until(() -> vm.positionProperty().get() == 2);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    private static int delay(ImageReader r, int i) throws Exception {
        IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
        return Integer.parseInt(gce.getAttribute("delayTime"));
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
