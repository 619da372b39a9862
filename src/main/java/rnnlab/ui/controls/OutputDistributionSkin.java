package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;

/**
 * Vertical bars from a 0..1 axis; target outlined and labelled, argmax in orange. Its texts are
 * {@link CanvasLabels} (issue 12): the title, the loss line and the target's symbol first, then the
 * likeliest one's, the axis and the other symbols; a symbol that has no room is dropped, not squeezed.
 */
public class OutputDistributionSkin extends LabCanvasSkin<OutputDistribution> {
    public OutputDistributionSkin(OutputDistribution c) {
        super(c);
        watch(c.probabilitiesProperty(), c.labelsProperty(), c.targetProperty(), c.vectorTargetProperty(), c.stepProperty(), c.lossProperty(),
                c.maxBarsProperty());
    }

    /** What changes while the step plays, in the last paint (issue 12, bench-ui). */
    private javafx.geometry.Rectangle2D animatedPlot;
    /** The last paint's plot: its top, height, font size and the largest probability with a growing bar. */
    private double plotTop;
    private double plotHeight;
    private double plotFont;
    private double tallest;

    @Override
    protected javafx.geometry.Rectangle2D animatedBounds(double w, double h, double from, double to) {
        if (animatedPlot.getWidth() <= 0) {
            return animatedPlot;
        }
        // the bars grow from the axis: up to the tallest one at the later progress, with the likeliest one's label
        // riding above it (an invalid value's bar fills the plot at every progress: it does not change)
        double reach = Math.round(plotHeight * tallest * Math.max(Math.max(from, to), 0));
        double y0 = Math.max(animatedPlot.getMinY(), plotTop + plotHeight - reach - plotFont * 1.6);
        return part(animatedPlot.getMinX(), y0, animatedPlot.getWidth(), animatedPlot.getMaxY() - y0);
    }

    /** Which symbols get a bar: all, or the most likely ones plus the target, in symbol order. */
    static List<Integer> shown(double[] p, int target, int max) {
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            idx.add(k);
        }
        if (p.length <= max) {
            return idx;
        }
        idx.sort(Comparator.comparingDouble((Integer k) -> Palette.bad(p[k]) ? 2 : -p[k]));
        List<Integer> keep = new ArrayList<>(idx.subList(0, max));
        if (target >= 0 && !keep.contains(target)) {
            keep.set(max - 1, target);
        }
        keep.sort(null);
        return keep;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        OutputDistribution c = getSkinnable();
        double fs = c.getFontSize();
        animatedPlot = javafx.geometry.Rectangle2D.EMPTY;
        double[] p = c.getProbabilities();
        double bottom = Math.round(fs * 2.8);
        // a short view (beside the training panel in presentation mode) drops the title first (its tile or tab
        // names the view), then the loss line, so that the bars keep a plot of at least 2.5 lines and never run
        // over the text above them (issue 12)
        boolean empty = p == null || p.length == 0;
        boolean showTitle = empty || h - fs * 4.2 - bottom >= fs * 2.5;
        boolean showLoss = showTitle || h - fs * 2.6 - bottom >= fs * 2.5;
        if (showTitle) {
            double titleW = labelTitle(c.getStep() < 0 ? Messages.get("output.title.none")
                            : Messages.format(c.getVectorTarget() != null ? "output.title.values" : "output.title", c.getStep() + 1),
                    10, fs * 0.9, w - 20, 1.1, true, theme.foreground());
            region("output.title", 10, 0, fitted(titleW, w - 20, fs), fs * 1.8);
        }
        if (empty) {
            return;
        }
        int target = c.getTarget();
        double[] goal = c.getVectorTarget();
        List<Integer> bars = shown(p, target, c.getMaxBars());
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        double left = Math.round(fs * 3);
        double top = Math.round(fs * (showTitle ? 4.2 : showLoss ? 2.6 : 1.8));
        double plotH = Math.max(0, h - top - bottom);
        double slot = Math.floor((w - left - 12) / bars.size());
        double bw = Math.max(2, Math.round(slot * 0.7));
        // while the step plays the bars grow and the likeliest one's label rides on its bar: the plot and the
        // line of labels above it change, the title, the loss line and the symbols below do not
        animatedPlot = part(0, top - fs * 1.6, w, plotH + fs * 1.6 + 2);
        plotTop = top;
        plotHeight = plotH;
        plotFont = fs;
        tallest = 0;
        for (int k : bars) {
            if (!Palette.bad(p[k])) {
                tallest = Math.max(tallest, Math.max(0, Math.min(1, p[k])));
            }
        }
        // axis
        g.setStroke(theme.muted());
        lineWidth(g, 1);
        // "most likely" over the first bar reaches left over the axis's labels: there it goes before the 1 (the grid
        // line at 1 and the 0.5 below still give the scale)
        boolean bestFirst = c.getVectorTarget() == null && bars.get(0) == best && best != target;
        for (double v : new double[] {0, 0.5, 1}) {
            double y = Math.round(top + plotH * (1 - v)) + 0.5;
            g.strokeLine(left - 4, y, left + slot * bars.size(), y);
            label(v == 0.5 || v == 1 && bestFirst ? CanvasLabels.LOW : CanvasLabels.NORMAL, v == 0.5 ? "0.5" : v == 0 ? "0" : "1",
                    font(0.85, false), theme.muted(), left - 8, y, TextAlignment.RIGHT);
        }
        double prog = c.getProgress();
        List<String> labels = c.getLabels();
        for (int j = 0; j < bars.size(); j++) {
            int k = bars.get(j);
            double x = Math.round(left + j * slot + (slot - bw) / 2);
            double v = Palette.bad(p[k]) ? 1 : Math.max(0, Math.min(1, p[k])) * prog;
            double bh = Math.round(plotH * v);
            double y = top + plotH - bh;
            String id = "output.bar." + k;
            if (Palette.bad(p[k])) {
                fillValue(g, x, top, bw, plotH, p[k], 0, font(0.6, true));
            } else {
                boolean likeliest = k == best && c.getVectorTarget() == null;
                g.setFill(likeliest ? Palette.ORANGE : k == target ? Palette.GREEN : Palette.BLUE.deriveColor(0, 0.55, 1.1, 1));
                g.fillRect(x, y, bw, Math.max(1, bh));
            }
            region(id, x, top, bw, plotH);
            String sym = labels != null && k < labels.size() ? HiddenStateHeatmapSkin.visible(labels.get(k)) : Integer.toString(k);
            label(k == target ? CanvasLabels.HIGH : k == best ? CanvasLabels.NORMAL : CanvasLabels.LOW, sym,
                    font(sym.length() > 2 ? 0.8 : 1.0, k == target), k == target ? Palette.GREEN : theme.foreground(), x + bw / 2,
                    top + plotH + fs * 0.9, TextAlignment.CENTER);
            if (goal != null && k < goal.length && !Palette.bad(goal[k])) {
                // the target value as a mark across the bar (mse, bce: a number per output, not a class)
                double gy = Math.round(top + plotH * (1 - Math.max(0, Math.min(1, goal[k])))) + 0.5;
                g.setStroke(Palette.GREEN);
                lineWidth(g, 3);
                g.strokeLine(x - 4, gy, x + bw + 4, gy);
                region("output.target." + k, x - 4, gy - 4, bw + 8, 8);
                if (j == 0) {
                    region("output.target", x - 4, gy - 4, bw + 8, 8);
                }
            }
            if (goal == null && k == best && k != target && !Palette.bad(p[k])) {
                // wider than its bar: it reaches away from the target's box (which it ran under at 1024x768), on a
                // patch so that the grid line at 0.5 or 1 does not strike it through; centred if that is taken
                int ti = bars.indexOf(target);
                TextAlignment away = ti < 0 ? TextAlignment.CENTER : ti > j ? TextAlignment.RIGHT : TextAlignment.LEFT;
                double ax = away == TextAlignment.RIGHT ? x + bw : away == TextAlignment.LEFT ? x : x + bw / 2;
                javafx.scene.text.Font bf = font(0.8, true);
                String best1 = Messages.get("output.best");
                labelOnPatch(CanvasLabels.NORMAL, best1, bf, theme.dark() ? Palette.ORANGE : Palette.VERMILLION,
                        theme.background(), ax, y - fs * 0.7, away, 1);
                if (ti == j + 1) {
                    // the target's box on the next bar: centred it would run under the box; instead it ends just left of
                    // the box (its side is kept clear from 4.5 px left of the next bar), reaching further left
                    orOnPatchAt(x + slot - 6, y - fs * 0.7, TextAlignment.RIGHT, bf, best1, 1);
                } else {
                    orOnPatchAt(x + bw / 2, y - fs * 0.7, TextAlignment.CENTER, bf, best1, 1);
                }
                region("output.best", x, y - fs * 1.4, bw, fs * 1.4);
            }
            if (k == target) {
                g.setStroke(Palette.GREEN);
                lineWidth(g, 3);
                strokeBox(g, x - 3, top - 3, bw + 6, plotH + fs * 1.9);
                // no label over the box's sides (its inside is the target's bar and symbol, its label sits on its top)
                keepClear(x - 4.5, top - 1, 3, plotH + fs * 1.9 - 0.5);
                keepClear(x + bw + 1.5, top - 1, 3, plotH + fs * 1.9 - 0.5);
                // on the box's top edge as its cap, on a patch: a tall (Chinese) line box reached over the edge, which
                // ran through the bottom of 目标 (the layout checker's "drawn over graphics", lesson 6 at 1024x768)
                labelOnPatch(CanvasLabels.HIGH, Messages.get("output.target"), font(0.8, true), Palette.GREEN, theme.background(),
                        x + bw / 2, top - fs * 0.7, TextAlignment.CENTER, 1);
                region("output.target", x - 3, top - fs * 1.4, bw + 6, plotH + fs * 3.3);
            }
        }
        String lossText;
        if (goal != null) {
            lossText = Double.isNaN(c.getLoss()) ? Messages.get("output.noTarget")
                    : Messages.format("output.loss.vector", NumberText.num(c.getLoss()));
        } else if (target < 0 || Double.isNaN(c.getLoss()) && !Palette.bad(p[Math.max(0, target)])) {
            lossText = Messages.get("output.noTarget");
        } else {
            String sym = labels != null && target < labels.size() ? HiddenStateHeatmapSkin.visible(labels.get(target))
                    : Integer.toString(target);
            lossText = Messages.format("output.loss", sym, NumberText.num(p[target]), NumberText.num(c.getLoss()));
        }
        if (showLoss) {
            double lossY = showTitle ? fs * 2.6 : fs * 0.9;
            labelFitted(CanvasLabels.TITLE, lossText, 10, lossY, w - 20, 1.0, false, theme.foreground());
            region("output.loss", 10, lossY - fs * 0.8, w - 20, fs * 1.6);
        }
        if (bars.size() < p.length) {
            label(CanvasLabels.LOW, Messages.format("output.topOnly", bars.size(), p.length), font(0.8, false), theme.muted(), w - 10,
                    h - fs * 0.6, TextAlignment.RIGHT);
        }
    }

    @Override
    protected String describe(String id) {
        if (!id.startsWith("output.bar.")) {
            return null;
        }
        OutputDistribution c = getSkinnable();
        int k = Integer.parseInt(id.substring("output.bar.".length()));
        List<String> labels = c.getLabels();
        String sym = labels != null && k < labels.size() ? HiddenStateHeatmapSkin.visible(labels.get(k)) : Integer.toString(k);
        return Messages.format("output.hover", sym, NumberText.num(c.getProbabilities()[k]));
    }
}
