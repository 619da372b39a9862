package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.i18n.Messages;
import rnnlab.session.Frame;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.controls.CanvasLabels;
import rnnlab.ui.controls.LabCanvasControl;
import rnnlab.ui.layout.LayoutChecker;

/**
 * Labels kept off a view's own drawing (issue 12, the layout checker's "drawn over graphics"), one view at a time in
 * the small tiles the window and the presentation mode give it (font 13 px, or 22 / 18 px with the presentation
 * mode's 14 px minimum), in English and Chinese. Each test names the fix it holds; each fails without it (checked by
 * reverting the fix's lines): the weights view's axis names (4889e1c), the heatmap's colour scale (2165f7e), the
 * unrolled network's copies and title (2e12365), the belt's lanes and the decay view's hint. The unrolled view's row
 * names (UnrolledViewTest) and the heatmap's "not computed yet" (HeatmapViewTest) have their own tests.
 */
class LabelsOffTheDrawingTest extends ViewTestBase {

    @AfterEach
    void english() {
        AppLanguage.set(AppLanguage.ENGLISH);
        presenting(false);
    }

    /** The texts of the view's labels the layout checker finds drawn over the view's own drawing. */
    private List<String> overGraphics(LabView view) {
        List<String> out = new ArrayList<>();
        interact(() -> LayoutChecker.check(root, new javafx.geometry.BoundingBox(0, 0, 4000, 4000), 0).stream()
                .filter(p -> p.kind().equals("drawn over graphics")).forEach(p -> out.add(p.text())));
        return out;
    }

    /** Whether the view's drawing without labels shows a line on row y in the middle of box (against 4 px above). */
    private boolean lineDrawn(LabView view, Rectangle2D box, double y) {
        boolean[] drawn = new boolean[1];
        interact(() -> {
            CanvasLabels.Drawing d = skin(view).labels().drawing();
            int x = (int) (box.getMinX() + box.getWidth() / 2);
            javafx.scene.paint.Color on = d.image().getPixelReader().getColor(x, (int) y);
            javafx.scene.paint.Color off = d.image().getPixelReader().getColor(x, (int) y - 4);
            drawn[0] = Math.abs(on.getBrightness() - off.getBrightness()) > 0.02;
        });
        return drawn[0];
    }

    private static List<CanvasLabels.Placed> placed(LabView view) {
        return skin(view).labels().placed();
    }

    private void fontSize(LabView view, double px) {
        interact(() -> ((LabCanvasControl) view.node()).setFontSize(px));
        repaint(view);
    }

    private void presenting(boolean on) {
        interact(() -> {
            root.getStyleClass().removeAll("presenting");
            if (on) {
                root.getStyleClass().add("presenting"); // the minimum text size is 14 px, as the presentation mode's
            }
        });
    }

    /** Whether a label's box reaches over the 1 px outline drawn round r (a pixel outside it), with a pixel to spare. */
    private static boolean crossesOutline(CanvasLabels.Placed p, Rectangle2D r) {
        double x0 = r.getMinX() - 2;
        double y0 = r.getMinY() - 2;
        double x1 = r.getMaxX() + 1;
        double y1 = r.getMaxY() + 1;
        return p.overlaps(x0, y0, 3, y1 - y0 + 3) || p.overlaps(x1 - 1, y0, 3, y1 - y0 + 3) || p.overlaps(x0, y0, x1 - x0 + 3, 3)
                || p.overlaps(x0, y1 - 1, x1 - x0 + 3, 3);
    }

    /**
     * The weights view before BPTT (commit 4889e1c: lesson 2 at 1024x768, 14 findings): in a narrow tile the eigenvalue
     * plot overlaps the empty gradient matrix, and its axis names "Im" / "Re" (虚部 / 实部) ran over the matrix's
     * outline. The outline is kept clear: an axis name there is dropped or stands clear of it, never across it.
     */
    @Test
    void eigenvalueAxisNamesStayOffTheEmptyGradientMatrix() {
        Frame zero = ViewFixtures.backward(CellType.LSTM, 8, 0, 0);
        presenting(true);
        List<String> bad = new ArrayList<>();
        for (Locale lang : new Locale[] {AppLanguage.ENGLISH, AppLanguage.CHINESE}) {
            AppLanguage.set(lang);
            List<String> axes = List.of(Messages.get("weights.axis.im"), Messages.get("weights.axis.re"));
            for (int[] size : new int[][] {{170, 150}, {190, 150}, {190, 280}}) {
                WeightsView view = new WeightsView();
                show(view, zero, size[0], size[1]);
                fontSize(view, 22);
                Rectangle2D grad = region(view, "weights.grad");
                assertThat(grad).as("the gradient matrix at %s", java.util.Arrays.toString(size)).isNotNull();
                for (CanvasLabels.Placed p : placed(view)) {
                    if (axes.contains(p.text()) && crossesOutline(p, grad)) {
                        bad.add(lang + " " + java.util.Arrays.toString(size) + ": " + p + " across " + grad);
                    }
                }
                for (String t : overGraphics(view)) {
                    if (axes.contains(t)) {
                        bad.add(lang + " " + java.util.Arrays.toString(size) + ": " + t + " drawn over graphics");
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * The heatmap in a short view (commit 2165f7e: presentation mode, lesson 16 in Chinese): the colour scale's "−1" /
     * "+1" reached over the computed cells and the boxes round the current step and the selected unit. Those are kept
     * clear: the ends of the scale drop rather than cover them.
     */
    @Test
    void colourScaleEndsDropRatherThanCoverTheCells() {
        Frame mid = ViewFixtures.lstmMiddle();
        List<String> bad = new ArrayList<>();
        int cases = 0;
        for (Locale lang : new Locale[] {AppLanguage.ENGLISH, AppLanguage.CHINESE}) {
            AppLanguage.set(lang);
            for (double fs : new double[] {13, 22}) {
                presenting(fs > 20);
                for (int[] size : new int[][] {{170, 100}, {190, 100}, {240, 100}, {240, 120}}) {
                    HeatmapView view = new HeatmapView();
                    show(view, mid, size[0], size[1]);
                    fontSize(view, fs);
                    rnnlab.ui.controls.HiddenStateHeatmap c = (rnnlab.ui.controls.HiddenStateHeatmap) view.node();
                    int computed = c.getComputedSteps();
                    int units = c.getValues()[0].length;
                    Rectangle2D firstStep = region(view, "heatmap.step.0");
                    Rectangle2D lastComputed = region(view, "heatmap.step." + (computed - 1));
                    Rectangle2D top = region(view, "heatmap.unit.0");
                    Rectangle2D bottom = region(view, "heatmap.unit." + (units - 1));
                    Rectangle2D cur = region(view, "heatmap.step." + c.getCurrentStep());
                    Rectangle2D sel = region(view, "heatmap.unit." + c.getSelectedUnit());
                    double y0 = top.getMinY();
                    double y1 = bottom.getMaxY();
                    // the computed cells, the current step's column and the selected unit's row, with their boxes' 2 px
                    List<Rectangle2D> drawn = List.of(
                            new Rectangle2D(firstStep.getMinX() - 2, y0 - 2, lastComputed.getMaxX() - firstStep.getMinX() + 4, y1 - y0 + 4),
                            new Rectangle2D(cur.getMinX() - 2, y0 - 2, cur.getWidth() + 4, y1 - y0 + 4),
                            new Rectangle2D(firstStep.getMinX() - 2, sel.getMinY() - 2, top.getMaxX() - firstStep.getMinX() + 4,
                                    sel.getHeight() + 4));
                    String where = lang + " " + fs + " px " + java.util.Arrays.toString(size);
                    for (CanvasLabels.Placed p : placed(view)) {
                        if (!p.text().equals("−1") && !p.text().equals("+1")) {
                            continue;
                        }
                        for (Rectangle2D r : drawn) {
                            if (p.overlaps(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight())) {
                                bad.add(where + ": " + p + " over " + r);
                            }
                        }
                    }
                    for (String t : overGraphics(view)) {
                        bad.add(where + ": " + t + " drawn over graphics");
                    }
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(16);
        assertThat(bad).isEmpty();
    }

    /**
     * The unrolled network in a short view (commit 2e12365: presentation mode, lesson 5 and lessons 17/18): the copies'
     * outlines, their h strips and the arrows between and into them are kept clear, and the title keeps left of the
     * first copy when the copies reach up into its row, so that no label (the cell's name, W_xh / W_hy, a step's name,
     * the title) is drawn over the copies.
     */
    @Test
    void unrolledLabelsKeepOffTheCopiesInAShortView() {
        Frame mid = ViewFixtures.lstmMiddle();
        List<String> bad = new ArrayList<>();
        for (Locale lang : new Locale[] {AppLanguage.ENGLISH, AppLanguage.CHINESE}) {
            AppLanguage.set(lang);
            for (double fs : new double[] {13, 22}) {
                presenting(fs > 20);
                for (int[] size : new int[][] {{170, 120}, {240, 100}, {320, 150}, {480, 100}, {480, 150}, {800, 100}}) {
                    UnrolledView view = new UnrolledView();
                    show(view, mid, size[0], size[1]);
                    fontSize(view, fs);
                    String where = lang + " " + fs + " px " + java.util.Arrays.toString(size);
                    for (String t : overGraphics(view)) {
                        bad.add(where + ": " + t + " drawn over graphics");
                    }
                    // the title ends left of every copy it shares a row with
                    CanvasLabels.Placed title = placed(view).stream().filter(p -> p.x() == 10 && p.y() < fs * 0.9).findFirst()
                            .orElse(null);
                    for (String id : skin(view).regionIds()) {
                        if (title != null && id.matches("unrolled\\.step\\.\\d+")) {
                            Rectangle2D copy = region(view, id);
                            if (title.overlaps(copy.getMinX() - 3, copy.getMinY() - 3, copy.getWidth() + 6, copy.getHeight() + 6)) {
                                bad.add(where + ": the title " + title + " over the copy " + id);
                            }
                        }
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * The belt in a small tile (every view tiled at 1024x768 and 1280x720: 40 of ViewLabelsLayoutTest's 76 findings):
     * eight lanes did not fit, their height came out negative, and the lanes ran up over the key and down over the
     * step names. Now every lane drawn is at least 12 px tall and lies between the key and the row of step names, and
     * no label is drawn over the drawing; with nothing to show (a GRU), the message is not drawn over the key's swatches.
     */
    @Test
    void beltLanesFitASmallTile() {
        Frame lstm = ViewFixtures.lstmMiddle();
        Frame gru = rnnlab.session.FrameBuilder.build(ViewFixtures.run(CellType.GRU, 8, 6, 0, 3));
        List<String> bad = new ArrayList<>();
        for (Locale lang : new Locale[] {AppLanguage.ENGLISH, AppLanguage.CHINESE}) {
            AppLanguage.set(lang);
            for (double fs : new double[] {13, 18}) {
                presenting(fs > 15);
                for (int[] size : new int[][] {{200, 130}, {215, 150}, {290, 125}, {400, 200}}) {
                    String where = lang + " " + fs + " px " + java.util.Arrays.toString(size);
                    BeltView view = new BeltView();
                    show(view, lstm, size[0], size[1]);
                    fontSize(view, fs);
                    Rectangle2D legend = region(view, "belt.legend");
                    Rectangle2D station = region(view, "belt.station.5");
                    for (String id : skin(view).regionIds()) {
                        if (id.matches("belt\\.unit\\.\\d+")) {
                            Rectangle2D lane = region(view, id);
                            if (lane.getHeight() < 12) {
                                bad.add(where + ": " + id + " " + lane.getHeight() + " px tall");
                            }
                            if (legend != null && lane.getMinY() < legend.getMaxY()) {
                                bad.add(where + ": " + id + " over the key");
                            }
                            if (station != null && lane.getMaxY() > station.getMinY() + 0.5) {
                                bad.add(where + ": " + id + " over the step names");
                            }
                        }
                    }
                    overGraphics(view).forEach(t -> bad.add(where + ": " + t + " drawn over graphics"));
                    BeltView empty = new BeltView();
                    show(empty, gru, size[0], size[1]);
                    fontSize(empty, fs);
                    overGraphics(empty).forEach(t -> bad.add(where + ", GRU: " + t + " drawn over graphics"));
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * The decay view's hint before BPTT ("Step into the backward pass …", 36 of ViewLabelsLayoutTest's 76 findings)
     * was centred on the plot, along the 10⁻² line. It now stands between two decade lines: no line crosses its box.
     */
    @Test
    void decayHintStandsBetweenTheDecadeLines() {
        Frame zero = ViewFixtures.backward(CellType.LSTM, 8, 0, 0);
        List<String> bad = new ArrayList<>();
        int shown = 0;
        for (Locale lang : new Locale[] {AppLanguage.ENGLISH, AppLanguage.CHINESE}) {
            AppLanguage.set(lang);
            for (int[] size : new int[][] {{900, 480}, {620, 560}, {600, 300}, {420, 260}}) {
                String where = lang + " " + java.util.Arrays.toString(size);
                DecayView view = new DecayView();
                show(view, zero, size[0], size[1]);
                Rectangle2D hint = region(view, "decay.hint");
                if (hint == null) {
                    continue;
                }
                shown++;
                for (String id : skin(view).regionIds()) {
                    if (id.startsWith("decay.decade.")) {
                        double y = region(view, id).getMinY() + 1; // the line's row
                        // a hint no band between two lines holds stays centred and the faint lines under it are
                        // left out: a line's row inside the hint counts only where the drawing shows the line
                        if (y > hint.getMinY() && y < hint.getMaxY() && lineDrawn(view, hint, y)) {
                            bad.add(where + ": " + id + " at y " + y + " drawn through the hint " + hint);
                        }
                    }
                }
                overGraphics(view).forEach(t -> bad.add(where + ": " + t + " drawn over graphics"));
            }
        }
        assertThat(shown).as("the hint shows in the roomy views").isGreaterThanOrEqualTo(4);
        assertThat(bad).isEmpty();
    }
}
