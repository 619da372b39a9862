package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.ui.formula.FormulaPanel.Formula;
import rnnlab.ui.formula.FormulaPanelSkin;
import rnnlab.ui.formula.TexRenderer;
import rnnlab.session.Frame;

class FormulaViewTest extends ViewTestBase {

    @Test
    void typesetsEachEquationWithTheSelectedUnitsNumbers() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        FormulaView view = new FormulaView();
        ViewContext ctx = show(view, f, 1100, 680);
        interact(() -> ctx.selectedUnitProperty().set(3));
        repaint(view);
        List<Formula> lines = view.control().getFormulas();
        assertThat(lines).extracting(Formula::id)
                .containsExactly("formula.i", "formula.f", "formula.g", "formula.o", "formula.c", "formula.h", "formula.loss");
        double fv = f.layer(0, 0).gates()[1][5][3];
        String forget = lines.get(1).tex();
        assertThat(forget).startsWith("\\textcolor{#D55E00}{f_{6}}[4] = \\sigma").endsWith("= " + FormulaView.n(fv));
        assertThat(lines.get(4).tex()).endsWith("= " + FormulaView.n(f.layer(0, 0).c()[5][3]));
        assertThat(view.control().getHeading()).contains("t = 6").contains("unit 4");
        // the forget line was painted: dark ink inside its region
        Rectangle2D r = region(view, "formula.f");
        assertThat(r.getWidth()).isGreaterThan(200);
        WritableImage img = canvasPixels(view);
        int dark = 0;
        for (int x = (int) r.getMinX(); x < r.getMaxX(); x += 2) {
            for (int y = (int) r.getMinY(); y < r.getMaxY(); y += 2) {
                if (distance(argb(img, x, y), 0xFF000000) < 90) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(100);
        // the gate's name is drawn in the forget gate's vermillion
        boolean vermillion = false;
        for (int x = (int) r.getMinX(); x < r.getMinX() + 60 && !vermillion; x++) {
            for (int y = (int) r.getMinY(); y < r.getMaxY(); y++) {
                if (distance(argb(img, x, y), argb(rnnlab.ui.controls.Palette.VERMILLION)) < 30) {
                    vermillion = true;
                    break;
                }
            }
        }
        assertThat(vermillion).isTrue();
        screenshot(view, "formulas");
    }

    @Test
    void compositionsAreCachedPerStepAndUnit() {
        Frame f = ViewFixtures.lstmMiddle();
        FormulaView view = new FormulaView();
        ViewContext ctx = show(view, f, 1100, 680);
        FormulaPanelSkin skin = (FormulaPanelSkin) skin(view);
        int first = skin.composeCount();
        assertThat(first).isEqualTo(1);
        Rectangle2D unit3 = region(view, "formula.c");
        interact(() -> ctx.selectedUnitProperty().set(4));
        repaint(view);
        assertThat(skin.composeCount()).isEqualTo(2);
        interact(() -> ctx.selectedUnitProperty().set(0));
        repaint(view);
        repaint(view);
        // unit 0 again: the panel comes from the cache, with the same line bounds
        assertThat(skin.composeCount()).isEqualTo(2);
        assertThat(region(view, "formula.c")).isEqualTo(unit3);
    }

    @Test
    void theCanvasDrawsEveryCompositionFromOneKeptImageWithItsOwnPixels() {
        Frame f = ViewFixtures.lstmMiddle();
        FormulaView view = new FormulaView();
        ViewContext ctx = show(view, f, 1100, 680);
        FormulaPanelSkin skin = (FormulaPanelSkin) skin(view);
        WritableImage first = canvasPixels(view);
        int unit = ctx.selectedUnitProperty().get();
        assertThat(unit).isNotIn(4, 5, 6);
        for (int u : new int[] {4, 5, 6, unit}) {
            interact(() -> ctx.selectedUnitProperty().set(u));
            repaint(view);
        }
        // five compositions shown (four typeset, the last from the cache); a new image only when one was larger
        assertThat(skin.composeCount()).isEqualTo(4);
        assertThat(skin.displayImages()).as("images the renderer had to make a texture for").isBetween(1, 3);
        // back on the first unit: its pixels, nothing left of the larger compositions shown in between
        WritableImage again = canvasPixels(view);
        int differ = 0;
        for (int y = 0; y < (int) first.getHeight(); y++) {
            for (int x = 0; x < (int) first.getWidth(); x++) {
                differ += first.getPixelReader().getArgb(x, y) != again.getPixelReader().getArgb(x, y) ? 1 : 0;
            }
        }
        assertThat(differ).as("pixels that differ from the first paint of the same unit").isZero();
    }

    @Test
    void inTheAppANewStepRepaintsOnceWhenItsFormulasAreTypesetInTheBackground() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        FormulaView view = new FormulaView();
        ViewContext ctx = show(view, f, 1100, 680);
        FormulaPanelSkin skin = (FormulaPanelSkin) skin(view);
        String before = skin.regionIds().toString();
        interact(() -> TexRenderer.useBackgroundThread(true));
        try {
            boolean[] pendingAtOnce = new boolean[1];
            interact(() -> {
                ctx.selectedUnitProperty().set(5);
                pendingAtOnce[0] = skin.pending();
            });
            assertThat(pendingAtOnce[0]).as("the FX thread does not wait for the typesetting").isTrue();
            long end = System.currentTimeMillis() + 10_000;
            boolean[] ready = new boolean[1];
            while (!ready[0] && System.currentTimeMillis() < end) {
                Thread.sleep(20);
                interact(() -> ready[0] = !skin.pending());
            }
            assertThat(ready[0]).isTrue();
            assertThat(skin.composeCount()).isEqualTo(2);
            // an export typesets at its own size at once, whatever the background does
            WritableImage export = interactAndGet(() -> view.exportImage(2));
            assertThat(export.getWidth()).isGreaterThan(2000);
            // the panel's own parts are unchanged once any repaint the export caused has finished
            // (read on the FX thread: a repaint clears and refills them)
            long until = System.currentTimeMillis() + 10_000;
            String[] after = new String[1];
            do {
                Thread.sleep(20);
                interact(() -> after[0] = skin.pending() ? null : skin.regionIds().toString());
            } while (!before.equals(after[0]) && System.currentTimeMillis() < until);
            assertThat(after[0]).isEqualTo(before);
        } finally {
            interact(() -> TexRenderer.useBackgroundThread(false));
        }
    }

    private static <T> T interactAndGet(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get();
    }
}
