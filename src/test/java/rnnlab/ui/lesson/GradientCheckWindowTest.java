package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.gradcheck.GradientCheckWindow;

/**
 * Lesson 06's gradient-check step (panel: gradcheck) in the real window, in English and Chinese: the window opens
 * on the W_hh number with the largest gradient and shows BPTT's value and the numeric one, which agree to
 * 1e-7 relative; another weight checked with the Check button agrees too; View ▸ Check the gradient… opens it as
 * well. Screenshots target/screenshots/gradcheck-{en,zh}.png (the window) and gradcheck-lesson-{en,zh}.png;
 * GradientCheckWindowZhTest builds the window in Chinese and fails if an English bundle string is on screen.
 */
@ExtendWith(ApplicationExtension.class)
class GradientCheckWindowTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "gradcheck-progress");
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace('\u2212', '-'));
    }

    private static void agree(GradientCheckWindow g) throws Exception {
        double a = number(fx(() -> g.text("analytic")));
        double n = number(fx(() -> g.text("numeric")));
        assertThat(a).isNotZero();
        assertThat(Math.abs(a - n) / Math.abs(a)).isLessThan(1e-7);
        double diff = Double.parseDouble(fx(() -> g.text("difference")));
        String agree = Messages.get("gradcheck.agree");
        assertThat(fx(() -> g.text("verdict"))).startsWith(agree.substring(0, agree.indexOf("{0}")));
        assertThat(diff).isCloseTo(Math.abs(a - n), org.assertj.core.data.Offset.offset(1e-9 + Math.abs(a - n) * 0.05));
    }

    @Test
    void lessonSixChecksAWeightOfTheModelOnScreenAndBothNumbersAgree() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        {
            String lang = lang();
            run(() -> {
                if (GradientCheckWindow.current() != null) {
                    GradientCheckWindow.current().close();
                }
            });
            assertThat(fx(() -> player.open("bptt"))).isNull();
            run(player::restart);
            int index = fx(() -> {
                var steps = player.lesson().steps();
                for (int i = 0; i < steps.size(); i++) {
                    if ("gradcheck".equals(steps.get(i).scene().panel())) {
                        return i;
                    }
                }
                return -1;
            });
            assertThat(index).isPositive();
            run(() -> player.go(index));
            until(() -> GradientCheckWindow.current() != null && GradientCheckWindow.current().isShowing()
                    && !GradientCheckWindow.current().text("analytic").isEmpty());
            GradientCheckWindow g = fx(GradientCheckWindow::current);
            assertThat(fx(() -> g.text("where"))).startsWith("rnn.weight_hh_l0[");
            agree(g);
            assertBuiltInChinese(fx(() -> g.content().getScene().getRoot()));
            assertBuiltInChinese(fx(() -> window.scene().getRoot()));
            screenshot(fx(() -> g.content().getScene()), "gradcheck-" + lang);
            screenshot("gradcheck-lesson-" + lang);
            // another weight, through the Check button
            run(() -> g.check("fc.weight", 4, true));
            until(() -> fx(() -> g.text("where")).equals("fc.weight[1][1]") || fx(() -> g.text("where")).startsWith("fc.weight[0][4]"));
            agree(g);
            run(g::close);
            run(player::close);
        }
        // the menu item opens it without a lesson
        javafx.scene.control.MenuItem item = menu("menu-view-gradcheck");
        assertThat(item).isNotNull();
        run(item::fire);
        until(() -> GradientCheckWindow.current() != null && GradientCheckWindow.current().isShowing()
                && !GradientCheckWindow.current().text("analytic").isEmpty());
        GradientCheckWindow opened = fx(GradientCheckWindow::current);
        agree(opened);
        // the window opened (with "Checking…") as tall as its result needs: it does not grow when the check
        // ends (grown just after it was mapped, under openbox it stayed 18 px short, its Close button cut)
        double shown = fx(opened::shownHeight);
        double needed = fx(() -> {
            javafx.scene.Parent root = opened.content().getScene().getRoot();
            return root.prefHeight(opened.content().getScene().getWidth());
        });
        assertThat(shown).isPositive();
        assertThat(needed).as("preferred height once checked vs the height it was shown at").isLessThanOrEqualTo(shown + 0.5);
        run(() -> GradientCheckWindow.current().close());
        Files.deleteIfExists(progressFile);
    }
}
