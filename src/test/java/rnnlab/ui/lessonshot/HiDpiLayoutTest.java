package rnnlab.ui.lessonshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.FxWait;
import rnnlab.ui.controls.AppLanguage;

/**
 * Issue 12 at scale 2 (a 2560×1440 HiDPI screen showing the 1280×720 window full screen): the window laid
 * out at two device pixels per logical pixel, as {@code lessons check --layout 1280x720@2} shows it. Monocle's
 * headless screen is at scale 1, so the window's render scale is set to 2: the layout snaps to half logical
 * pixels (what differs at scale 2; text metrics are in logical pixels). In presentation mode, in English and
 * Chinese, a step with a canvas view, narration and a checkpoint shows with the same layout findings and the
 * same fit as at scale 1, and the picture is 2560×1440 (written to target/screenshots/hidpi-*.png).
 */
@ExtendWith(ApplicationExtension.class)
class HiDpiLayoutTest {
    @Start
    void start(Stage stage) {
        // the toolkit runs; StepScreens makes its own windows
    }

    @AfterAll
    static void english() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> AppLanguage.set(Locale.ENGLISH)).get();
    }

    @Test
    void aWindowAtRenderScale2SnapsItsLayoutToHalfPixels() throws Exception {
        double[] at = FxWait.fx(() -> {
            Region child = new Region();
            child.setPrefSize(10, 10);
            HBox box = new HBox(child);
            box.setPadding(new javafx.geometry.Insets(0.3));
            Stage s = new Stage();
            s.setScene(new Scene(box, 100, 50));
            s.show();
            box.layout();
            double one = child.getLayoutX();
            StepScreens.renderScale(s, 2);
            box.layout();
            double two = child.getLayoutX();
            double scale = s.getRenderScaleX();
            s.hide();
            return new double[] {one, two, scale};
        });
        assertThat(at[2]).as("the window's render scale").isEqualTo(2);
        assertThat(at[0]).as("0.3 px of padding snapped to whole pixels at scale 1").isEqualTo(0);
        assertThat(at[1]).as("0.3 px of padding snapped to half pixels at scale 2").isEqualTo(0.5);
    }

    @Test
    void presentationAt1280x720OnAScale2ScreenLaysOutAsAtScale1InBothLanguages() throws Exception {
        LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        List<StepScreens.Shot> shots = new ArrayList<>();
        for (String lang : List.of("en", "zh")) {
            // bptt step 9: the unrolled network's canvas with its labels, the narration and a checkpoint
            for (String[] step : new String[][] {{"bptt", "8"}}) {
                int i = Integer.parseInt(step[1]);
                shots.add(new StepScreens.Shot(step[0], i, lang, 1280, 720, true, null, 1));
                shots.add(new StepScreens.Shot(step[0], i, lang, 1280, 720, true,
                        dir.resolve("hidpi-" + step[0] + "-" + (i + 1) + "-1280x720@2-" + lang + ".png"), 2));
            }
        }
        List<List<StepScreens.Screen>> shown = new ArrayList<>();
        FxWait.ignoringRenderThreadOverflow(() -> shown.add(StepScreens.show(lib, shots)));
        List<StepScreens.Screen> screens = shown.get(0);
        assertThat(screens).hasSize(4);
        for (int i = 0; i < screens.size(); i += 2) {
            StepScreens.Screen one = screens.get(i);
            StepScreens.Screen two = screens.get(i + 1);
            String name = two.shot().lessonId() + " step " + (two.shot().step() + 1) + " " + two.shot().lang();
            System.out.println(name + " at scale 1: " + one.findings() + "; at scale 2: " + two.findings());
            assertThat(one.error()).as(name + " at scale 1").isNull();
            assertThat(two.error()).as(name + " at scale 2").isNull();
            assertThat(two.findings()).as(name + ": the layout findings at scale 2 are those at scale 1")
                    .containsExactlyInAnyOrderElementsOf(one.findings());
            assertThat(two.findings()).as(name + ": text cut or outside the window at scale 2")
                    .noneMatch(f -> f.contains("cut with an ellipsis") || f.contains("outside the window"));
            assertThat(two.fits()).as(name + ": the checkpoint shows whole at scale 2 as at scale 1").isEqualTo(one.fits());
            BufferedImage png = ImageIO.read(two.shot().png().toFile());
            assertThat(new int[] {png.getWidth(), png.getHeight()}).as(name + ": the picture in device pixels")
                    .containsExactly(2560, 1440);
        }
    }
}
