package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.engine.Model;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.training.tasks.Corpus;

/**
 * Issue 16: the shipped corpora are choices of the training panel. Choosing one in the view model sets that
 * text, and a few steps train a character model on it (the Tang poems through an embedding over 600
 * characters, the Java sources one-hot), reporting the held-out bits per character that the task computes.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingCorpusTest {
    @TempDir
    Path runs;
    TrainingViewModel vm;
    final AtomicReference<Model> last = new AtomicReference<>();
    final List<Double> metrics = new ArrayList<>();

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel();
        vm.setWeightSink((m, end) -> {
            if (end) {
                last.set(m);
            }
        });
        vm.updateProperty().addListener((o, a, u) -> {
            if (u != null) {
                for (double v : u.metric()) {
                    metrics.add(v);
                }
            }
        });
    }

    @AfterEach
    void end() throws Exception {
        fx(() -> {
            vm.shutdown();
            return null;
        });
        vm.awaitEnd();
    }

    private double train(String corpus, int hidden, int steps) throws Exception {
        fx(() -> {
            vm.setRunsFolder(runs);
            vm.taskProperty().set("charlm");
            vm.corpusProperty().set(corpus);
            vm.hiddenProperty().set(hidden);
            vm.stepsProperty().set(steps);
            vm.start(null);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> vm.stateProperty().get() == TrainingViewModel.State.COMPLETED));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> last.get() != null && !metrics.isEmpty()));
        return fx(() -> metrics.get(metrics.size() - 1));
    }

    @Test
    void theTangPoemsTrainAnEmbeddingModelAndReportItsHeldOutBitsPerCharacter() throws Exception {
        assertThat(fx(() -> TrainingViewModel.CORPORA)).containsExactly("memory", "java", "tang");
        double bpc = train("tang", 16, 12);
        assertThat(fx(() -> vm.textProperty().get())).isSameAs(Corpus.TANG.text()).contains("兰叶春葳蕤，桂华秋皎洁。");
        Model m = last.get();
        // the poem model's setting: a learned embedding, 600 characters kept + "other"
        assertThat(m.config().embeddingVocab()).isEqualTo(601);
        assertThat(m.config().outputSize()).isEqualTo(601);
        assertThat(m.config().vocab()).contains("春", "月", "，");
        // the figure shown is the task's held-out bits per character of the trained model (uniform: log2 601 = 9.23)
        double expected = new CharLmTask(Corpus.TANG.text(), 25, true, 600).evaluate(m, 1).value();
        assertThat(bpc).isCloseTo(expected, within(1e-9)).isBetween(3.0, 9.6);
        assertThat(fx(() -> vm.metricNameProperty().get())).isNotEmpty();
        // samples start from a Chinese prime, not "The "
        assertThat(fx(() -> vm.samplesProperty().get())).contains("春");
    }

    @Test
    void theJavaSourcesTrainAOneHotModelAndBackToTheEssayClearsTheText() throws Exception {
        double bpc = train("java", 8, 6);
        Model m = last.get();
        assertThat(m.config().embeddingVocab()).isZero();
        assertThat(m.config().inputSize()).isEqualTo(65);
        assertThat(m.config().vocab()).contains("{", "}", ";");
        double expected = new CharLmTask(Corpus.JAVA.text(), 25, false).evaluate(m, 1).value();
        assertThat(bpc).isCloseTo(expected, within(1e-9)).isBetween(2.0, Math.log(65) / Math.log(2) + 0.5);
        assertThat(fx(() -> {
            vm.corpusProperty().set("memory");
            return vm.textProperty().get();
        })).isNull();
    }
}
