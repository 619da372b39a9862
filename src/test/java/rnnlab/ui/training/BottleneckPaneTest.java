package rnnlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.viewmodel.seq2seq.BottleneckViewModel;
import rnnlab.ui.views.TestLabView;

/**
 * The encoder–decoder mode of the length-experiment window (issue 13, the bottleneck experiment): a tiny
 * configuration run headless through the window's buttons gives exactly the CLI's
 * {@code experiment --attention …} rows (same seeds, same engine), plotted per attention kind, with every
 * seed's outcome; screenshots in English and Chinese (target/screenshots/bottleneck-{en,zh}.png).
 */
@ExtendWith(ApplicationExtension.class)
class BottleneckPaneTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        AppLanguage.set(Locale.ENGLISH);
        window = new MainWindow(stage, List.of(new TestLabView()));
        stage.show();
    }

    @AfterEach
    void english() {
        AppLanguage.set(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Tiny: lengths 3 and 5, no attention and additive, 2 seeds, 60 steps, H = 8, 30 held-out pairs. */
    private static void tiny(BottleneckViewModel vm) throws Exception {
        fx(() -> {
            vm.taskProperty().set("s2s-reverse");
            vm.lengthsProperty().set("3, 5");
            vm.kindProperty("none").set(true);
            vm.kindProperty("additive").set(true);
            vm.kindProperty("dot").set(false);
            vm.kindProperty("general").set(false);
            vm.seedsProperty().set(2);
            vm.stepsProperty().set(60);
            vm.hiddenProperty().set(8);
            vm.heldOutProperty().set(30);
            return null;
        });
    }

    private static void until(int seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    /** The CSV lines without the last column (seconds, which differ between any two runs). */
    private static List<String> withoutSeconds(List<String> csv) {
        return csv.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void aTinyRunFromTheWindowGivesTheClisNumbersPlotsThemAndShowsEverySeed(FxRobot robot) throws Exception {
        fx(() -> {
            window.training().showExperiment();
            window.training().experimentStage().setWidth(1280);
            window.training().experimentStage().setHeight(760);
            return null;
        });
        BottleneckViewModel vm = window.training().bottleneckViewModel();
        // the defaults are the small ones the hint times
        assertThat(vm.lengthsProperty().get()).isEqualTo("4, 8, 12");
        assertThat(vm.stepsProperty().get()).isEqualTo(600);
        assertThat(BottleneckViewModel.tasks()).containsExactly("s2s-reverse", "s2s-copy", "sort");
        robot.clickOn("#experiment-mode-seq2seq");
        assertThat(robot.lookup("#bottleneck-run").tryQuery()).isPresent();
        assertThat(robot.lookup("#experiment-run").tryQuery()).isEmpty();
        assertThat(robot.lookup("#bottleneck-hint").queryAs(Label.class).getText()).contains("80 s");
        tiny(vm);
        robot.clickOn("#bottleneck-run");
        until(120, () -> !vm.runningProperty().get() && vm.results().size() == 8);
        assertThat(robot.lookup("#bottleneck-status").queryAs(Label.class).getText()).isEqualTo("Done: 8 runs.");

        // the same configuration through the CLI's experiment command
        Path out = dir.resolve("cli.csv");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int rc = rnnlab.cli.Main.execute(new PrintWriter(so), new PrintWriter(se), "experiment", "--task", "s2s-reverse",
                "--lengths", "3,5", "--attention", "none,additive", "--seeds", "2", "--steps", "60", "--hidden", "8",
                "--held-out", "30", "--out", out.toString());
        assertThat(rc).as(se.toString()).isZero();
        List<String> cli = withoutSeconds(Files.readAllLines(out));
        List<String> fromWindow = withoutSeconds(List.of(fx(vm::csv).split("\n")));
        assertThat(cli).hasSize(9);
        assertThat(fromWindow).isEqualTo(cli);

        // plotted per attention kind: mean of the two seeds, band from the worst to the best
        LiveChart chart = robot.lookup("#bottleneck-chart").queryAs(LiveChart.class);
        List<LiveChart.Series> series = fx(() -> List.copyOf(chart.series()));
        assertThat(series).extracting(LiveChart.Series::name)
                .containsExactly("none (fixed context vector)", "additive (Bahdanau)");
        for (int k = 0; k < 2; k++) {
            String kind = k == 0 ? "none" : "additive";
            for (int i = 0; i < 2; i++) {
                int len = i == 0 ? 3 : 5;
                List<BottleneckViewModel.Result> runs = vm.results().stream()
                        .filter(r -> r.attention().equals(kind) && r.length() == len).toList();
                assertThat(runs).extracting(BottleneckViewModel.Result::seed).containsExactly(1L, 2L);
                double mean = (runs.get(0).sequenceAccuracy() + runs.get(1).sequenceAccuracy()) / 2;
                assertThat(series.get(k).x(i)).isEqualTo(len);
                assertThat(series.get(k).y(i)).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
                // every seed's outcome, in words
                String seeds = robot.lookup("#bottleneck-seeds-" + kind + "-" + len).queryAs(Label.class).getText();
                assertThat(seeds).isEqualTo(String.format(Locale.ROOT, "seed 1: %.1f %% (%.1f %%)   seed 2: %.1f %% (%.1f %%)",
                        100 * runs.get(0).sequenceAccuracy(), 100 * runs.get(0).tokenAccuracy(),
                        100 * runs.get(1).sequenceAccuracy(), 100 * runs.get(1).tokenAccuracy()));
            }
        }
        real(vm);
        shot("en");

        // bad input says why, and cancel stops a long run
        fx(() -> {
            vm.lengthsProperty().set("3, x");
            vm.start();
            return null;
        });
        assertThat(robot.lookup("#bottleneck-error").queryAs(Label.class).getText())
                .isEqualTo("\u201cx\u201d is not a list of input lengths from 1 to 40, e.g. 4, 8, 12.");
        fx(() -> {
            vm.lengthsProperty().set("8, 12");
            vm.stepsProperty().set(5000);
            return null;
        });
        robot.clickOn("#bottleneck-run");
        until(10, () -> vm.runningProperty().get());
        robot.clickOn("#bottleneck-cancel");
        until(30, () -> !vm.runningProperty().get());
        assertThat(robot.lookup("#bottleneck-status").queryAs(Label.class).getText()).startsWith("Cancelled after");
        assertThat(vm.results().size()).isLessThan(8);

        // Chinese: a new main window in zh runs the same tiny configuration to the same numbers
        fx(() -> {
            window.training().experimentStage().close();
            return null;
        });
        AppLanguage.set(AppLanguage.CHINESE);
        Messages.setLocale(AppLanguage.CHINESE);
        MainWindow zh = fx(() -> {
            Stage s = new Stage();
            MainWindow w = new MainWindow(s, List.of(new TestLabView()));
            s.show();
            w.training().showExperiment();
            w.training().experimentStage().setWidth(1280);
            w.training().experimentStage().setHeight(760);
            return w;
        });
        window = zh;
        BottleneckViewModel zvm = zh.training().bottleneckViewModel();
        robot.clickOn("#experiment-mode-seq2seq");
        tiny(zvm);
        robot.clickOn("#bottleneck-run");
        until(120, () -> !zvm.runningProperty().get() && zvm.results().size() == 8);
        assertThat(withoutSeconds(List.of(fx(zvm::csv).split("\n")))).isEqualTo(cli);
        assertThat(robot.lookup("#bottleneck-seeds-none-3").queryAs(Label.class).getText()).startsWith("种子 1：");
        real(zvm);
        shot("zh");
    }

    /** For the screenshots, a run that shows the bottleneck: lengths 4 and 8, 300 steps, H = 32 (about 15 s). */
    private static void real(BottleneckViewModel vm) throws Exception {
        fx(() -> {
            vm.lengthsProperty().set("4, 8");
            vm.stepsProperty().set(300);
            vm.hiddenProperty().set(32);
            vm.heldOutProperty().set(100);
            vm.start();
            return null;
        });
        until(180, () -> !vm.runningProperty().get() && vm.results().size() == 8);
        // additive attention beats the single context vector at length 8 (README: 0 % against above 60 %)
        double none8 = fx(() -> vm.curves().get(0).mean()[1]);
        double additive8 = fx(() -> vm.curves().get(1).mean()[1]);
        assertThat(additive8).isGreaterThan(none8 + 0.3);
    }

    private void shot(String lang) throws Exception {
        Thread.sleep(300);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        var img = fx(() -> {
            window.training().experimentStage().getScene().getRoot().applyCss();
            window.training().experimentStage().getScene().getRoot().layout();
            return window.training().experimentStage().getScene().snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve("bottleneck-" + lang + ".png").toFile());
    }
}
