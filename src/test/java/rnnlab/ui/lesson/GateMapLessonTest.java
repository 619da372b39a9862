package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * Issue 14: a shipped lesson shows the gate map. Lesson 09's last step (panel: gatemap) opens the LSTM that
 * torch.onnx.export wrote and the window that says which ONNX rows became which gate, in English and Chinese;
 * its question's right answer is what that window shows. Screenshots target/screenshots/gatemap-lesson-{en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class GateMapLessonTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "gatemap-progress");
    }

    private static List<Window> mapWindows() throws Exception {
        return fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene().lookup("#" + Ids.of("importMap.text")) != null).toList());
    }

    @Test
    void lessonNineEndsOnTheGateMapOfAnOnnxLstm() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        // a map window left open by an earlier test class in this JVM
        List<Window> earlier = mapWindows();
        run(() -> earlier.forEach(Window::hide));
        until(() -> mapWindows().isEmpty());
        try {
            for (String lang : new String[] {"en", "zh"}) {
                Locale.setDefault(Locale.forLanguageTag(lang));
                Messages.setLocale(Locale.forLanguageTag(lang));
                assertThat(fx(() -> player.open("lstm-gates"))).isNull();
                run(player::restart);
                int last = fx(() -> player.lesson().steps().size() - 1);
                assertThat(fx(() -> player.lesson().steps().get(last).scene().panel())).isEqualTo("gatemap");
                assertThat(mapWindows()).as("no map before the step").isEmpty();
                run(() -> player.go(last));
                until(() -> mapWindows().size() == 1);
                String text = fx(() -> ((TextArea) mapWindows().get(0).getScene().lookup("#" + Ids.of("importMap.text"))).getText());
                if (lang.equals("en")) {
                    assertThat(text).contains("rows 8–11 → rnn.weight_ih_l0 rows 4–7: W_if (forget gate)")
                            .contains("rows 0–3 → rnn.weight_ih_l0 rows 0–3: W_ii (input gate)");
                } else {
                    assertThat(text).contains("行 8–11 → rnn.weight_ih_l0 行 4–7: W_if (遗忘门)")
                            .contains("行 0–3 → rnn.weight_ih_l0 行 0–3: W_ii (输入门)").doesNotContain("gate");
                }
                assertThat(fx(() -> ((Stage) mapWindows().get(0)).getTitle())).isEqualTo(Messages.get("importMap.title"));
                // the step's model is the file's: an LSTM of 4 units with a softmax head (the sequence's loss)
                until(() -> "lstm".equals(vm.frameProperty().get().cell()) && vm.frameProperty().get().hiddenSize() == 4);
                assertThat(fx(() -> vm.errorProperty().get())).isNull();
                screenshot("gatemap-lesson-" + lang);
                screenshot(fx(() -> mapWindows().get(0).getScene()), "gatemap-window-" + lang);
                List<Window> open = mapWindows();
                run(() -> open.forEach(Window::hide));
                // back to the first step before closing, so the next language does not resume on the map's step
                run(player::restart);
                run(player::close);
            }
        } finally {
            Locale.setDefault(Locale.ENGLISH);
            Messages.setLocale(Locale.ENGLISH);
        }
    }
}
