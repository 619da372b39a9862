package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.io.ModelIO;
import rnnlab.lessons.LessonLibrary;

/**
 * A lesson that passed the checks at load time but whose model file broke afterwards: opening it shows
 * the problem in the lesson panel, nothing is thrown, and the other lessons still open and work.
 */
@ExtendWith(ApplicationExtension.class)
class LessonBrokenAtRunTimeTest extends LessonWalkBase {
    @TempDir
    static Path folder;

    @Start
    void begin(Stage stage) throws Exception {
        start(stage);
    }

    @Test
    void aModelFileBrokenAfterLoadingShowsItsProblemAndTheOthersStillOpen(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        for (String f : List.of("01-first-steps.en.md", "01-first-steps.zh.md", "README.md")) {
            Files.copy(LESSONS.resolve(f), folder.resolve(f));
        }
        Files.createDirectories(folder.resolve("models"));
        Path model = folder.resolve("models/tiny.model.json");
        ModelIO.write(Model.zeros(new ModelConfig(CellType.GRU, 4, 3, 1, false, 0, 4, Activation.SOFTMAX,
                List.of("a", "b", "c", "d"))), model);
        String lesson = """
                ---
                id: from-file
                title: %s
                summary: A model from a file.
                ---

                ## One
                ```scene
                model: models/tiny.model.json
                text: abcdabcd
                step: 2
                ```
                A model read from a file.

                ```check
                id: h
                kind: number
                question: h?
                value: hidden unit 1 step 1
                tolerance: 0.1
                explain: {value}
                ```

                ## Two
                ```scene
                step: 3
                ```
                Two.

                ## Three
                Three.

                ## Four
                Four.
                """;
        Files.writeString(folder.resolve("02-from-file.en.md"), lesson.formatted("From a file"));
        Files.writeString(folder.resolve("02-from-file.zh.md"), lesson.formatted("来自文件"));
        LessonLibrary lib = LessonLibrary.load(folder);
        assertThat(lib.allProblems()).isEmpty();
        run(() -> player.setLibrary(lib));
        // the file breaks after the lessons were checked
        Files.writeString(model, "{ this is not a model");
        assertThat(fx(() -> player.open("from-file"))).isNull();
        until(() -> player.lessonPanel().problemText() != null);
        assertThat(player.lessonPanel().problemText()).startsWith(rnnlab.i18n.Messages.format("lesson.problem", ""))
                .contains("tiny.model.json");
        // the app goes on: another lesson opens and applies
        assertThat(fx(() -> player.open("first-steps"))).isNull();
        atStep(1, 0);
        assertThat(fx(() -> player.lessonPanel().problemText())).isNull();
        assertThat(vm.cellTypeProperty().get()).isEqualTo("rnn_tanh");
    }
}
