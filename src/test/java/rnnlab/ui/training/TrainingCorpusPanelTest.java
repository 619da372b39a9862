package rnnlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.training.tasks.Corpus;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.views.ViewCatalog;

/**
 * The training panel's "Text to learn from" (issue 16), in the window at 1024×768 in Chinese: shown only for the
 * character model, choosing the Tang poems sets the view model's text, and the panel trains on it. Screenshot
 * target/screenshots/training-corpus-zh.png (the English texts are the same control, checked by
 * {@code TrainingCorpusTest} through the view model).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingCorpusPanelTest {
    MainWindow window;
    TrainingViewModel tvm;

    @Start
    void begin(Stage stage) {
        Messages.setLocale(Locale.CHINESE);
        window = new MainWindow(stage, ViewCatalog.createAll());
        tvm = window.training().viewModel();
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
        window.training().shownProperty().set(true);
    }

    @AfterEach
    void end() throws Exception {
        fx(() -> {
            tvm.shutdown();
            return null;
        });
        tvm.awaitEnd();
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTangPoemsAreAChoiceOfTheCharacterModelAndTrain(FxRobot robot) throws Exception {
        ComboBox<String> corpus = robot.lookup("#training-corpus").queryAs(ComboBox.class);
        fx(() -> {
            tvm.taskProperty().set("adding");
            return null;
        });
        assertThat(fx(corpus::isVisible)).as("only the character model reads a text").isFalse();
        fx(() -> {
            tvm.taskProperty().set("charlm");
            tvm.hiddenProperty().set(16);
            tvm.stepsProperty().set(40);
            corpus.getSelectionModel().select("tang");
            return null;
        });
        assertThat(fx(corpus::isVisible)).isTrue();
        assertThat(fx(() -> corpus.getConverter().toString(corpus.getValue()))).isEqualTo("唐诗三百首（tang300）");
        assertThat(fx(() -> tvm.textProperty().get())).isSameAs(Corpus.TANG.text());
        fx(() -> {
            tvm.start(null);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> fx(() -> tvm.stateProperty().get() == TrainingViewModel.State.COMPLETED));
        String metric = fx(() -> tvm.metricTextProperty().get());
        assertThat(metric).as(metric).isNotEmpty();
        assertThat(fx(() -> tvm.samplesProperty().get())).contains("春");
        Thread.sleep(300);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        var img = fx(() -> window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve("training-corpus-zh.png").toFile());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLongestTextNameIsNotCutAt1024(FxRobot robot) throws Exception {
        // the English essay's name was cut with an ellipsis in the settings column at 1024 and 1280 wide
        // (lessons check --layout: 28 findings "#training-corpus: label \"Essay: On Sequences and Memory\" cut")
        ComboBox<String> corpus = robot.lookup("#training-corpus").queryAs(ComboBox.class);
        Messages.setLocale(Locale.ENGLISH);
        fx(() -> {
            tvm.taskProperty().set("charlm");
            corpus.getSelectionModel().select("tang");
            corpus.getSelectionModel().select("memory");
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        var problems = fx(() -> rnnlab.ui.layout.LayoutChecker.check(window.scene()));
        assertThat(problems).as(problems.toString()).noneMatch(p -> p.text() != null && p.text().startsWith("Essay"));
        assertThat(fx(() -> corpus.getButtonCell().getText())).isEqualTo("Essay: On Sequences and Memory");
    }
}
