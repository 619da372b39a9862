package rnnlab.ui.export;

import rnnlab.ui.views.ValuesTable;
import rnnlab.ui.views.ValuesTableNode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.ui.views.CellMath;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;
import rnnlab.ui.views.ViewContext;
import rnnlab.ui.views.ViewFixtures;
import rnnlab.ui.views.ViewTestBase;

/** Every view's values table holds the numbers the view draws, for the frame and selection shown. */
class ValuesTableTest extends ViewTestBase {

    private Map<String, ValuesTable> tablesOf(Frame f, int unit) {
        List<LabView> views = ViewCatalog.createAll();
        Map<String, ValuesTable>[] out = new Map[1];
        interact(() -> {
            ViewContext ctx = new ViewContext();
            ctx.frameProperty().set(f);
            ctx.previousFrameProperty().set(f);
            ctx.selectedUnitProperty().set(unit);
            views.forEach(v -> v.bind(ctx));
            out[0] = views.stream().collect(Collectors.toMap(LabView::id, LabView::valuesTable));
        });
        return out[0];
    }

    private static int col(ValuesTable t, String header) {
        int k = t.columns().indexOf(header);
        assertThat(k).as("column %s in %s", header, t.columns()).isGreaterThanOrEqualTo(0);
        return k;
    }

    @Test
    void everyViewHasATableOfTheNumbersItDrawsInTheForwardPass() {
        Frame f = ViewFixtures.lstmMiddle();
        int t = f.time();
        Frame.LayerFrame lf = f.layer(0, 0);
        Map<String, ValuesTable> tables = tablesOf(f, 3);
        assertThat(tables.keySet()).hasSize(11);
        tables.forEach((id, tab) -> assertThat(tab).as(id).isNotNull());

        // heatmap and unrolled: h by step (rows) and unit (columns), computed steps only
        ValuesTable heat = tables.get("view.heatmap");
        assertThat(heat.rows()).hasSize(f.forwardSteps());
        assertThat(heat.columns()).hasSize(1 + f.hiddenSize());
        assertThat(heat.rows().get(2).get(1 + 5)).isEqualTo(ValuesTable.num(lf.h()[2][5]));
        assertThat(heat.rows().get(0).get(0)).startsWith("1 (");
        // units count from 1, as in every view
        assertThat(heat.columns().get(1)).isEqualTo("unit 1");
        assertThat(tables.get("view.unrolled").rows()).isEqualTo(heat.rows());

        // LSTM: one row per unit with f, i, g, o, c_{t-1}, c_t, h_t of the shown step
        ValuesTable lstm = tables.get("view.lstm");
        assertThat(lstm.rows()).hasSize(8);
        assertThat(lstm.rows().get(0).get(0)).isEqualTo("1");
        int fb = CellMath.block(f, "f");
        assertThat(lstm.rows().get(4).get(col(lstm, "f_t \u03c3"))).isEqualTo(ValuesTable.num(lf.gates()[fb][t][4]));
        assertThat(lstm.rows().get(4).get(col(lstm, "c_t"))).isEqualTo(ValuesTable.num(lf.c()[t][4]));
        assertThat(lstm.rows().get(7).get(col(lstm, "h_t"))).isEqualTo(ValuesTable.num(lf.h()[t][7]));
        assertThat(lstm.rows().get(7).get(col(lstm, "c_t\u22121"))).isEqualTo(ValuesTable.num(lf.c()[t - 1][7]));

        // belt: c_t = f·c_{t−1} + i·g per step, for the selected unit
        ValuesTable belt = tables.get("view.belt");
        assertThat(belt.rows()).hasSize(f.forwardSteps());
        assertThat(belt.caption()).contains("unit 4");
        List<String> r = belt.rows().get(3);
        assertThat(r.get(5)).isEqualTo(ValuesTable.num(lf.c()[3][3]));
        assertThat(r.get(1)).isEqualTo(ValuesTable.num(lf.c()[2][3]));

        // output: the distribution of the shown step, the target marked, the loss in the caption
        ValuesTable out = tables.get("view.output");
        assertThat(out.rows()).hasSize(f.outputSize());
        double sum = out.rows().stream().mapToDouble(row -> Double.parseDouble(row.get(1).replace('\u2212', '-'))).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(out.rows().stream().filter(row -> !row.get(2).isEmpty())).hasSize(1);
        assertThat(out.rows().get(f.classTargets()[t]).get(2)).isNotEmpty();
        assertThat(out.caption()).contains(ValuesTable.num(f.stepLoss()[t]));

        // text: one row per character, the selected unit's h
        ValuesTable text = tables.get("view.text");
        assertThat(text.rows()).hasSize(f.length());
        assertThat(text.rows().get(1).get(2)).isEqualTo(ValuesTable.num(lf.h()[1][3]));
        assertThat(text.rows().get(f.length() - 1).get(2)).isEmpty();
        // the space between the words is written as ␣, in the text and output tables
        assertThat(text.rows().get(5).get(1)).isEqualTo("\u2423");
        assertThat(out.rows().stream().map(row -> row.get(0))).contains("\u2423").doesNotContain(" ");

        // formulas: the selected unit's equations, c_t = f·c + i·g adds up
        ValuesTable eq = tables.get("view.formulas");
        List<String> c = eq.rows().stream().filter(row -> row.get(0).startsWith("c_t[4]")).findFirst().orElseThrow();
        assertThat(c.get(3)).isEqualTo(ValuesTable.num(lf.c()[t][3]));

        // weights: every parameter with its shape; W_hh of an LSTM is 4H × H
        ValuesTable w = tables.get("view.weights");
        assertThat(w.rows()).hasSize(f.weights().size());
        assertThat(w.rows().stream().map(row -> row.get(1))).contains("32 \u00d7 8");
        // cells this frame is not: a caption saying so, no rows
        assertThat(tables.get("view.gru").rows()).isEmpty();
        assertThat(tables.get("view.rnn").rows()).isEmpty();
    }

    @Test
    void numbersHaveFourDecimalsLikeStringFormat() {
        java.util.Random rng = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            double v = rng.nextGaussian() * Math.pow(10, rng.nextInt(9) - 5);
            String expected = String.format(java.util.Locale.getDefault(), "%.4f", v).replace('-', '\u2212');
            if (expected.equals("\u22120" + expected.substring(2)) && expected.matches("\u22120.0+")) {
                expected = expected.substring(1);
            }
            assertThat(ValuesTable.num(v)).as("%s", v).isEqualTo(expected);
        }
        assertThat(ValuesTable.num(-1.23456)).isEqualTo("\u22121.2346");
        assertThat(ValuesTable.num(0.00004)).isEqualTo("0.0000");
        assertThat(ValuesTable.num(Double.NaN)).isEqualTo("NaN");
        assertThat(ValuesTable.num(3e13)).startsWith("30000000000000");
    }

    @Test
    void inBpttTheTablesShowGradients() {
        Frame f = ViewFixtures.backward(CellType.GRU, 6, 3, 0);
        Frame.LayerFrame lf = f.layer(0, 0);
        Map<String, ValuesTable> tables = tablesOf(f, 1);
        ValuesTable heat = tables.get("view.heatmap");
        // δh for the steps BPTT reached: t = T−3 … T−1
        assertThat(heat.rows()).hasSize(3);
        assertThat(heat.rows().get(0).get(1 + 2)).isEqualTo(ValuesTable.sci(lf.gradH()[f.time()][2]));
        ValuesTable gru = tables.get("view.gru");
        assertThat(gru.rows()).hasSize(6);
        assertThat(gru.columns().get(1)).startsWith("\u03b4");
        ValuesTable decay = tables.get("view.decay");
        assertThat(decay.rows()).hasSize(f.length());
        assertThat(decay.rows().get(0).get(1)).isEmpty();
        assertThat(decay.rows().get(f.length() - 1).get(1)).isNotEmpty();
        assertThat(decay.caption()).contains("\u03c1");
    }

    /** Every view's table as it looks in a tile: target/screenshots/values-all-<view>.png. */
    @Test
    void screenshotsOfEveryTable() throws Exception {
        Map<String, ValuesTable> fwd = tablesOf(ViewFixtures.lstmMiddle(), 3);
        Map<String, ValuesTable> back = tablesOf(ViewFixtures.backward(CellType.GRU, 6, 3, 0), 1);
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        for (var e : new java.util.TreeMap<>(fwd).entrySet()) {
            for (boolean b : new boolean[] {false, true}) {
                ValuesTable t = b ? back.get(e.getKey()) : e.getValue();
                javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
                interact(() -> {
                    ValuesTableNode n = new ValuesTableNode(e.getKey());
                    n.show(t);
                    n.setPrefSize(560, 300);
                    root.getChildren().setAll(n);
                    root.layout();
                    n.applyCss();
                    n.layout();
                    img[0] = n.snapshot(null, null);
                });
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png",
                        dir.resolve("values-all-" + e.getKey().replace("view.", "") + (b ? "-bptt" : "") + ".png").toFile());
            }
        }
    }
}
