package rnnlab.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.controls.AppLanguage;

/**
 * Chinese headings keep their weight: with Debian's fonts-noto-cjk installed (as .ci/run does) the app
 * picks Noto Sans CJK SC, whose bold is a real bold face (WenQuanYi Micro Hei has none).
 */
@ExtendWith(ApplicationExtension.class)
class CjkBoldFontTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void notoSansCjkIsPreferredAndHasARealBold() throws Exception {
        boolean installed = WaitForAsyncUtils.asyncFx(() -> Font.getFamilies().contains("Noto Sans CJK SC"))
                .get(10, TimeUnit.SECONDS);
        assumeTrue(installed, "fonts-noto-cjk is not installed (.ci/run installs it)");
        AppLanguage.overrideInstalledFamilies(null);
        assertThat(WaitForAsyncUtils.asyncFx(AppLanguage::cjkFamily).get(10, TimeUnit.SECONDS)).contains("Noto Sans CJK SC");
        Font bold = WaitForAsyncUtils.asyncFx(() -> Font.font("Noto Sans CJK SC", FontWeight.BOLD, 20)).get(10, TimeUnit.SECONDS);
        Font regular = WaitForAsyncUtils.asyncFx(() -> Font.font("Noto Sans CJK SC", FontWeight.NORMAL, 20)).get(10, TimeUnit.SECONDS);
        assertThat(bold.getFamily()).isEqualTo("Noto Sans CJK SC");
        assertThat(bold.getStyle()).containsIgnoringCase("bold");
        assertThat(bold.getName()).isNotEqualTo(regular.getName());
        // a real bold face has wider strokes and advances than the regular one
        double wb = WaitForAsyncUtils.asyncFx(() -> width("循环神经网络 Hello", bold)).get(10, TimeUnit.SECONDS);
        double wr = WaitForAsyncUtils.asyncFx(() -> width("循环神经网络 Hello", regular)).get(10, TimeUnit.SECONDS);
        assertThat(wb).isGreaterThanOrEqualTo(wr);
    }

    private static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
