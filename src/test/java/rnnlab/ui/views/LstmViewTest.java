package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.session.Frame;
import rnnlab.ui.controls.NumberText;

class LstmViewTest extends ViewTestBase {

    @Test
    void gateBarsHaveTheValueAsHeightAndColour() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        show(view, f, 1280, 720);
        assertThat(skin(view).regionIds()).contains("view.lstm".equals(view.id()) ? "lstm.gate.f" : "?",
                "lstm.gate.i", "lstm.gate.g", "lstm.gate.o", "lstm.c", "lstm.h", "lstm.c_prev", "lstm.h_prev", "lstm.x",
                "lstm.gate.f.unit.3", "lstm.op.mulF", "lstm.op.add");
        WritableImage img = canvasPixels(view);
        Rectangle2D box = region(view, "lstm.gate.f");
        // unit 8's bar, at the box's right end: the selected unit's number (in the middle of the box) does not cover it
        Rectangle2D bar = region(view, "lstm.gate.f.unit.7");
        assertThat(inside(view, box)).allMatch(p -> p.x() + p.w() < bar.getMinX());
        double v = f.layer(0, 0).gates()[1][5][7];
        double inner = box.getHeight() - 4;
        double height = Math.round(v * inner);
        double base = box.getMinY() + 2 + inner;
        double x = bar.getMinX() + bar.getWidth() / 2;
        int colour = Palette.sequential(v, Palette.VERMILLION, Palette.LIGHT_NEUTRAL);
        assertThat(distance(argb(img, x, base - 2), colour)).isLessThanOrEqualTo(3);
        assertThat(distance(argb(img, x, base - height + 2), colour)).isLessThanOrEqualTo(3);
        assertThat(distance(argb(img, x, base - height - 3), argb(Theme.LIGHT.panel()))).isLessThanOrEqualTo(3);
        screenshot(view, "lstm");
    }

    /** The drawn labels whose box lies inside the given gate box, largest first. */
    private static java.util.List<rnnlab.ui.controls.CanvasLabels.Placed> inside(LabView view, Rectangle2D box) {
        rnnlab.ui.controls.CanvasLabels l = (rnnlab.ui.controls.CanvasLabels) skin(view).canvas().getProperties()
                .get(rnnlab.ui.controls.CanvasLabels.KEY);
        return l.placed().stream().filter(p -> p.x() >= box.getMinX() && p.x() + p.w() <= box.getMaxX()
                && p.y() >= box.getMinY() && p.y() + p.h() <= box.getMaxY())
                .sorted((a, b) -> Double.compare(b.fontSize(), a.fontSize())).toList();
    }

    @Test
    void eachGateBoxShowsTheSelectedUnitsValueLarge() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        ViewContext ctx = show(view, f, 1280, 720);
        interact(() -> ctx.selectedUnitProperty().set(3));
        repaint(view);
        double fs = view.control().getFontSize();
        String[] gates = {"i", "f", "g", "o"};
        // a unit whose candidate g = tanh(…) is negative here: the number has one minus sign, the typographic one
        int unit = 0;
        while (f.layer(0, 0).gates()[2][5][unit] >= 0) {
            unit++;
        }
        int u = unit;
        interact(() -> ctx.selectedUnitProperty().set(u));
        repaint(view);
        boolean negative = false;
        for (int k = 0; k < 4; k++) {
            Rectangle2D box = region(view, "lstm.gate." + gates[k]);
            double value = f.layer(0, 0).gates()[k][5][u];
            var in = inside(view, box);
            assertThat(in).as("gate %s: a number inside its box", gates[k]).isNotEmpty();
            // the engine's value of the selected unit at this step, in the project's number format, larger than the labels
            assertThat(in.get(0).text()).isEqualTo(NumberText.num(value));
            assertThat(in.get(0).text()).doesNotContain("-");
            assertThat(Double.parseDouble(in.get(0).text().replace('\u2212', '-'))).isCloseTo(value, within(0.006));
            assertThat(in.get(0).fontSize()).isGreaterThan(fs * 1.1);
            negative |= value < 0;
        }
        assertThat(negative).isTrue();
        screenshot(view, "lstm-gate-numbers");
        // a small tile: a number that does not fit its box at the smallest readable size is left out, never
        // drawn over the box's edge
        LstmView tile = new LstmView();
        ViewContext small = show(tile, f, 330, 240);
        interact(() -> small.selectedUnitProperty().set(3));
        repaint(tile);
        for (String gate : gates) {
            Rectangle2D box = region(tile, "lstm.gate." + gate);
            rnnlab.ui.controls.CanvasLabels l = (rnnlab.ui.controls.CanvasLabels) skin(tile).canvas().getProperties()
                    .get(rnnlab.ui.controls.CanvasLabels.KEY);
            for (var p : l.placed()) {
                boolean crosses = p.x() < box.getMaxX() && p.x() + p.w() > box.getMinX() && p.y() < box.getMaxY()
                        && p.y() + p.h() > box.getMinY();
                boolean within = p.x() >= box.getMinX() && p.x() + p.w() <= box.getMaxX() && p.y() >= box.getMinY()
                        && p.y() + p.h() <= box.getMaxY();
                assertThat(!crosses || within).as("label %s against gate box %s", p.text(), gate).isTrue();
            }
        }
    }

    @Test
    void clickingAGateShowsItsEquationWithTheRealNumbers() {
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        ViewContext ctx = show(view, f, 1280, 720);
        interact(() -> ctx.selectedUnitProperty().set(3));
        repaint(view);
        Rectangle2D o = region(view, "lstm.gate.o");
        interact(() -> skin(view).clickAt(o.getMinX() + 1, o.getMinY() + 1));
        assertThat(ctx.selectedGateProperty().get()).isEqualTo("o");
        String eq = view.control().getEquation();
        double value = f.layer(0, 0).gates()[3][5][3];
        assertThat(eq).startsWith("o[4] = σ(").endsWith("= " + NumberText.num(value));
        Matcher m = Pattern.compile("σ\\((−?[0-9.]+) ([+−]) ([0-9.]+)\\)").matcher(eq);
        assertThat(m.find()).isTrue();
        double pre = Double.parseDouble(m.group(1).replace('−', '-')) + ("+".equals(m.group(2)) ? 1 : -1) * Double.parseDouble(m.group(3));
        assertThat(1 / (1 + Math.exp(-pre))).isCloseTo(value, within(0.01));
        // the exact pre-activation reproduces the engine's gate value
        double[] x = CellMath.layerInput(f, 0, 5);
        double[] hp = f.layer(0, 0).h()[4];
        double exact = CellMath.inputPart(f, 0, 0, 3, 3, x) + CellMath.hiddenPart(f, 0, 0, 3, 3, hp);
        assertThat(1 / (1 + Math.exp(-exact))).isCloseTo(value, within(1e-12));
        // the cell-state equation: c = f·c_prev + i·g
        Rectangle2D c = region(view, "lstm.c");
        interact(() -> skin(view).clickAt(c.getMinX() + 2, c.getMinY() + 2));
        assertThat(view.control().getEquation()).startsWith("c_t[").contains(NumberText.num(f.layer(0, 0).c()[5][3]));
    }

    @Test
    void gatesAnimateFromThePreviousStepsValues() {
        Frame f = ViewFixtures.lstmMiddle();
        Frame before = rnnlab.session.FrameBuilder.build(ViewFixtures.run(rnnlab.engine.CellType.LSTM, 8, 5, 0, 7));
        LstmView view = new LstmView();
        ViewContext ctx = show(view, f, 1280, 720);
        interact(() -> {
            ctx.previousFrameProperty().set(before);
            ctx.frameProperty().set(f);
            ctx.stepProgressProperty().set(0.05);
        });
        repaint(view);
        Rectangle2D box = region(view, "lstm.gate.f");
        Rectangle2D bar = region(view, "lstm.gate.f.unit.3");
        double inner = box.getHeight() - 4;
        double base = box.getMinY() + 2 + inner;
        double old = f.layer(0, 0).gates()[1][4][3];
        WritableImage img = canvasPixels(view);
        int colour = Palette.sequential(old, Palette.VERMILLION, Palette.LIGHT_NEUTRAL);
        assertThat(distance(argb(img, bar.getMinX() + bar.getWidth() / 2, base - 2), colour)).isLessThanOrEqualTo(3);
        double oldTop = base - Math.round(old * inner);
        assertThat(distance(argb(img, bar.getMinX() + bar.getWidth() / 2, oldTop + 2), colour)).isLessThanOrEqualTo(3);
    }

    @Test
    void highlightDimsEverythingButTheSpotlitGate() {
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        ViewContext ctx = show(view, f, 1280, 720);
        Rectangle2D h = region(view, "lstm.h");
        Rectangle2D g = region(view, "lstm.gate.f");
        WritableImage plain = canvasPixels(view);
        interact(() -> ctx.highlightProperty().set("lstm.gate.f"));
        repaint(view);
        WritableImage lit = canvasPixels(view);
        // the h_t box outline fades towards the background; the forget gate's does not change
        int hBefore = argb(plain, h.getMinX() + 0.5, h.getMinY() + h.getHeight() / 2);
        int hAfter = argb(lit, h.getMinX() + 0.5, h.getMinY() + h.getHeight() / 2);
        assertThat(distance(hAfter, 0xFFFFFFFF)).isLessThan(distance(hBefore, 0xFFFFFFFF));
        assertThat(argb(lit, g.getMinX() + 1, g.getMinY() + g.getHeight() / 2))
                .isEqualTo(argb(plain, g.getMinX() + 1, g.getMinY() + g.getHeight() / 2));
    }

    @Test
    void nanGateValuesAreHatchedBlackAndYellow() {
        Frame f = ViewFixtures.lstmMiddle();
        LstmView view = new LstmView();
        show(view, f, 1280, 720);
        java.util.Map<String, double[]> v = new java.util.LinkedHashMap<>(view.control().getVectors());
        double[] fg = v.get("f").clone();
        fg[2] = Double.NaN;
        v.put("f", fg);
        interact(() -> view.control().setVectors(v));
        repaint(view);
        Rectangle2D bar = region(view, "lstm.gate.f.unit.2");
        WritableImage img = canvasPixels(view);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = (int) bar.getMinY() + 3; y < bar.getMaxY() - 3; y++) {
            seen.add(argb(img, bar.getMinX() + bar.getWidth() / 2, y));
        }
        assertThat(seen.stream().anyMatch(c -> distance(c, argb(Palette.YELLOW)) < 20)).isTrue();
        assertThat(seen.stream().anyMatch(c -> distance(c, 0xFF000000) < 20)).isTrue();
    }
}
