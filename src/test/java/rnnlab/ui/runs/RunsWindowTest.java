package rnnlab.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

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
import org.junit.jupiter.api.AfterAll;
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

/** The runs window: table of recorded runs, sortable, tick to overlay curves, delete; en and zh screenshots. */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {
    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    static void writeRuns(Path d) throws Exception {
        RunsFolder f = new RunsFolder(d);
        double[] dropout = {0, 0.2, 0.5};
        double[] val = {0.31, 0.12, 0.19};
        for (int k = 0; k < 3; k++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("task", "charlm");
            s.put("cell", "lstm");
            s.put("hidden", 64);
            s.put("dropout", dropout[k]);
            s.put("seed", 1L);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("final_loss", 1.0 - 0.1 * k);
            r.put("val_loss", val[k]);
            List<CurvePoint> c = new ArrayList<>();
            for (int i = 1; i <= 100 * (k + 1); i++) {
                c.add(new CurvePoint(i, 2.0 / Math.sqrt(i) + 0.1 * k, 0.01, Double.NaN, Double.NaN));
            }
            f.write(new RunRecord("dropout-" + dropout[k], s, r, c));
        }
    }

    private RunsPane open(Path d) throws Exception {
        RunsPane p = fx(() -> {
            RunsPane pane = new RunsPane(d);
            stage.setScene(new Scene(pane, 1024, 600));
            stage.show();
            return pane;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> p.rows().size() == 3));
        return p;
    }

    @Test
    void theTableListsRunsSortsByValidationLossOverlaysTickedCurvesAndDeletes() throws Exception {
        Path d = dir.resolve("a");
        writeRuns(d);
        RunsPane p = open(d);
        // sort by validation loss: dropout 0.2 (0.12), then 0.5 (0.19), then 0 (0.31)
        List<String> order = fx(() -> {
            @SuppressWarnings("unchecked")
            TableColumn<RunsPane.Row, ?> val = p.table().getColumns().stream()
                    .filter(c -> c.getText().equals("Validation loss")).findFirst().orElseThrow();
            p.table().getSortOrder().setAll((TableColumn<RunsPane.Row, Object>) val);
            p.table().sort();
            return p.table().getItems().stream().map(r -> r.run().id()).toList();
        });
        assertThat(order).containsExactly("dropout-0.2", "dropout-0.5", "dropout-0.0");
        fx(() -> {
            p.rows().get(0).shownProperty().set(true);
            p.rows().get(2).shownProperty().set(true);
            return null;
        });
        assertThat(fx(() -> p.chart().series().size())).isEqualTo(2);
        List<Integer> sizes = fx(() -> p.chart().series().stream().map(s -> s.size()).toList());
        // the table sorts its rows: the first is dropout 0.2 (200 points), the third dropout 0 (100)
        assertThat(sizes).containsExactlyInAnyOrder(200, 100);
        shot(p, "runs-en");
        fx(() -> {
            p.table().getSelectionModel().select(p.rows().stream().filter(r -> r.run().id().equals("dropout-0.0"))
                    .findFirst().orElseThrow());
            p.lookup("#runs-delete").fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        // deleting a ticked run removes its folder and its curve
        assertThat(Files.exists(d.resolve("dropout-0.0"))).isFalse();
        assertThat(Files.exists(d.resolve("dropout-0.5"))).isTrue();
        assertThat(fx(() -> p.rows().size())).isEqualTo(2);
        assertThat(fx(() -> p.chart().series().size())).isEqualTo(1);
    }

    @Test
    void inChineseTheHeadersAreChinese() throws Exception {
        Path d = dir.resolve("zh");
        writeRuns(d);
        Messages.setLocale(Locale.forLanguageTag("zh"));
        try {
            RunsPane p = open(d);
            List<String> heads = fx(() -> p.table().getColumns().stream().map(TableColumn::getText).toList());
            assertThat(heads).contains("验证损失", "权重衰减", "循环单元", "Dropout 概率");
            fx(() -> {
                p.rows().forEach(r -> r.shownProperty().set(true));
                return null;
            });
            shot(p, "runs-zh");
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
    }

    private void shot(RunsPane p, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        var img = fx(() -> p.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve(name + ".png").toFile());
    }
}
