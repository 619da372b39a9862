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
import rnnlab.session.FrameMask;
import rnnlab.ui.diagrams.CellDiagram;
import rnnlab.ui.views.ValuesTable;
import rnnlab.ui.views.LabView;
import rnnlab.ui.controls.NumberText;

/**
 * Lesson 03's tanh-of-a in the real window: while the checkpoint is open, h_3 is "?" in the cell view's
 * equation, its values table and the heatmap (a planted leak would show −0.94); answering lifts the mask.
 * Screenshots target/screenshots/masked-checkpoint-{en,zh}.png; MaskedCheckpointZhTest runs it in a window built in
 * Chinese and fails if an English bundle string is on screen.
 */
@ExtendWith(ApplicationExtension.class)
class MaskedCheckpointTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "masked-checkpoint-progress");
    }

    private LabView view(String id) throws Exception {
        return fx(() -> window.viewsArea().views().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow());
    }

    private static String cells(ValuesTable t) {
        return t == null ? "" : t.rows().toString();
    }

    @Test
    void theAnswerIsAQuestionMarkInEveryViewUntilTheCheckpointIsAnswered() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        {
            String lang = lang();
            assertThat(fx(() -> player.open("one-rnn-step"))).isNull();
            run(player::restart);
            int index = fx(() -> {
                var steps = player.lesson().steps();
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i).checkpoint() != null && steps.get(i).checkpoint().id().equals("tanh-of-a")) {
                        return i;
                    }
                }
                return -1;
            });
            run(() -> player.go(index));
            until(() -> player.stepIndex() == index && !vm.busyProperty().get() && player.appliedPosition() == vm.positionProperty().get());
            // the run itself knows h_3; the views do not
            double h3 = fx(() -> vm.frameProperty().get().layer(0, 0).h()[2][1]);
            assertThat(h3).isLessThan(-0.9);
            String shown = NumberText.num(h3);
            assertThat(fx(() -> FrameMask.masked(window.context().getFrame().layer(0, 0).h()[2][1]))).isTrue();
            assertThat(fx(() -> window.context().getFrame().layer(0, 0).h()[1][1])).isFinite(); // h_2, an input
            LabView rnn = view("view.rnn");
            CellDiagram diagram = (CellDiagram) rnn.node();
            run(() -> diagram.setSelectedPart("h"));
            until(() -> diagram.getEquation() != null);
            assertThat(fx(diagram::getEquation)).contains("?").doesNotContain(shown);
            assertThat(cells(fx(rnn::valuesTable))).contains("?").doesNotContain(shown);
            assertBuiltInChinese(fx(() -> window.scene().getRoot()));
            screenshot("masked-checkpoint-" + lang);
            run(() -> player.revealWith("-0.9"));
            until(() -> window.context().maskProperty().get().isEmpty());
            until(() -> !FrameMask.masked(window.context().getFrame().layer(0, 0).h()[2][1]));
            run(() -> diagram.setSelectedPart("h"));
            assertThat(fx(diagram::getEquation)).contains(shown).doesNotContain("?");
            assertThat(cells(fx(rnn::valuesTable))).contains(shown.replace('−', '\u2212'));
            screenshot("masked-checkpoint-answered-" + lang);
            run(player::close);
        }
        Files.deleteIfExists(progressFile);
    }
}
