package rnnlab.ui.lesson;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.ViewsArea;

/** Presentation mode (F5 / Esc), the projector palette, the spotlight's tile, and locked or hidden controls. */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    private MainWindow window;
    private RunViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
        vm = window.viewModel();
    }

    @Test
    void f5PresentsAndEscLeavesRestoringTheWindow(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            window.training().shownProperty().set(true);
            return null;
        });
        robot.clickOn("#views");
        robot.type(KeyCode.F5);
        until(() -> window.presentation().isOn());
        Node root = fx(() -> window.scene().getRoot());
        assertThat(root.getStyleClass()).contains("projector", "presenting").doesNotContain("dark");
        assertThat(fx(() -> window.theme().fontScale())).isEqualTo(Presentation.FONT_SCALE);
        assertThat(root.getStyle()).contains("24.5px");
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isFalse();
        assertThat(fx(() -> window.training().shownProperty().get())).isFalse();
        assertThat(robot.lookup("#panel-model").tryQuery()).isEmpty();
        // the canvas views draw in the projector palette
        assertThat(fx(() -> window.context().projectorThemeProperty().get())).isTrue();
        var lstm = (rnnlab.ui.controls.LabCanvasControl) window.viewsArea().views().stream()
                .filter(v -> v.id().equals("view.lstm")).findFirst().orElseThrow().node();
        assertThat(fx(lstm::isProjectorTheme)).isTrue();
        // → still steps the timeline (no lesson open)
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 1);
        robot.type(KeyCode.ESCAPE);
        until(() -> !window.presentation().isOn());
        assertThat(root.getStyleClass()).doesNotContain("projector", "presenting");
        assertThat(fx(() -> window.theme().fontScale())).isEqualTo(1.0);
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isTrue();
        assertThat(fx(() -> window.training().shownProperty().get())).isTrue();
        assertThat(fx(lstm::isProjectorTheme)).isFalse();
    }

    @Test
    void aPartIdLightsTheTileOfItsView(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            window.showViews(List.of("view.unrolled", "view.lstm", "view.belt"));
            window.context().highlightProperty().set("lstm.gate.f");
            return null;
        });
        assertThat(robot.lookup("#tile-view-lstm").query().getStyleClass()).contains("highlighted");
        assertThat(robot.lookup("#tile-view-belt").query().getStyleClass()).contains("dimmed");
        fx(() -> {
            window.context().highlightProperty().set("formula.heading");
            return null;
        });
        assertThat(ViewsArea.viewOf("formula.heading")).isEqualTo("view.formulas");
        assertThat(ViewsArea.viewOf("belt.unit.2")).isEqualTo("view.belt");
        assertThat(ViewsArea.viewOf("view.lstm")).isEqualTo("view.lstm");
        assertThat(ViewsArea.viewOf("timeline.play")).isNull();
        // formulas is not shown: nothing dims
        assertThat(robot.lookup("#tile-view-lstm").query().getStyleClass()).doesNotContain("highlighted", "dimmed");
        fx(() -> {
            window.context().highlightProperty().set("timeline.play");
            return null;
        });
        assertThat(robot.lookup("#timeline-play").query().getStyleClass()).contains("highlighted");
    }

    @Test
    void locksDisableAndHideUntilTheTeacherUnlocks(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(robot.lookup("#lesson-locked-hint").query().isVisible()).isFalse();
        fx(() -> {
            window.locks().apply(Set.of("model", "timeline", "training"), Set.of("sequence", "views"));
            return null;
        });
        assertThat(robot.lookup("#panel-model").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#timeline").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#panel-sequence").query().isVisible()).isFalse();
        assertThat(robot.lookup("#lesson-locked-hint").query().isVisible()).isTrue();
        MenuItem train = menu("menu-train");
        assertThat(train.isDisable()).isTrue();
        assertThat(menu("menu-train-panel").isDisable()).isTrue();
        assertThat(menu("menu-view-views").isVisible()).isFalse();
        // a locked timeline ignores → (no lesson open)
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT);
        Thread.sleep(300);
        assertThat(fx(() -> vm.positionProperty().get())).isZero();
        // the teacher unlocks (Lesson ▸ Unlock controls)
        fx(() -> {
            menu("menu-lesson-unlock").fire();
            return null;
        });
        assertThat(robot.lookup("#panel-model").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#timeline").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#panel-sequence").query().isVisible()).isTrue();
        assertThat(menu("menu-train").isDisable()).isFalse();
        assertThat(menu("menu-view-views").isVisible()).isTrue();
        assertThat(robot.lookup("#lesson-locked-hint").query().isVisible()).isFalse();
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 1);
        // hiding the side panel hides it, unlocking brings it back
        fx(() -> {
            window.locks().apply(Set.of(), Set.of("side_panel"));
            return null;
        });
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isFalse();
        fx(() -> {
            window.locks().unlockAll();
            return null;
        });
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isTrue();
    }

    private MenuItem menu(String id) throws Exception {
        return fx(() -> find(((javafx.scene.control.MenuBar) window.scene().lookup("#menu")).getMenus(), id));
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem m : items) {
            if (id.equals(m.getId())) {
                return m;
            }
            if (m instanceof javafx.scene.control.Menu menu) {
                MenuItem f = find(menu.getItems(), id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
