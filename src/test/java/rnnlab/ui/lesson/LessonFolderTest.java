package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.lessons.LessonEntry;

/**
 * Lesson ▸ Open lesson folder… / --lessons DIR: a teacher's folder is listed beside the shipped lessons,
 * watched, and an edited lesson reloads at the same step; a broken edit shows file:line in the panel.
 * Also: a scene's {@code views:} lays the views out in the order given.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFolderTest extends LessonWalkBase {
    @TempDir
    static Path folder;

    static final String LESSON = """
            ---
            id: own
            title: %s
            summary: A teacher's own lesson.
            ---

            ## One
            ```scene
            preset: gru_6
            text: abcabc
            step: 1
            views: gru, output, heatmap
            mask: h
            ```
            First.

            ```check
            id: q
            kind: number
            question: h?
            value: hidden unit 1 step 1
            tolerance: 0.001
            hint: $h$ is a tanh output, so between −1 and 1.
            explain: {value}
            ```

            ## %s
            ```scene
            step: 2
            ```
            Two.

            ## Three
            Three.

            ## Four
            Four.
            """;

    @Start
    void begin(Stage stage) throws Exception {
        start(stage);
    }

    @Test
    void aWatchedFolderIsListedBesideTheShippedLessonsAndReloadsAtTheSameStep(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Files.writeString(folder.resolve("50-own.en.md"), LESSON.formatted("Own", "Two"));
        Files.writeString(folder.resolve("50-own.zh.md"), LESSON.formatted("自己的", "二"));
        run(() -> player.openFolder(folder));
        List<String> ids = fx(() -> player.entries().stream().map(LessonEntry::id).toList());
        // beside the shipped lessons, not instead of them
        assertThat(ids).contains("why-sequences", "gru", "own");
        assertThat(ids.get(ids.size() - 1)).isEqualTo("own");
        assertThat(fx(() -> player.entries().stream().filter(e -> e.id().equals("own")).findFirst().orElseThrow().ok())).isTrue();

        assertThat(fx(() -> player.open("own"))).isNull();
        atStep(1, 1);
        // views: gru, output, heatmap — laid out in that order, no grid cell empty (issue 12): at 1280x720 beside the
        // side and lesson panels the area is tall enough for the first view to span the top row, the others below
        assertThat(fx(() -> window.visibleViews())).containsExactly("view.gru", "view.output", "view.heatmap");
        var area = window.viewsArea();
        assertThat(fx(() -> List.of(GridPane.getColumnIndex(area.tile("view.gru")), GridPane.getRowIndex(area.tile("view.gru")),
                GridPane.getColumnSpan(area.tile("view.gru")), GridPane.getColumnIndex(area.tile("view.output")),
                GridPane.getRowIndex(area.tile("view.output")), GridPane.getColumnIndex(area.tile("view.heatmap")),
                GridPane.getRowIndex(area.tile("view.heatmap")))))
                .containsExactly(0, 0, 2, 0, 1, 1, 1);

        // a wrong answer to a question with a hint: the hint shows and the question stays open for one retry
        javafx.scene.control.TextField field = robot.lookup("#" + rnnlab.ui.common.Ids.of("lesson.checkpoint.number")).query();
        Runnable wrong = () -> {
            field.setText("1000");
            field.fireEvent(new javafx.event.ActionEvent());
        };
        run(wrong);
        until(() -> player.checkpointBox().hinted());
        assertThat(fx(() -> player.checkpointBox().answered())).isFalse();
        assertThat(fx(() -> player.checkpointBox().resultText())).isEqualTo(rnnlab.i18n.Messages.get("lesson.hint.tryAgain"));
        // the first answer is what progress records (issue 12); the retry only changes what is shown
        assertThat(fx(() -> player.progress().answer("own", "q").given())).isEqualTo("1000");
        run(wrong);
        until(() -> player.checkpointBox().answered());
        assertThat(fx(() -> player.progress().answer("own", "q").right())).isFalse();

        run(() -> player.next());
        atStep(2, 2);
        // the teacher saves a change: the lesson reloads at the same step with the new text
        Files.writeString(folder.resolve("50-own.en.md"), LESSON.formatted("Own", "Two, edited"));
        until(() -> player.lesson().steps().get(1).title().equals("Two, edited"));
        until(() -> player.stepIndex() == 1);
        atStep(2, 2);

        // a broken save: the problem shows in the panel as file:line: message, the last good version stays
        Files.writeString(folder.resolve("50-own.en.md"), LESSON.formatted("Own", "Two").replace("step: 2", "stepp: 2"));
        until(() -> player.lessonPanel().problemText() != null && player.lessonPanel().problemText().contains("50-own.en.md:29:"));
        assertThat(fx(() -> player.lessonPanel().problemText())).contains("unknown scene key \"stepp\"");
        assertThat(player.stepIndex()).isEqualTo(1);
    }
}
