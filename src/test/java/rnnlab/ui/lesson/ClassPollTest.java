package rnnlab.ui.lesson;

import static rnnlab.ui.FxWait.fx;

import rnnlab.ui.views.ViewCatalog;


import rnnlab.ui.shell.MainWindow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.poll.PollClient;
import rnnlab.poll.PollServer;
import rnnlab.ui.poll.ClassPoll;
import rnnlab.ui.poll.ClassPollWindow;

/**
 * A class poll on a shipped lesson's choice checkpoint, end to end on 127.0.0.1: the class screen shows
 * the join address, code and QR code, counts the students' answers live, closes, shows the distribution,
 * runs a second round beside the first, reveals the engine's answer in the lesson panel and on the
 * students' page, moves the lesson on for everyone, exports CSV, and stops when the lesson closes.
 */
@ExtendWith(ApplicationExtension.class)
class ClassPollTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LESSON = "vanishing-gradients";
    private MainWindow window;
    private LessonPlayer player;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, ViewCatalog.createAll());
        player = window.lessons();
        player.setLibrary(LessonLibrary.load(Path.of("lessons")));
        Path progress = Path.of("target", "test-home", "class-poll-progress.json");
        Files.createDirectories(progress.getParent());
        Files.deleteIfExists(progress);
        player.setProgress(LessonProgress.load(progress));
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
    }

    static void until(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(c));
    }

    /** Opens the lesson at its first choice checkpoint; returns that checkpoint. */
    Checkpoint openAtChoice() throws Exception {
        assertThat(fx(() -> player.open(LESSON))).isNull();
        var steps = player.lesson().steps();
        int at = -1;
        for (int i = 0; i < steps.size() && at < 0; i++) {
            Checkpoint c = steps.get(i).checkpoint();
            if (c != null && c.kind() == Checkpoint.Kind.CHOICE) {
                at = i;
            }
        }
        assertThat(at).as("a choice checkpoint in " + LESSON).isNotNegative();
        int step = at;
        fx(() -> {
            player.go(step);
            return null;
        });
        until(() -> player.stepIndex() == step && player.appliedPosition() >= 0 && !window.viewModel().busyProperty().get());
        return fx(player::checkpoint);
    }

    @Test
    void aWholeClassPollOnALessonCheckpoint(FxRobot robot) throws Exception {
        Checkpoint check = openAtChoice();
        ClassPollWindow w = fx(window::showClassPoll);
        ClassPoll poll = fx(window::classPoll);
        assertThat(fx(poll::isRunning)).isFalse();
        robot.clickOn("#poll-start");
        until(poll::isRunning);
        PollServer server = fx(poll::server);
        assertThat(server.host()).isEqualTo("127.0.0.1");
        String code = server.code();
        assertThat(code).hasSize(4);
        assertThat(fx(() -> ((Label) w.stage().getScene().lookup("#poll-url")).getText().replace("\u200b", ""))).isEqualTo(server.joinUrl());
        assertThat(fx(() -> ((Label) w.stage().getScene().lookup("#poll-code")).getText())).isEqualTo(code);
        ImageView qr = fx(() -> (ImageView) w.stage().getScene().lookup("#poll-qr"));
        assertThat(fx(() -> qr.getImage().getWidth())).isGreaterThan(150);
        assertThat(fx(() -> ((Label) w.stage().getScene().lookup("#poll-question")).getText()))
                .isEqualTo(rnnlab.tex.TexUnicode.inText(check.question().replace("`", "").replace("**", "")).strip())
                .doesNotContain("$", "\\");

        // three students answer (one in Chinese); the count follows, never who
        List<PollClient> students = List.of(new PollClient(server, code), new PollClient(server, code), new PollClient(server, code));
        students.get(2).lang = "zh";
        for (PollClient s : students) {
            s.page(null);
        }
        JsonNode q = JSON.readTree(students.get(2).state().body()).get("question");
        assertThat(q.get("options")).hasSize(check.options().size());
        assertThat(q.get("text").asText()).matches(t -> t.codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        String id = q.get("id").asText();
        students.get(0).answer(id, 1, "0");
        students.get(1).answer(id, 1, "1");
        students.get(2).answer(id, 1, "1");
        until(() -> ((Label) w.stage().getScene().lookup("#poll-count")).getText().equals("3 answers"));

        // show the spread: the round closes, bars appear
        robot.clickOn("#poll-show");
        until(() -> poll.distributionProperty().get() != null);
        assertThat(students.get(0).answer(id, 1, "1").statusCode()).isEqualTo(409);
        BarChart<?, ?> chart = fx(() -> (BarChart<?, ?>) w.stage().getScene().lookup("#poll-chart"));
        assertThat(fx(() -> chart.getData().size())).isEqualTo(1);
        assertThat(fx(() -> bar(chart, 0, poll.distributionProperty().get().labels().get(1)))).isEqualTo(2);

        // a second round after discussion: both rounds side by side
        robot.clickOn("#poll-round2");
        until(() -> poll.session().round() == 2);
        for (PollClient s : students) {
            s.answer(id, 2, "0");
        }
        until(() -> poll.countProperty().get() == 3);
        robot.clickOn("#poll-show");
        until(() -> poll.distributionProperty().get() != null && chart.getData().size() == 2);
        assertThat(fx(() -> bar(chart, 1, poll.distributionProperty().get().labels().get(0)))).isEqualTo(3);
        LessonWalkBase.screenshot(w.stage().getScene(), "class-poll-distribution");
        // the bars get the room: with sentence-long options the plot kept a few pixels under labels
        // turned on their side (seen in a real Xvfb window, issue 20)
        javafx.geometry.Bounds plot = fx(() -> chart.lookup(".chart-plot-background").getLayoutBounds());
        double chartW = fx(chart::getWidth);
        double chartH = fx(chart::getHeight);
        assertThat(plot.getHeight()).as("plot height of " + chartH).isGreaterThan(0.5 * chartH);
        assertThat(plot.getWidth()).as("plot width of " + chartW).isGreaterThan(0.3 * chartW);

        // the reveal goes through the lesson panel, and the students' page shows the answer
        robot.clickOn("#poll-reveal");
        until(() -> robot.lookup("#lesson-checkpoint-result").queryAs(Label.class).isVisible());
        until(poll.session()::isRevealed);
        assertThat(JSON.readTree(students.get(0).state().body()).get("answer").asText()).isNotBlank();

        // export: counts and times, no device
        Path csv = Path.of("target", "class-poll-test.csv");
        fx(() -> {
            poll.export(csv);
            return null;
        });
        String text = Files.readString(csv);
        assertThat(text).startsWith(rnnlab.poll.PollCsv.HEADER).contains(",1,", ",2,");
        for (PollClient s : students) {
            assertThat(text).doesNotContain(s.cookie);
        }

        // the lesson moves on for everyone: the page follows
        int before = fx(player::stepIndex);
        robot.clickOn("#poll-next");
        until(() -> player.stepIndex() == before + 1);
        JsonNode after = JSON.readTree(students.get(0).state().body());
        assertThat(after.has("question") ? after.get("question").get("id").asText() : "").isNotEqualTo(id);

        // closing the lesson stops the poll
        fx(() -> {
            player.close();
            return null;
        });
        until(() -> !poll.isRunning());
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void aPortInUseIsNamedAndARevealWithNoAnswersJudgesNobody(FxRobot robot) throws Exception {
        openAtChoice();
        ClassPollWindow w = fx(window::showClassPoll);
        ClassPoll poll = fx(window::classPoll);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            fx(() -> {
                poll.portProperty().set(taken.getLocalPort());
                poll.start();
                // the start runs off the FX thread: the window says it is starting, and is not blocked
                assertThat(poll.startingProperty().get()).isTrue();
                assertThat(w.stage().getScene().lookup("#poll-starting").getParent().isVisible()).isTrue();
                return null;
            });
            until(() -> poll.errorProperty().get() != null);
            assertThat(fx(() -> poll.errorProperty().get())).contains(String.valueOf(taken.getLocalPort()))
                    .contains("already used").doesNotContain("Exception");
            assertThat(fx(poll::isRunning)).isFalse();
            assertThat(fx(() -> poll.startingProperty().get())).isFalse();
        }
        fx(() -> {
            poll.portProperty().set(0);
            poll.start();
            return null;
        });
        until(poll::isRunning);
        assertThat(fx(() -> poll.errorProperty().get())).isNull();
        // nobody answered: the lesson panel shows the engine's answer, without "Not quite"
        robot.clickOn("#poll-reveal");
        until(() -> robot.lookup("#lesson-checkpoint-result").queryAs(Label.class).isVisible());
        Label result = robot.lookup("#lesson-checkpoint-result").queryAs(Label.class);
        String prefix = rnnlab.i18n.Messages.format("lesson.choice.answer", "\u0001").split("\u0001")[0];
        assertThat(fx(result::getText)).startsWith(prefix)
                .doesNotContain(rnnlab.i18n.Messages.format("lesson.choice.wrong", "").split(":")[0]);
        assertThat(fx(() -> result.getStyleClass())).doesNotContain("right", "wrong");
        until(poll.session()::isRevealed);
        fx(() -> {
            w.stage().hide();
            return null;
        });
        until(() -> !poll.isRunning());
    }

    @Test
    void theCheckpointGetsAClassPollButtonInPresentationModeOnly(FxRobot robot) throws Exception {
        openAtChoice();
        assertThat(robot.lookup("#poll-checkpoint-button").queryAs(Button.class).isVisible()).isFalse();
        fx(() -> {
            window.presentation().enter();
            return null;
        });
        until(() -> robot.lookup("#poll-checkpoint-button").queryAs(Button.class).isVisible());
        // (in presentation mode the checkpoint may sit below the fold of the lesson panel: fired, not clicked)
        fx(() -> {
            robot.lookup("#poll-checkpoint-button").queryAs(Button.class).fire();
            return null;
        });
        until(() -> window.showClassPoll().stage().isShowing());
        assertThat(fx(() -> window.classPoll().isRunning())).isFalse(); // off until started
        fx(() -> {
            window.presentation().leave();
            window.showClassPoll().stage().hide();
            return null;
        });
    }

    /** The count drawn for one option in one round, found by its label (the chart lists options top-down). */
    private static Object bar(BarChart<?, ?> chart, int round, String label) {
        return chart.getData().get(round).getData().stream().filter(d -> label.equals(d.getYValue()))
                .findFirst().orElseThrow().getXValue();
    }
}
