package rnnlab.ui.shell;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.io.UserFiles;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.viewmodel.LanguageSetting;
import rnnlab.io.Preset;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.compare.CompareWindow;
import rnnlab.ui.compare.PinGateWindow;
import rnnlab.ui.views.ViewCatalog;

/** The whole window in Chinese: menus, panels, timeline and views; switching the language live keeps the scenario. */
@ExtendWith(ApplicationExtension.class)
class MainWindowZhTest {
    private MainWindow window;
    private RunViewModel vm;
    private Stage stage;

    @BeforeAll
    static void chinese() {
        AppLanguage.set(AppLanguage.CHINESE);
    }

    @AfterAll
    static void english() throws Exception {
        AppLanguage.set(AppLanguage.ENGLISH);
        java.util.Locale.setDefault(AppLanguage.systemLocale());
        UserFiles.putSetting(LanguageSetting.KEY, null);
    }

    @Start
    void start(Stage s) {
        AppLanguage.set(AppLanguage.CHINESE);
        stage = s;
        window = new MainWindow(s, ViewCatalog.createAll());
        vm = window.viewModel();
        s.setWidth(1280);
        s.setHeight(720);
        s.show();
    }

    private static void write(BufferedImage img, String name) throws Exception {
        Path out = Path.of("target/screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
    }

    private static boolean chinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
    }

    private void lstmAtStep3(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.applyPreset(Preset.LSTM_8);
            return null;
        });
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT, 3);
        until(() -> vm.positionProperty().get() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600);
    }

    @Test
    void menusPanelsTimelineAndViewsAreChinese(FxRobot robot) throws Exception {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        lstmAtStep3(robot);
        MenuBar bar = robot.lookup("#menu").queryAs(MenuBar.class);
        assertThat(fx(() -> bar.getMenus().stream().map(Menu::getText).toList())).containsExactly("文件", "视图", "训练", "课程", "帮助");
        List<String> viewItems = fx(() -> bar.getMenus().get(1).getItems().stream().map(MenuItem::getText)
                .filter(t -> t != null).toList());
        assertThat(viewItems).contains("主题", "字号", "语言 (Language)", "布局");
        assertThat(robot.lookup("#timeline-position").queryAs(Label.class).getText()).startsWith("正向 · t = 3 / ");
        assertThat(robot.lookup(".panel-title").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("模型")).anyMatch(t -> t.contains("序列"));
        // tile headers are the views' Chinese titles
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("LSTM 单元", "展开的网络", "隐藏状态热力图");
        assertThat(fx(() -> stage.getTitle())).isEqualTo("RNN Lab 循环神经网络实验室");
        assertThat(fx(() -> window.scene().getRoot().getStyle())).contains("-fx-font-family: \"" + AppLanguage.family() + "\"");
        write(fx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null)), "main-zh");

        // the View menu open: its items fit (screenshot of the popup)
        fx(() -> {
            bar.getMenus().get(1).show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        Scene popup = fx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(Window::getScene).findFirst().orElse(null));
        assertThat(popup).isNotNull();
        write(fx(() -> SwingFXUtils.fromFXImage(popup.snapshot(null), null)), "menu-view-zh");
        fx(() -> {
            bar.getMenus().get(1).hide();
            return null;
        });

        // the training panel (Ctrl+T)
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        until(() -> robot.lookup("#training-task").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("训练模型", "学习率", "优化器");
        write(fx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null)), "main-zh-training");
    }

    @Test
    void switchingToEnglishRebuildsTheWindowAndKeepsTheScenario(FxRobot robot) throws Exception {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        lstmAtStep3(robot);
        assertThat(fx(() -> LanguageSwitch.switchTo(window, AppLanguage.ENGLISH))).isTrue();
        until(() -> stage.getScene() != window.scene());
        until(() -> robot.lookup("#timeline-position").queryAs(Label.class).getText().startsWith("Forward · t = 3 of"));
        MenuBar bar = robot.lookup("#menu").queryAs(MenuBar.class);
        assertThat(fx(() -> bar.getMenus().stream().map(Menu::getText).toList())).containsExactly("File", "View", "Train", "Lesson", "Help");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText).contains("LSTM cell");
        assertThat(LanguageSetting.saved()).isEqualTo("en");
        assertThat(AppLanguage.isChinese()).isFalse();
        // and back to Chinese through the View > Language menu item
        MenuItem zh = fx(() -> bar.getMenus().get(1).getItems().stream().filter(i -> i instanceof Menu)
                .map(i -> (Menu) i).filter(m -> "Language".equals(m.getText())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> "中文".equals(i.getText())).findFirst().orElseThrow());
        Scene before = fx(() -> stage.getScene());
        fx(() -> {
            zh.fire();
            return null;
        });
        until(() -> stage.getScene() != before);
        until(() -> robot.lookup("#timeline-position").queryAs(Label.class).getText().startsWith("正向 · t = 3 / "));
        assertThat(LanguageSetting.saved()).isEqualTo("zh");
        assertThat(chinese(robot.lookup("#status").queryAs(Label.class).getText())).isTrue();
        // JavaFX's own texts (e.g. a text field's context menu) follow too
        assertThat(java.util.Locale.getDefault().getLanguage()).isEqualTo("zh");
        assertThat(com.sun.javafx.scene.control.skin.resources.ControlResources.getString("TextInputControl.menu.Copy"))
                .isEqualTo("复制");
        AppLanguage.set(AppLanguage.CHINESE);
    }

    @Test
    void dialogsAndSecondaryWindowsAreChinese(FxRobot robot) throws Exception {
        assumeTrue(AppLanguage.canShowChinese(), "no CJK font installed (Debian: fonts-wqy-microhei)");
        lstmAtStep3(robot);
        // F1: the shortcut list with a Chinese close button
        robot.type(KeyCode.F1);
        until(() -> robot.lookup("#shortcuts").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        javafx.scene.layout.GridPane keys = robot.lookup("#shortcuts").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(fx(() -> keys.getChildren().stream().map(n -> ((Label) n).getText()).toList()))
                .contains("空格", "播放或暂停", "将视图导出为 PNG (2×)");
        assertThat(robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class))
                .extracting(javafx.scene.control.Button::getText).contains("关闭");
        write(fx(() -> SwingFXUtils.fromFXImage(keys.getScene().snapshot(null), null)), "shortcuts-zh");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        PinGateWindow pin = fx(() -> window.showPinGate());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        assertThat(fx(() -> pin.stage().getTitle())).isEqualTo("固定门");
        write(fx(() -> SwingFXUtils.fromFXImage(pin.stage().getScene().snapshot(null), null)), "pin-gate-zh");
        fx(() -> {
            pin.close();
            return null;
        });

        CompareWindow cmp = fx(() -> window.showComparison());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(1500);
        assertThat(fx(() -> cmp.stage().getTitle())).isEqualTo("比较循环单元类型");
        write(fx(() -> SwingFXUtils.fromFXImage(cmp.stage().getScene().snapshot(null), null)), "compare-zh");
        fx(() -> {
            cmp.close();
            return null;
        });

        fx(() -> {
            window.training().showExperiment();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        Stage exp = fx(() -> window.training().experimentStage());
        assertThat(fx(exp::getTitle)).isEqualTo("RNN Lab – 序列长度实验");
        write(fx(() -> SwingFXUtils.fromFXImage(exp.getScene().snapshot(null), null)), "experiment-zh");
        fx(() -> {
            exp.close();
            return null;
        });
    }
}
