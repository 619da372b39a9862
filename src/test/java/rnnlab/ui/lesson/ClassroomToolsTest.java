package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestWindows;
import rnnlab.ui.shell.MainWindow;

/** Issue 12: zoom (double-click a view), the pen in presentation mode, and the presenter view. */
@ExtendWith(ApplicationExtension.class)
class ClassroomToolsTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
    }

    @Test
    void doubleClickingAViewFillsTheViewsAreaAndAgainReturns(FxRobot robot) throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        fx(() -> {
            window.showViews(List.of("view.unrolled", "view.lstm", "view.belt", "view.heatmap"));
            window.scene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double areaW = fx(() -> window.viewsArea().getWidth());
        double areaH = fx(() -> window.viewsArea().getHeight());
        assertThat(fx(() -> window.viewsArea().tile("view.lstm").getWidth())).isLessThan(0.6 * areaW);
        Node lstm = fx(() -> window.viewsArea().tile("view.lstm").getCenter());
        robot.doubleClickOn(lstm, MouseButton.PRIMARY);
        until(() -> "view.lstm".equals(window.viewsArea().zoomedProperty().get()));
        fx(() -> {
            window.scene().getRoot().layout();
            return null;
        });
        Bounds tile = fx(() -> window.viewsArea().tile("view.lstm").getBoundsInParent());
        assertThat(tile.getWidth()).isGreaterThan(0.95 * areaW);
        assertThat(tile.getHeight()).isGreaterThan(0.95 * areaH);
        // the other views are out of the way
        assertThat(fx(() -> window.viewsArea().tile("view.belt").getScene())).isNull();
        shoot("zoom-lstm-1280x720");
        robot.doubleClickOn(fx(() -> window.viewsArea().tile("view.lstm").getCenter()), MouseButton.PRIMARY);
        until(() -> window.viewsArea().zoomedProperty().get() == null);
        fx(() -> {
            window.scene().getRoot().layout();
            return null;
        });
        assertThat(fx(() -> window.viewsArea().tile("view.lstm").getWidth())).isLessThan(0.6 * areaW);
        assertThat(fx(() -> window.viewsArea().tile("view.belt").getScene())).isNotNull();
    }

    @Test
    void thePenDrawsOnTheClassScreenAndEscOrCClearsIt(FxRobot robot) throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        fx(() -> {
            window.presentation().enterInWindow();
            return null;
        });
        PresentationPen pen = window.presentation().pen();
        focusMain(robot);
        robot.type(KeyCode.D);
        until(() -> window.presentation().penOn());
        assertThat(fx(() -> window.viewModel().statusProperty().get())).startsWith("Pen on: drag to draw");
        Bounds views = fx(() -> window.viewsArea().localToScreen(window.viewsArea().getLayoutBounds()));
        double x = views.getMinX() + views.getWidth() * 0.3;
        double y = views.getMinY() + views.getHeight() * 0.5;
        robot.moveTo(x, y).press(MouseButton.PRIMARY).moveTo(x + 120, y + 10).moveTo(x + 200, y + 60).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(pen::hasDrawing)).isTrue();
        // the ink is on the canvas where the mouse went
        Color ink = fx(() -> {
            WritableImage img = pen.canvas().snapshot(transparent(), null);
            javafx.geometry.Point2D p = pen.canvas().screenToLocal(x + 60, y + 5);
            return img.getPixelReader().getColor((int) p.getX(), (int) p.getY());
        });
        assertThat(ink.getOpacity()).isGreaterThan(0.5);
        assertThat(ink.getRed()).isGreaterThan(0.7);
        shoot("presentation-pen-1280x720");
        // Esc wipes the drawing and stays in presentation mode; the next Esc leaves it
        robot.type(KeyCode.ESCAPE);
        until(() -> !pen.hasDrawing());
        assertThat(fx(() -> window.presentation().isOn())).isTrue();
        // C wipes too
        robot.moveTo(x, y).press(MouseButton.PRIMARY).moveTo(x + 80, y + 80).release(MouseButton.PRIMARY);
        until(pen::hasDrawing);
        robot.type(KeyCode.C);
        until(() -> !pen.hasDrawing());
        // D puts the pen away: clicks reach the views again
        robot.type(KeyCode.D);
        until(() -> !window.presentation().penOn());
        assertThat(fx(() -> pen.canvas().isMouseTransparent())).isTrue();
        robot.type(KeyCode.ESCAPE);
        until(() -> !window.presentation().isOn());
        assertThat(fx(() -> pen.canvas().getParent())).isNull();
    }

    @Test
    void thePresenterViewShowsNarrationNotesNextStepAndAClock(FxRobot robot) throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(() -> presenter(robot));
    }

    private void presenter(FxRobot robot) throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        fx(() -> {
            window.lessons().setLibrary(LessonLibrary.load(Path.of("lessons")));
            Path prog = Path.of("target", "test-home", "presenter-progress.json");
            Files.createDirectories(prog.getParent());
            Files.deleteIfExists(prog);
            window.lessons().setProgress(LessonProgress.load(prog));
            return window.lessons().open("lstm-gates");
        });
        fx(() -> {
            window.presentation().enterInWindow();
            return null;
        });
        // one screen: nothing opens by itself; F7 toggles the presenter view
        assertThat(fx(() -> window.presentation().presenter().isShowing())).isFalse();
        focusMain(robot);
        robot.type(KeyCode.F7);
        PresenterView p = window.presentation().presenter();
        until(p::isShowing);
        var lesson = fx(() -> window.lessons().lesson());
        assertThat(fx(p::stepText)).isEqualTo("Step 1 of " + lesson.steps().size() + ": " + lesson.steps().get(0).title());
        assertThat(fx(p::nextText)).isEqualTo("Next: " + lesson.steps().get(1).title());
        assertThat(fx(p::clockText)).matches("\\d\\d:\\d\\d:\\d\\d");
        // keys typed in the presenter view go to the main window: a clicker's PageDown / PageUp step the
        // lesson whichever window has the focus (fired at its scene: under Monocle typed keys did not reach it)
        fx(() -> {
            javafx.event.Event.fireEvent(p.stage().getScene().getRoot(), new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.PAGE_DOWN, false, false, false, false));
            return null;
        });
        until(() -> window.lessons().stepIndex() == 1);
        assertThat(fx(p::stepText)).isEqualTo("Step 2 of " + lesson.steps().size() + ": " + lesson.steps().get(1).title());
        fx(() -> {
            javafx.event.Event.fireEvent(p.stage().getScene().getRoot(), new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.PAGE_UP, false, false, false, false));
            return null;
        });
        until(() -> window.lessons().stepIndex() == 0);
        // the presenter view follows the lesson
        fx(() -> {
            window.lessons().go(lesson.steps().size() - 1);
            return null;
        });
        until(() -> p.stepText().startsWith("Step " + lesson.steps().size() + " of"));
        assertThat(fx(p::nextText)).isEqualTo("This is the last step.");
        // the teacher notes are shown here even while hidden from the class
        int withNotes = -1;
        for (int i = 0; i < lesson.steps().size(); i++) {
            if (rnnlab.lessons.TeacherNotes.has(lesson.steps().get(i).narration())) {
                withNotes = i;
                break;
            }
        }
        if (withNotes >= 0) {
            int s = withNotes;
            fx(() -> {
                window.lessons().go(s);
                return null;
            });
            assertThat(fx(() -> window.lessons().teacherNotesProperty().get())).isFalse();
            String shown = fx(() -> text(p.stage().getScene().lookup("#presenter-narration")));
            assertThat(shown).contains("Teacher note:");
        }
        shootStage(p.stage(), "presenter-view");
        // Lesson ▸ Presenter view closes it again (F7 with the presenter window focused is not checked here:
        // under Monocle the key did not reach that window's scene)
        fx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) window.scene().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menu-lesson-presenter".equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        until(() -> !p.isShowing());
        fx(() -> {
            window.presentation().leave();
            window.lessons().close();
            return null;
        });
    }

    private static String text(Node n) {
        StringBuilder b = new StringBuilder();
        if (n instanceof javafx.scene.text.Text t) {
            b.append(t.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> b.append(text(c)));
        }
        return b.toString();
    }

    private static javafx.scene.SnapshotParameters transparent() {
        javafx.scene.SnapshotParameters sp = new javafx.scene.SnapshotParameters();
        sp.setFill(Color.TRANSPARENT);
        return sp;
    }

    private void shoot(String name) throws Exception {
        shootStage(window.stage(), name);
    }

    private static void shootStage(Stage s, String name) throws Exception {
        WritableImage img = fx(() -> s.getScene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }

    /** Keys go to the main window: other windows (left by earlier tests) hidden, the main one focused. */
    private void focusMain(FxRobot robot) throws Exception {
        fx(() -> {
            for (javafx.stage.Window other : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (other != window.stage() && !(other instanceof javafx.stage.PopupWindow)) {
                    other.hide();
                }
            }
            window.stage().toFront();
            window.stage().requestFocus();
            return null;
        });
        robot.clickOn("#views");
    }
}
