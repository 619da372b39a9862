package rnnlab.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.runs.CurvePoint;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Theme;

/**
 * The runs window's grouping, scatter, rename, delete, CSV and PNG export, its sweep (a 2×2 grid lands
 * four rows; Cancel stops a long one; bad fields are one message naming the field), a run written by the
 * CLI appearing, and screenshots in English and Chinese at 1024×768 and 1920×1080.
 */
@ExtendWith(ApplicationExtension.class)
class RunsWindowFeaturesTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    /**
     * These tests resize the one window (1024×768 to 1920×1080 and back): Monocle's headless frame buffer can
     * overflow on its render thread doing that (see {@link rnnlab.ui.FxWait#ignoringRenderThreadOverflow}), which
     * is not what they check.
     */
    @org.junit.jupiter.api.BeforeEach
    void ignoreRenderThreadOverflow() {
        WaitForAsyncUtils.autoCheckException = false;
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.clearExceptions();
        WaitForAsyncUtils.autoCheckException = true;
    }

    static final double[] DROPOUT = {0, 0.2, 0.5};
    static final String[] CELL = {"lstm", "gru"};

    /** The validation loss of the run with this dropout and cell: distinct, known values. */
    static double val(int d, int c) {
        return 0.30 - 0.1 * d + 0.01 * c + (d == 2 ? 0.15 : 0);
    }

    /** Six runs: dropout 0, 0.2, 0.5 × cell lstm, gru; 200 steps, validation every 20. */
    static void writeRuns(Path d) throws Exception {
        RunsFolder f = new RunsFolder(d);
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 3; k++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("task", "charlm");
                s.put("cell", CELL[c]);
                s.put("hidden", 64);
                s.put("dropout", DROPOUT[k]);
                s.put("seed", (long) (c + 1));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("final_loss", 0.5 - 0.1 * k);
                r.put("val_loss", val(k, c));
                List<CurvePoint> curve = new ArrayList<>();
                for (int i = 1; i <= 200; i++) {
                    double v = i % 20 == 0 ? val(k, c) + 1.0 / i : Double.NaN;
                    curve.add(new CurvePoint(i, 2.0 / Math.sqrt(i) + 0.1 * k, 0.01, v, Double.NaN));
                }
                f.write(new RunRecord(CELL[c] + "-d" + DROPOUT[k], s, r, curve));
            }
        }
    }

    private RunsPane open(Path d, int w, int h, int expected) throws Exception {
        RunsPane p = fx(() -> {
            RunsPane pane = new RunsPane(d);
            Scene sc = new Scene(pane, w, h);
            sc.getStylesheets().add(Theme.STYLESHEET);
            sc.getStylesheets().add(RunsPane.class.getResource("/rnnlab/ui/theme/app.css").toExternalForm());
            pane.setStyle("-fx-font-size: 14px;" + (AppLanguage.isChinese() ? " -fx-font-family: \"" + AppLanguage.family() + "\";" : ""));
            stage.setScene(sc);
            stage.setWidth(w);
            stage.setHeight(h);
            stage.show();
            return pane;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> p.rows().size() == expected));
        return p;
    }

    private static List<String> order(RunsPane p) throws Exception {
        return fx(() -> p.table().getItems().stream().map(r -> r.run().id()).toList());
    }

    @Test
    void groupingByDropoutOrdersTheRowsAndColoursTheCurvesByGroup() throws Exception {
        writeRuns(dir);
        RunsPane p = open(dir, 1280, 800, 6);
        fx(() -> {
            p.rows().forEach(r -> r.shownProperty().set(true));
            p.groupBy().setValue("dropout");
            return null;
        });
        List<String> ids = order(p);
        List<Double> drop = fx(() -> p.table().getItems().stream().map(r -> r.run().number("dropout")).toList());
        assertThat(drop).containsExactly(0.0, 0.0, 0.2, 0.2, 0.5, 0.5);
        assertThat(ids).hasSize(6);
        // the group column is shown and holds the dropout
        TableColumn<RunsPane.Row, ?> group = fx(() -> p.table().getColumns().get(1));
        assertThat(fx(group::isVisible)).isTrue();
        assertThat(fx(group::getText)).isEqualTo("Dropout");
        assertThat(fx(() -> String.valueOf(group.getCellData(p.table().getItems().get(2))))).isEqualTo("0.2");
        // training and validation curves: 6 + 6 series; both runs of a group share one colour, groups differ
        List<LiveChart.Series> series = fx(() -> new ArrayList<>(p.chart().series()));
        assertThat(series).hasSize(12);
        for (int i = 0; i < 6; i += 2) {
            assertThat(series.get(2 * i).color()).isEqualTo(series.get(2 * i + 2).color());
        }
        assertThat(series.get(0).color()).isNotEqualTo(series.get(4).color());
        assertThat(series.get(4).color()).isNotEqualTo(series.get(8).color());
        // one legend entry per group
        assertThat(series.stream().map(LiveChart.Series::name).filter(n -> n != null).toList())
                .containsExactly("0", "0.2", "0.5");
        // the validation series of a run holds its validation points: 10 of them, at steps 20, 40, …
        LiveChart.Series v = series.get(1);
        assertThat(v.size()).isEqualTo(10);
        assertThat(v.x(0)).isEqualTo(20);
        RunRecord first = fx(() -> p.table().getItems().get(0).run());
        assertThat(v.y(9)).isEqualTo(first.curve().get(199).valLoss());
        // only the validation curves
        fx(() -> {
            p.curves().setValue(RunsPane.Curves.VALIDATION);
            return null;
        });
        assertThat(fx(() -> p.chart().series().size())).isEqualTo(6);
        assertThat(fx(() -> p.chart().series().get(0).size())).isEqualTo(10);
        // ungrouped again: the group column goes
        fx(() -> {
            p.groupBy().setValue("");
            return null;
        });
        assertThat(fx(group::isVisible)).isFalse();
    }

    @Test
    void theScatterPlotsTheChosenResultAgainstTheChosenHyperparameterForEveryRun() throws Exception {
        writeRuns(dir);
        RunsPane p = open(dir, 1280, 800, 6);
        // validation loss against dropout (the defaults), not grouped: one series of six points
        List<LiveChart.Series> s = fx(() -> new ArrayList<>(p.scatter().series()));
        assertThat(s).hasSize(1);
        assertThat(s.get(0).size()).isEqualTo(6);
        Map<Double, List<Double>> byX = new java.util.TreeMap<>();
        for (int i = 0; i < 6; i++) {
            byX.computeIfAbsent(s.get(0).x(i), k -> new ArrayList<>()).add(s.get(0).y(i));
        }
        assertThat(byX.keySet()).containsExactly(0.0, 0.2, 0.5);
        for (int k = 0; k < 3; k++) {
            assertThat(byX.get(DROPOUT[k])).containsExactlyInAnyOrder(val(k, 0), val(k, 1));
        }
        assertThat(fx(() -> p.scatter().titleProperty().get())).isEqualTo("Validation loss against Dropout");
        // grouped by cell: two series, lstm's and gru's points
        fx(() -> {
            p.groupBy().setValue("cell");
            p.scatterY().setValue("final_loss");
            return null;
        });
        s = fx(() -> new ArrayList<>(p.scatter().series()));
        assertThat(s).extracting(LiveChart.Series::name).containsExactly("gru", "lstm");
        assertThat(s.get(0).size()).isEqualTo(3);
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ys.add(s.get(0).y(i));
        }
        assertThat(ys).containsExactlyInAnyOrder(0.5, 0.4, 0.5 - 0.2);
        assertThat(s.get(0).color()).isNotEqualTo(s.get(1).color());
    }

    @Test
    void renameDeleteAndExportCsvAndPngProduceTheRightFiles() throws Exception {
        writeRuns(dir);
        RunsPane p = open(dir, 1280, 800, 6);
        // sort by validation loss, ascending
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableColumn<RunsPane.Row, Object> val = (TableColumn<RunsPane.Row, Object>) p.table().getColumns().stream()
                    .filter(c -> c.getText().equals("Validation loss")).findFirst().orElseThrow();
            p.table().getSortOrder().setAll(val);
            p.table().sort();
            return null;
        });
        assertThat(order(p).get(0)).isEqualTo("lstm-d0.2");
        // rename the best run; its folder moves, its curve stays
        fx(() -> {
            p.table().getSelectionModel().select(0);
            p.renameSelected("best-so-far");
            return null;
        });
        assertThat(Files.isDirectory(dir.resolve("best-so-far"))).isTrue();
        assertThat(Files.exists(dir.resolve("lstm-d0.2"))).isFalse();
        RunRecord back = RunsFolder.read(dir.resolve("best-so-far"));
        assertThat(back.id()).isEqualTo("best-so-far");
        assertThat(back.curve()).hasSize(200);
        assertThat(Files.readString(dir.resolve("best-so-far/run.json"))).contains("\"id\" : \"best-so-far\"");
        assertThat(order(p).get(0)).isEqualTo("best-so-far");
        // a bad name and a taken name change nothing and say why
        fx(() -> {
            p.renameSelected("../elsewhere");
            return null;
        });
        assertThat(fx(() -> p.status().getText())).contains("../elsewhere").contains("expected 1\u2013120 letters");
        fx(() -> {
            p.renameSelected("gru-d0.0");
            return null;
        });
        assertThat(fx(() -> p.status().getText())).contains("exists already");
        assertThat(order(p).get(0)).isEqualTo("best-so-far");
        // delete the worst run (the last row: gru, dropout 0, validation loss 0.31)
        fx(() -> {
            p.table().getSelectionModel().select(5);
            p.lookup("#runs-delete").fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertThat(Files.exists(dir.resolve("gru-d0.0"))).isFalse();
        assertThat(fx(() -> p.rows().size())).isEqualTo(5);
        // the CSV is the table: its rows in their order, with their values
        Path csv = dir.resolveSibling(dir.getFileName() + "-table.csv");
        fx(() -> {
            p.exportCsv(csv);
            return null;
        });
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6);
        List<String> head = List.of(lines.get(0).split(","));
        assertThat(head).startsWith("id", "task", "cell", "hidden", "dropout", "seed");
        int valCol = head.indexOf("val_loss");
        List<String> ids = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (String l : lines.subList(1, 6)) {
            String[] f = l.split(",", -1);
            ids.add(f[0]);
            vals.add(Double.parseDouble(f[valCol]));
        }
        assertThat(ids).isEqualTo(order(p));
        assertThat(ids).containsExactly("best-so-far", "gru-d0.2", "lstm-d0.5", "gru-d0.5", "lstm-d0.0");
        assertThat(vals.get(0)).isCloseTo(val(1, 0), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(vals).isSorted();
        // the PNG is the two charts at their size on screen
        fx(() -> {
            p.rows().forEach(r -> r.shownProperty().set(true));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path png = dir.resolveSibling(dir.getFileName() + "-charts.png");
        fx(() -> {
            p.exportPng(png);
            return null;
        });
        BufferedImage img = ImageIO.read(png.toFile());
        double w = fx(() -> p.charts().getWidth());
        double h = fx(() -> p.charts().getHeight());
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(w));
        assertThat(img.getHeight()).isEqualTo((int) Math.ceil(h));
        assertThat(w).isGreaterThan(400);
        assertThat(fx(() -> p.status().getText())).contains(png.getFileName().toString());
    }

    @Test
    void aRunWrittenByTheCliAppearsInTheWindow() throws Exception {
        int status = rnnlab.cli.Main.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "train", "--task", "adding", "--seq", "10",
                "--cell", "gru", "--hidden", "8", "--steps", "30", "--seed", "3", "--dropout", "0.2",
                "--val-every", "10", "--runs", dir.toString());
        assertThat(status).isZero();
        RunsPane p = open(dir, 1024, 768, 1);
        RunRecord r = fx(() -> p.rows().get(0).run());
        assertThat(r.id()).isEqualTo("adding-gru-h8-s3");
        assertThat(r.number("dropout")).isEqualTo(0.2);
        assertThat(r.curve()).hasSize(30);
        fx(() -> {
            p.rows().get(0).shownProperty().set(true);
            return null;
        });
        // its training curve (30 points) and its validation curve (steps 10, 20, 30)
        assertThat(fx(() -> p.chart().series().get(0).size())).isEqualTo(30);
        assertThat(fx(() -> p.chart().series().get(1).size())).isEqualTo(3);
        assertThat(fx(() -> p.chart().series().get(1).x(2))).isEqualTo(30);
    }

    @Test
    void aTwoByTwoSweepLandsFourRowsAndCancelStopsALongOne() throws Exception {
        RunsPane p = open(dir, 1280, 800, 0);
        fx(() -> {
            var s = p.sweep();
            s.firstProperty().set("hidden");
            s.firstValuesProperty().set("4, 8");
            s.secondProperty().set("dropout");
            s.secondValuesProperty().set("0, 0.5");
            s.seedsProperty().set("1");
            s.stepsProperty().set("20");
            s.start();
            return null;
        });
        assertThat(fx(() -> p.sweep().errorProperty().get())).isNull();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !p.sweep().runningProperty().get()));
        assertThat(fx(() -> p.rows().size())).isEqualTo(4);
        assertThat(fx(() -> p.rows().stream().map(r -> (int) r.run().number("hidden") + "/" + r.run().number("dropout")).toList()))
                .containsExactlyInAnyOrder("4/0.0", "4/0.5", "8/0.0", "8/0.5");
        assertThat(new RunsFolder(dir).list(new ArrayList<>())).hasSize(4);
        assertThat(fx(() -> p.sweep().progressProperty().get())).isEqualTo(1.0);
        assertThat(fx(() -> p.sweep().statusProperty().get())).isEqualTo("Sweep done: 4 runs");
        for (var row : fx(() -> new ArrayList<>(p.rows()))) {
            assertThat(row.run().curve()).hasSize(20);
            assertThat(row.run().number("val_loss")).isFinite();
            assertThat(row.shownProperty().get()).isTrue(); // a sweep's runs are ticked as they land
        }
        // a long sweep: cancelled while its first run trains, it stops and records nothing half-done
        fx(() -> {
            var s = p.sweep();
            s.firstProperty().set("seed");
            s.firstValuesProperty().set("1, 2, 3, 4, 5, 6");
            s.secondProperty().set("");
            s.stepsProperty().set("100000");
            s.start();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> p.sweep().progressProperty().get() > 0));
        fx(() -> {
            p.lookup("#runs-sweep-cancel").fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !p.sweep().runningProperty().get()));
        assertThat(fx(() -> p.sweep().statusProperty().get())).isEqualTo("Cancelled after 0 of 6 runs");
        assertThat(fx(() -> p.rows().size())).isEqualTo(4);
        assertThat(new RunsFolder(dir).list(new ArrayList<>())).hasSize(4);
        try (var st = Files.list(dir)) {
            assertThat(st.count()).isEqualTo(4);
        }
    }

    /** Train ▸ Runs…'s pane reads the panel's runs folder; its sweep varies the panel's settings. */
    @Test
    void theMenusRunsWindowSweepsAroundTheTrainingPanelsSettings() throws Exception {
        // building the session's view model loads much of the app: more than fx()'s 10 s on a loaded machine
        RunsPane p = WaitForAsyncUtils.asyncFx(() -> {
            var dock = new rnnlab.ui.training.TrainingDock(new rnnlab.ui.viewmodel.RunViewModel(), stage,
                    new javafx.beans.property.SimpleBooleanProperty());
            var vm = dock.viewModel();
            vm.setRunsFolder(dir);
            vm.taskProperty().set("adding");
            vm.cellProperty().set("lstm");
            vm.hiddenProperty().set(6);
            vm.weightDecayProperty().set(0.001);
            vm.stepsProperty().set(12);
            // the pane Train ▸ Runs… shows, in this test's window (a second window upsets Monocle's frame buffer)
            RunsPane pane = dock.runsPane();
            stage.setScene(new Scene(pane, 1024, 768));
            stage.show();
            pane.sweep().firstValuesProperty().set("0, 0.3");
            pane.sweep().start();
            return pane;
        }).get(90, TimeUnit.SECONDS);
        assertThat(fx(() -> p.sweep().stepsProperty().get())).isEqualTo("12");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !p.sweep().runningProperty().get()));
        assertThat(fx(() -> p.sweep().errorProperty().get())).isNull();
        List<RunRecord> runs = new RunsFolder(dir).list(new ArrayList<>());
        assertThat(runs).hasSize(2);
        for (RunRecord r : runs) {
            assertThat(r.settings().get("cell")).isEqualTo("lstm");
            assertThat(r.number("hidden")).isEqualTo(6);
            assertThat(r.number("weight_decay")).isEqualTo(0.001);
            assertThat(r.curve()).hasSize(12);
        }
        assertThat(runs).extracting(r -> r.number("dropout")).containsExactlyInAnyOrder(0.0, 0.3);
        assertThat(fx(() -> p.rows().size())).isEqualTo(2);
    }

    @Test
    void badSweepFieldsAreOneMessageNamingTheFieldInEnglishAndChinese() throws Exception {
        RunsPane p = open(dir, 1024, 768, 0);
        assertThat(error(p, "0, x", "1", "300")).isEqualTo("Values of Dropout: \u201cx\u201d is not allowed; expected "
                + "numbers from 0 to 0.95, separated by commas");
        assertThat(error(p, "0, 0.2, 0.2", "1", "300")).isEqualTo("Values of Dropout: \u201c0.2\u201d is given twice; "
                + "expected each value once");
        assertThat(error(p, " ", "1", "300")).startsWith("Values of Dropout: no value given");
        assertThat(error(p, "0, 0.5", "0", "300")).isEqualTo("Seeds: \u201c0\u201d is not allowed; expected whole numbers "
                + "from 1 to 20");
        assertThat(error(p, "0, 0.5", "2", "ten")).startsWith("Steps per run: \u201cten\u201d is not allowed; expected whole");
        fx(() -> {
            p.sweep().secondProperty().set("hidden");
            p.sweep().secondValuesProperty().set("32, 2.5");
            return null;
        });
        assertThat(error(p, "0, 0.5", "1", "300")).isEqualTo("Values of H: \u201c2.5\u201d is not allowed; expected "
                + "whole numbers from 1 to 512");
        fx(() -> {
            p.sweep().secondProperty().set("dropout");
            return null;
        });
        assertThat(error(p, "0, 0.5", "1", "300")).startsWith("Second hyperparameter: Dropout is already the first");
        assertThat(fx(() -> p.rows().size())).isZero();
        Messages.setLocale(Locale.forLanguageTag("zh"));
        RunsPane z = open(dir, 1024, 768, 0);
        assertThat(error(z, "0, x", "1", "300")).isEqualTo("Dropout 概率 的取值：“x”不可用；应为 0 到 0.95 之间的数，用逗号分隔");
    }

    private static String error(RunsPane p, String values, String seeds, String steps) throws Exception {
        return fx(() -> {
            p.sweep().firstValuesProperty().set(values);
            p.sweep().seedsProperty().set(seeds);
            p.sweep().stepsProperty().set(steps);
            p.sweep().start();
            assertThat(p.sweep().runningProperty().get()).isFalse();
            p.applyCss(); // a pane just opened may not have its skins yet (lookup found nothing on a loaded machine)
            p.layout();
            assertThat(p.lookup("#runs-sweep-error").isVisible()).isTrue();
            return p.sweep().errorProperty().get();
        });
    }

    @Test
    void screenshotsInEnglishAndChineseAtTwoSizes() throws Exception {
        writeRuns(dir);
        for (String lang : List.of("en", "zh")) {
            Messages.setLocale(Locale.forLanguageTag(lang));
            for (int[] size : new int[][] {{1024, 768}, {1920, 1080}}) {
                RunsPane p = open(dir, size[0], size[1], 6);
                fx(() -> {
                    p.rows().forEach(r -> r.shownProperty().set(true));
                    p.groupBy().setValue("dropout");
                    p.sweep().firstValuesProperty().set("0, x");
                    p.sweep().start();
                    return null;
                });
                WaitForAsyncUtils.waitForFxEvents();
                String name = "runs-window-" + size[0] + "x" + size[1] + "-" + lang;
                shot(p, name);
                if (size[0] == 1024) {
                    fx(() -> p.getStyleClass().add("dark"));
                    shot(p, name + "-dark");
                    fx(() -> p.getStyleClass().remove("dark"));
                }
                // every control of the toolbar and the sweep form is inside the window
                for (String id : List.of("#runs-exportPng", "#runs-scatterX", "#runs-sweep-run", "#runs-sweep-cancel",
                        "#runs-charts")) {
                    javafx.geometry.Bounds b = fx(() -> p.lookup(id).localToScene(p.lookup(id).getBoundsInLocal()));
                    assertThat(b.getMaxX()).as(name + " " + id).isLessThanOrEqualTo(size[0] + 0.5);
                    assertThat(b.getMaxY()).as(name + " " + id).isLessThanOrEqualTo(size[1] + 0.5);
                }
            }
        }
    }

    static void shot(RunsPane p, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        var img = fx(() -> p.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve(name + ".png").toFile());
    }
}
