package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.viewmodel.LanguageSetting;
import rnnlab.ui.views.ViewCatalog;

/** Chinese asked for on a machine without a CJK font: English, and a bilingual notice naming the package — never boxes. */
@ExtendWith(ApplicationExtension.class)
class NoCjkFontLangTest {
    private MainWindow window;

    @Start
    void start(Stage s) {
        AppLanguage.overrideInstalledFamilies(List.of("DejaVu Sans", "DejaVu Sans Mono"));
        // what RnnLabApp does with --lang zh
        String notice = LanguageSetting.apply(AppLanguage.CHINESE);
        window = new MainWindow(s, ViewCatalog.createAll());
        window.showNotice(notice);
        s.setWidth(1280);
        s.setHeight(720);
        s.show();
    }

    @AfterAll
    static void reset() {
        AppLanguage.overrideInstalledFamilies(null);
        AppLanguage.set(AppLanguage.ENGLISH);
    }

    @Test
    void theWindowIsEnglishAndTheNoticeStaysAfterTheFirstCommand(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().frameProperty().get() != null);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = robot.lookup("#menu").queryAs(MenuBar.class);
        assertThat(bar.getMenus().stream().map(Menu::getText).toList()).containsExactly("File", "View", "Train", "Lesson", "Help");
        String text = robot.lookup("#notice-text").queryAs(Label.class).getText();
        assertThat(text).contains("sudo apt install fonts-wqy-microhei").contains("中文界面需要中文字体");
        assertThat(robot.lookup("#notice").query().isVisible()).isTrue();
        // View > Language > 中文 refuses too, and says why
        assertThat(WaitForAsyncUtils.asyncFx(() -> LanguageSwitch.switchTo(window, AppLanguage.CHINESE)).get()).isFalse();
        assertThat(AppLanguage.isChinese()).isFalse();
        BufferedImage img = WaitForAsyncUtils.asyncFx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null)).get();
        Path out = Path.of("target/screenshots/main-no-cjk-font.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        robot.clickOn("#notice-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#notice").query().isVisible()).isFalse();
    }
}
