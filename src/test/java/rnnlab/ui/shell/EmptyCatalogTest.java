package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no views in the catalog the window still works and says clearly where the views will be. */
@ExtendWith(ApplicationExtension.class)
class EmptyCatalogTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, List.of());
        stage.show();
    }

    @Test
    void placeholderExplainsThatThereAreNoViewsYet(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().frameProperty().get() != null);
        assertThat(robot.lookup("#views-placeholder").query().isVisible()).isTrue();
        assertThat(robot.lookup(".placeholder-title").queryAs(Label.class).getText()).isEqualTo("No views yet");
        assertThat(robot.lookup("#timeline-position").queryAs(Label.class).getText())
                .isEqualTo("Ready: 4 time steps, nothing computed yet");
        MenuBar bar = robot.lookup("#menu").queryAs(MenuBar.class);
        Menu view = bar.getMenus().get(1);
        Menu visible = (Menu) view.getItems().get(view.getItems().size() - 1);
        assertThat(visible.getItems()).hasSize(1);
        assertThat(visible.getItems().get(0).isDisable()).isTrue();
        assertThat(visible.getItems().get(0).getText()).isEqualTo("No views available yet");
    }
}
