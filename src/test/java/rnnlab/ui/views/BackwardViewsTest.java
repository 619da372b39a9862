package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.ui.controls.Palette;
import rnnlab.session.Frame;
import rnnlab.ui.shell.Appearance;

/** The BPTT phase in the existing views: what is drawn where, and in which colours. */
class BackwardViewsTest extends ViewTestBase {

    @Test
    void unrolledShowsDeltaStripsAndDashedArrowsPointingLeft() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 4, 0);
        assertThat(f.phase()).isEqualTo(Frame.Phase.BACKWARD);
        int cur = f.time();
        assertThat(cur).isBetween(7, 10);
        UnrolledView view = new UnrolledView();
        show(view, f, 1280, 520);
        WritableImage img = canvasPixels(view);
        // the copies BPTT reached carry a δh strip in the gradient palette; earlier ones none
        Rectangle2D strip = region(view, "unrolled.step." + cur + ".dh");
        assertThat(strip).isNotNull();
        assertThat(region(view, "unrolled.step." + (cur - 1) + ".dh")).isNull();
        double[] dh = f.layer(0, 0).gradH()[cur];
        double cw = Math.floor(strip.getWidth() / 8);
        for (int u = 0; u < 8; u++) {
            int got = argb(img, strip.getMinX() + u * cw + cw / 2, strip.getMinY() + strip.getHeight() / 2);
            assertThat(distance(got, Palette.gradient(dh[u], Palette.LIGHT_NEUTRAL))).as("unit " + u).isLessThanOrEqualTo(2);
        }
        // dashed reddish-purple arrow from copy cur back to copy cur−1: head on the left
        Rectangle2D back = region(view, "unrolled.step." + cur + ".back");
        assertThat(back).isNotNull();
        double y = back.getMinY() + back.getHeight() / 2;
        int purple = 0;
        int gaps = 0;
        for (double x = back.getMinX() + 14; x < back.getMaxX() - 2; x++) {
            if (distance(argb(img, x, y), argb(Palette.PURPLE)) <= 40) {
                purple++;
            } else {
                gaps++;
            }
        }
        assertThat(purple).as("dashes").isGreaterThan(8);
        assertThat(gaps).as("gaps between dashes").isGreaterThan(4);
        assertThat(distance(argb(img, back.getMinX() + 8, y - 2.5), argb(Palette.PURPLE))).as("head at the left")
                .isLessThanOrEqualTo(60);
        assertThat(distance(argb(img, back.getMaxX() - 8, y - 2.5), argb(Palette.PURPLE))).as("no head at the right")
                .isGreaterThan(60);
        // not-yet-reached steps are dimmed, the current one outlined
        Rectangle2D reached = region(view, "unrolled.step." + (cur + 1));
        Rectangle2D before = region(view, "unrolled.step." + (cur - 2));
        int reachedEdge = argb(img, reached.getMinX() + 0.5, reached.getMinY() + reached.getHeight() / 2);
        int beforeEdge = argb(img, before.getMinX() + 0.5, before.getMinY() + before.getHeight() / 2);
        assertThat(distance(beforeEdge, 0xFFFFFFFF)).isLessThan(distance(reachedEdge, 0xFFFFFFFF));
        Rectangle2D now = region(view, "unrolled.step." + cur);
        assertThat(distance(argb(img, now.getMinX() + 1, now.getMinY() + now.getHeight() / 2), argb(Palette.ORANGE)))
                .isLessThanOrEqualTo(8);
        screenshot(view, "unrolled-backward");
    }

    @Test
    void lstmDiagramDrawsGateDeltasOnALogScale() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 0);
        int t = f.time();
        LstmView view = new LstmView();
        show(view, f, 1280, 640);
        assertThat(view.control().isBackward()).isTrue();
        // the bars alone: the selected unit's number (LstmViewTest) is drawn on a patch over them
        interact(() -> view.control().gateNumbersProperty().set(false));
        repaint(view);
        WritableImage img = canvasPixels(view);
        Rectangle2D box = region(view, "lstm.gate.o");
        double inner = box.getHeight() - 4;
        double base = box.getMinY() + 2 + inner;
        double[] delta = f.layer(0, 0).gateDeltas()[3][t];
        int checked = 0;
        for (int u = 0; u < 8; u++) {
            double level = Palette.gradLevel(delta[u]);
            if (level < 0.15 || level > 0.95) {
                continue;
            }
            Rectangle2D bar = region(view, "lstm.gate.o.unit." + u);
            double x = bar.getMinX() + bar.getWidth() / 2 - 1;
            int col = Palette.gradient(delta[u], Palette.LIGHT_NEUTRAL);
            int height = 0;
            while (height < inner && distance(argb(img, x, base - 1 - height), col) <= 3) {
                height++;
            }
            assertThat((double) height).as("unit " + u).isCloseTo(Math.round(level * inner), org.assertj.core.api.Assertions.within(1.5));
            checked++;
        }
        assertThat(checked).isGreaterThan(0);
        // the selected part's backward equation with numbers
        interact(() -> view.control().setSelectedPart("c"));
        repaint(view);
        assertThat(view.control().getEquation()).startsWith("δc_t[1] = δh_t·o_t·(1−tanh²c_t) + f_t+1·δc_t+1 = ");
        // units count from 1 as in the view's title; the printed factors multiply by hand to the printed
        // product (two-decimal factors gave "0.0259·0.03·0.23 = 2.03·10⁻⁴", by hand 1.79·10⁻⁴)
        for (String gate : new String[] {"f", "i", "o"}) {
            interact(() -> view.control().setSelectedPart(gate));
            repaint(view);
            String eq = view.control().getEquation();
            assertThat(eq).startsWith("δ" + gate + "_t[1] = ");
            String[] sides = eq.split(" = ");
            String[] factors = sides[sides.length - 2].split("·(?!10)");
            double product = 1;
            for (String fac : factors) {
                product *= parse(fac);
            }
            double shown = parse(sides[sides.length - 1]);
            assertThat(product).as(eq).isCloseTo(shown, org.assertj.core.api.Assertions.within(Math.abs(shown) * 0.012 + 1e-12));
        }
        screenshot(view, "lstm-backward");
    }

    @Test
    void gruAndRnnDiagramsShowDeltasToo() throws Exception {
        GruView gru = new GruView();
        Frame g = ViewFixtures.backward(CellType.GRU, 8, 3, 0);
        show(gru, g, 1280, 640);
        assertThat(gru.control().getVectors().get("z")).isEqualTo(g.layer(0, 0).gateDeltas()[1][g.time()]);
        screenshot(gru, "gru-backward");
        RnnView rnn = new RnnView();
        Frame r = ViewFixtures.backward(CellType.RNN_TANH, 8, 3, 0);
        show(rnn, r, 1280, 640);
        assertThat(rnn.control().getVectors().get("a")).isEqualTo(r.layer(0, 0).gateDeltas()[0][r.time()]);
        assertThat(rnn.control().getEquation()).startsWith("δh_t[1] = ");
        screenshot(rnn, "rnn-backward");
    }

    @Test
    void heatmapShowsDeltaHMagnitudesWhereBpttHasBeen() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 4, 0);
        HeatmapView view = new HeatmapView();
        show(view, f, 1000, 420);
        var skin = (rnnlab.ui.controls.HiddenStateHeatmapSkin) skin(view);
        int cur = f.time();
        int[] o = skin.cellOrigin(cur, 2);
        int got = skin.image().getPixelReader().getArgb(o[0], o[1]);
        assertThat(distance(got, Palette.gradient(f.layer(0, 0).gradH()[cur][2], Palette.LIGHT_NEUTRAL))).isLessThanOrEqualTo(2);
        int[] early = skin.cellOrigin(cur - 1, 2);
        int notYet = skin.image().getPixelReader().getArgb(early[0], early[1]);
        assertThat(distance(notYet, argb(rnnlab.ui.controls.Theme.LIGHT.panel()))).isLessThanOrEqualTo(2);
        screenshot(view, "heatmap-backward");
    }

    @Test
    void beltCarriesDeltaCBackAndMarksTheHighway() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 5, 3.0);
        BeltView view = new BeltView();
        show(view, f, 1280, 640);
        int cur = f.time();
        assertThat(region(view, "belt.grad." + cur + ".unit.0")).isNotNull();
        assertThat(region(view, "belt.grad." + (cur - 1) + ".unit.0")).isNull();
        long highways = skin(view).regionIds().stream().filter(id -> id.startsWith("belt.highway.")).count();
        assertThat(highways).isGreaterThan(0);
        screenshot(view, "belt-backward");
    }

    @Test
    void formulasShowTheBackwardEquations() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 0);
        FormulaView view = new FormulaView();
        show(view, f, 1280, 640);
        assertThat(view.control().getFormulas()).extracting(rnnlab.ui.formula.FormulaPanel.Formula::id)
                .contains("formula.back.c", "formula.back.f", "formula.back.o");
        String c = view.control().getFormulas().stream().filter(x -> x.id().equals("formula.back.c")).findFirst()
                .orElseThrow().tex();
        assertThat(c).contains("\\delta c_{" + (f.time() + 1) + "}").contains("1-\\tanh^2");
        screenshot(view, "formulas-backward");
        for (CellType cell : new CellType[] {CellType.GRU, CellType.RNN_TANH, CellType.RNN_RELU}) {
            Frame g = ViewFixtures.backward(cell, 8, 3, 0);
            show(view, g, 1280, 640);
            assertThat(view.control().getFormulas()).extracting(rnnlab.ui.formula.FormulaPanel.Formula::id)
                    .contains(cell == CellType.GRU ? "formula.back.z" : "formula.back.a");
            assertThat(region(view, "formula.back.w")).as(cell.id()).isNotNull();
            screenshot(view, "formulas-backward-" + cell.id());
        }
    }

    @Test
    void exportRendersAtTwiceTheNodeSize() {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 0);
        for (LabView v : new LabView[] {new UnrolledView(), new DecayView(), new WeightsView()}) {
            show(v, f, 630, 300);
            WritableImage[] img = new WritableImage[1];
            interact(() -> img[0] = v.exportImage());
            javafx.scene.layout.Region node = (javafx.scene.layout.Region) v.node();
            assertThat(img[0].getWidth()).as(v.id()).isEqualTo(Math.round(node.getWidth() * 2));
            assertThat(img[0].getHeight()).as(v.id()).isEqualTo(Math.round(node.getHeight() * 2));
        }
    }

    /** A number as the views print it: "−0.0259", "(−0.437)", "2.03·10⁻⁴". */
    static double parse(String printed) {
        String t = printed.trim().replace("(", "").replace(")", "").replace('−', '-');
        int p = t.indexOf("·10");
        if (p < 0) {
            return Double.parseDouble(t);
        }
        String sup = t.substring(p + 3);
        StringBuilder e = new StringBuilder();
        for (char ch : sup.toCharArray()) {
            e.append(ch == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(ch)));
        }
        return Double.parseDouble(t.substring(0, p)) * Math.pow(10, Integer.parseInt(e.toString()));
    }
}
