package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestWindows;
import rnnlab.ui.shell.MainWindow;

/**
 * Issue 12: the presenter view shows the step's checkpoint (question, options, the answer key for the
 * teacher, the class's result once answered), and Swap screens exchanges the class screen and the teacher's.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterViewTest {
    /** A laptop (primary) and a projector, as ScreenPlanTest has them. */
    private static final List<Rectangle2D> TWO = List.of(new Rectangle2D(0, 0, 1280, 720),
            new Rectangle2D(1280, 0, 1024, 768));
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
    }

    @Test
    void theCheckpointItsAnswerKeyAndTheClassResultShow() throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(this::checkpoint);
    }

    private void checkpoint() throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        Lesson lesson = open();
        // lesson 9's "input-sign": a choice the engine decides (c_5 of unit 6); its explanation says the sign flips
        int at = -1;
        for (int i = 0; i < lesson.steps().size() && at < 0; i++) {
            for (Checkpoint c : lesson.steps().get(i).checkpoints()) {
                if (c.id().equals("input-sign")) {
                    at = i;
                }
            }
        }
        assertThat(at).isGreaterThanOrEqualTo(0);
        int step = at;
        Checkpoint c = lesson.steps().get(step).checkpoint();
        assertThat(c.question()).startsWith("Unit 6 entered step 5 with a positive memory");
        fx(() -> {
            window.lessons().go(step);
            window.presentation().presenter().show(null);
            return null;
        });
        PresenterView p = window.presentation().presenter();
        until(p::isShowing);
        until(() -> flat(p.checkpointsText()).contains("Unit 6 entered step 5 with a positive memory"));
        // the answer key, computed on the step's model once the engine shows it
        until(() -> flat(p.checkpointsText()).contains("Answer (for you): negative"));
        String shown = flat(fx(p::checkpointsText));
        assertThat(shown).contains("1. positive").contains("2. negative").contains("Class: not answered yet.")
                .containsPattern("the engine computes −\\d");
        assertThat(fx(() -> p.stage().getScene().lookup("#presenter-checkpoint-question"))).isNotNull();
        // the class answers in the main window: its result shows here too
        fx(() -> {
            ((RadioButton) window.scene().lookup("#lesson-option-2")).setSelected(true);
            ((Button) window.scene().lookup("#lesson-checkpoint-check")).fire();
            return null;
        });
        until(() -> flat(p.checkpointsText()).contains("Class: Right: negative."));
        shoot(p.stage(), "presenter-checkpoint");
        // a step without a checkpoint shows none
        int plain = -1;
        for (int i = 0; i < lesson.steps().size() && plain < 0; i++) {
            if (lesson.steps().get(i).checkpoints().isEmpty()) {
                plain = i;
            }
        }
        int none = plain;
        fx(() -> {
            window.lessons().go(none);
            return null;
        });
        until(() -> p.checkpointsText().isBlank());
        fx(() -> {
            p.close();
            window.lessons().close();
            return null;
        });
    }

    @Test
    void swapScreensIsInTheMenuThePresenterViewAndOnShiftF7AndFlipsThePlan() throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(this::swap);
    }

    private void swap() throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        Presentation pr = window.presentation();
        Rectangle2D onLaptop = new Rectangle2D(100, 100, 900, 600);
        assertThat(fx(pr::screensSwapped)).isFalse();
        assertThat(fx(() -> pr.plan(TWO, 0, onLaptop))).isEqualTo(new ScreenPlan(1, 0));
        // Lesson ▸ Swap screens, shown with its key
        MenuItem item = fx(() -> ((MenuBar) window.scene().lookup(".menu-bar")).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menu-lesson-swapScreens".equals(i.getId()))
                .findFirst().orElseThrow());
        assertThat(item.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shift+F7"));
        assertThat(item.getText()).isEqualTo("Swap screens (class ↔ presenter view)");
        fx(() -> {
            item.fire();
            return null;
        });
        assertThat(fx(pr::screensSwapped)).isTrue();
        assertThat(fx(() -> pr.plan(TWO, 0, onLaptop))).isEqualTo(new ScreenPlan(0, 1));
        // one screen here (Monocle): the status line says the swap waits for a second screen
        assertThat(fx(() -> window.viewModel().statusProperty().get()))
                .isEqualTo("Only one screen is connected: the swap takes effect when a second screen is connected.");
        // Shift+F7 on the main window swaps back
        fx(() -> {
            javafx.event.Event.fireEvent(window.scene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.F7, true, false, false, false));
            return null;
        });
        assertThat(fx(pr::screensSwapped)).isFalse();
        assertThat(fx(() -> pr.plan(TWO, 0, onLaptop))).isEqualTo(new ScreenPlan(1, 0));
        // the presenter view's button, with its tooltip, and Shift+F7 typed there (not F7: the view stays open)
        fx(() -> {
            pr.presenter().show(null);
            return null;
        });
        PresenterView p = pr.presenter();
        until(p::isShowing);
        Button b = fx(() -> (Button) p.stage().getScene().lookup("#presenter-swap"));
        assertThat(b.getText()).isEqualTo("Swap screens");
        assertThat(b.getTooltip().getText()).contains("Shift+F7");
        fx(() -> {
            b.fire();
            return null;
        });
        assertThat(fx(pr::screensSwapped)).isTrue();
        fx(() -> {
            javafx.event.Event.fireEvent(p.stage().getScene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.F7, true, false, false, false));
            return null;
        });
        assertThat(fx(pr::screensSwapped)).isFalse();
        assertThat(fx(p::isShowing)).isTrue();
        fx(() -> {
            p.close();
            return null;
        });
    }

    private Lesson open() throws Exception {
        String problem = fx(() -> {
            window.lessons().setLibrary(LessonLibrary.load(Path.of("lessons")));
            Path prog = Path.of("target", "test-home", "presenter-view-progress.json");
            Files.createDirectories(prog.getParent());
            Files.deleteIfExists(prog);
            window.lessons().setProgress(LessonProgress.load(prog));
            return window.lessons().open("lstm-gates");
        });
        assertThat(problem).isNull();
        return fx(() -> window.lessons().lesson());
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static void shoot(Stage s, String name) throws Exception {
        WritableImage img = fx(() -> s.getScene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
