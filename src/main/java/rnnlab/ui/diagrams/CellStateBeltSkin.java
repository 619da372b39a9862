package rnnlab.ui.diagrams;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import rnnlab.ui.controls.CanvasLabels;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * One lane per unit (up to {@link #MAX_LANES} around the selected unit), one station per step in a
 * window around the current step. At a station: a bar of c_t (height and colour on the symlog
 * scale), above it the part the forget gate removed (hatched vermillion) and, edged in bluish green,
 * the part the input gate added. A line joins the tops: flat where content rides unchanged. Under the
 * bars the belt itself is a band as thick and as coloured as c_t (issue 12: it was a grey hairline), and
 * arrows say what the gates do: out of the bar for what the forget gate removed, into it for what the
 * input gate added. Its texts are {@link CanvasLabels}: placed by priority, whole or dropped.
 */
public class CellStateBeltSkin extends LabCanvasSkin<CellStateBelt> {
    static final int MAX_LANES = 8;
    /** The shortest lane drawn, in pixels (a lane's bar has half the lane less 4 px each way). */
    static final double MIN_LANE = 12;

    public CellStateBeltSkin(CellStateBelt c) {
        super(c);
        watch(c.cellProperty(), c.forgetProperty(), c.inputProperty(), c.candidateProperty(), c.initialProperty(),
                c.computedStepsProperty(), c.currentStepProperty(), c.selectedUnitProperty(), c.gradCellProperty(),
                c.backwardFromProperty());
    }

    private double scaleMax = 1;
    /** What changes while the step plays, in the last paint (issue 12, bench-ui): see {@link #draw}. */
    private javafx.geometry.Rectangle2D animatedStations;

    @Override
    protected javafx.geometry.Rectangle2D animatedBounds(double w, double h, double from, double to) {
        return animatedStations;
    }

    /**
     * Bar height (pixels, signed) of a value for a lane of half-height hh: symmetric log scaled so
     * that |v| = max fills the half lane.
     */
    public static double barHeight(double v, double hh, double max) {
        double s = Math.log1p(Math.abs(v)) / Math.log1p(max);
        return Math.round(Math.copySign(Math.min(1, s), v) * hh);
    }

    /** The |c| that fills half a lane: the largest |c| computed so far, at least 1. */
    public double scaleMax() {
        return scaleMax;
    }

    private double height(double v, double hh) {
        return barHeight(v, hh, scaleMax);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        CellStateBelt c = getSkinnable();
        double fs = c.getFontSize();
        animatedStations = javafx.geometry.Rectangle2D.EMPTY;
        double titleW = labelTitle(Messages.get(c.isBackward() ? "belt.title.back" : "belt.title"), 10, fs * 0.9, w - 20, 1.1,
                true, theme.foreground());
        region("belt.title", 10, 0, fitted(titleW, w - 20, fs), fs * 1.8);
        java.util.List<KeyEntry> legend = legendPlaces(w, fs, c.isBackward());
        double legendY = legend.isEmpty() ? fs * 2.3 : legend.get(legend.size() - 1).y();
        double[][] cell = c.getCell();
        if (cell == null || cell.length == 0 || c.getForget() == null) {
            // the message under the key when both fit, else the message alone (issue 12: in a small tile the key's
            // swatches stood where the message went, and it was drawn over them)
            String empty = Messages.get("belt.empty");
            double msgTop = Math.round(legendY + fs * 1.3);
            double bh = legend.isEmpty() ? 0
                    : hintInFrame(CanvasLabels.HIGH, empty, font(1.0, false), theme.muted(), 16, msgTop, w - 32, h - msgTop);
            if (bh > 0) {
                legend(g, legend, w, theme);
                region("belt.empty", 16, msgTop + (h - msgTop) / 2 - bh / 2, w - 32, bh);
            } else {
                emptyMessage(g, empty, w, h, fs * 3, "belt.empty");
            }
            return;
        }
        int steps = cell.length;
        int units = cell[0].length;
        double left = Math.round(fs * 4);
        double bottom = Math.round(fs * 2.6);
        // lanes no shorter than a line of their names (issue 12: every view tiled at 1024x768 left the belt less height
        // than eight lanes need; their height came out negative, and the lanes ran up over the key and down over the
        // step names): fewer lanes round the selected unit, and without the key when not even one fits under it
        double minLane = Math.max(MIN_LANE, Math.ceil(lineHeight(font(0.85, true))));
        double top = Math.round(legendY + fs * 1.3);
        if (h - top - bottom < minLane && !legend.isEmpty()) {
            legend = java.util.List.of();
            top = Math.round(fs * 2.3);
        }
        int lanes = (int) Math.min(Math.min(units, MAX_LANES), Math.floor((h - top - bottom) / minLane));
        legend(g, legend, w, theme);
        if (lanes < 1) {
            return; // not even one lane: the title alone
        }
        int firstUnit = Math.max(0, Math.min(units - lanes, c.getSelectedUnit() - lanes / 2));
        double laneH = Math.floor((h - top - bottom) / lanes);
        double station = Math.max(fs * 3.2, 44);
        int visible = (int) Math.max(2, Math.min(steps, Math.floor((w - left - 10) / station)));
        int cur = Math.max(0, c.getCurrentStep());
        int first = Math.max(0, Math.min(steps - visible, cur - visible + 2));
        station = Math.floor((w - left - 10) / visible);
        double barW = Math.round(station * 0.42);
        int computed = Math.min(steps, c.getComputedSteps());
        if (cur >= first && cur < first + visible && cur < computed) {
            // while the step plays only its station changes, with the lines to the stations either side and the
            // gradient's arrow into the one before: from the middle of the station before to that of the one after
            double x0 = Math.max(0, left + station * (cur - first - 1) + station / 2);
            double x1 = Math.min(w, left + station * (cur - first + 1) + station / 2);
            animatedStations = part(x0, 0, x1 - x0, h);
        }
        scaleMax = 1;
        for (int t = 0; t < computed; t++) {
            for (double v : cell[t]) {
                if (!Palette.bad(v)) {
                    scaleMax = Math.max(scaleMax, Math.abs(v));
                }
            }
        }
        for (int j = 0; j < lanes; j++) {
            int u = firstUnit + j;
            double ly = top + j * laneH;
            double mid = Math.round(ly + laneH / 2);
            double hh = laneH / 2 - 4;
            region("belt.unit." + u, 0, ly, w, laneH);
            // the belt itself: a faint track, and over it (below) the band of c_t
            g.setFill(theme.muted().deriveColor(0, 1, 1, 0.22));
            g.fillRect(left, mid - 2, station * visible, 4);
            boolean sel = u == c.getSelectedUnit();
            label(sel ? CanvasLabels.HIGH : CanvasLabels.NORMAL, Messages.format("belt.unit", u + 1), font(0.85, sel),
                    sel ? Palette.PURPLE : theme.muted(), left - 8, mid, TextAlignment.RIGHT);
            band(g, u, first, visible, left, station, mid, hh, computed, cur, theme);
            double prevTopX = -1;
            double prevTopY = 0;
            for (int k = 0; k < visible; k++) {
                int t = first + k;
                double sx = left + station * k;
                double bx = Math.round(sx + (station - barW) / 2);
                if (t >= computed) {
                    continue;
                }
                // what a station draws lies between the stations either side of it: while only the current station
                // is repainted, the others offer their labels and parts but draw nothing (issue 12, bench-ui)
                boolean on = shows(sx - station, 0, 3 * station, h);
                double p = t == cur ? c.getProgress() : 1;
                double prev = c.previous(t, u);
                double f = c.getForget()[t][u];
                double kept = f * prev;
                double now = cell[t][u];
                double shownF = phase(p, 0, 0.5);
                double shownI = phase(p, 0.5, 1);
                // a masked forget gate (a lesson's mask: gates) hides what it removed and what was added:
                // drawn from the masked f they would read "everything removed"
                boolean gateHidden = Palette.bad(f);
                double value = gateHidden ? now : kept + (now - kept) * shownI;
                double keptShown = prev + (kept - prev) * shownF;
                // removed by the forget gate: from kept up to c_{t-1}
                double hp = height(prev, hh);
                double hk = height(t == cur ? keptShown : kept, hh);
                if (!gateHidden && Math.abs(hp) > Math.abs(hk) && Math.signum(hp) == Math.signum(hp - hk)) {
                    if (on) {
                        hatchRect(g, bx, mid - Math.max(hp, hk), barW, Math.abs(hp - hk));
                    }
                    if (on && Math.abs(hp - hk) >= 8) {
                        // removed: an arrow leaving the bar on the left
                        arrow(g, bx - 2, mid - (hp + hk) / 2, bx - Math.min(10, station * 0.2), Palette.VERMILLION);
                    }
                    region("belt.forget." + t + ".unit." + u, bx, mid - Math.max(hp, hk), barW, Math.abs(hp - hk));
                }
                double hv = height(t == cur ? value : now, hh);
                if (!on) {
                    // not shown in this paint
                } else if (Palette.bad(now)) {
                    fillValue(g, bx, mid - hh, barW, 2 * hh, now, 0, font(0.6, true));
                } else {
                    g.setFill(Palette.color(Palette.diverging(Palette.symlog(t == cur ? value : now), theme.neutral())));
                    g.fillRect(bx, mid - Math.max(hv, 0), barW, Math.max(1, Math.abs(hv)));
                    g.setStroke(theme.muted());
                    lineWidth(g, 1);
                    strokeBox(g, bx + 0.5, mid - Math.max(hv, 0) + 0.5, barW - 1, Math.max(1, Math.abs(hv)) - 1);
                }
                region("belt.step." + t + ".unit." + u, bx, mid - Math.max(hv, 0), barW, Math.max(1, Math.abs(hv)));
                // added by the input gate: between kept and c_t
                if (!gateHidden && shownI > 0 && Math.abs(hv - hk) >= 2) {
                    double y0 = mid - Math.max(hv, hk);
                    if (on) {
                        g.setStroke(Palette.GREEN);
                        lineWidth(g, 4);
                        g.strokeLine(bx + barW + 3, y0, bx + barW + 3, y0 + Math.abs(hv - hk));
                    }
                    boolean into = Math.abs(hv - hk) >= 8;
                    if (into && on) {
                        // added: an arrow into the bar from the right
                        arrow(g, bx + barW + Math.min(12, station * 0.25), y0 + Math.abs(hv - hk) / 2, bx + barW + 5, Palette.GREEN);
                    }
                    // on a patch: the lane's line and the trace of the cell state run through the sign's place, and a
                    // "−" on them read as part of the line (the layout checker's "drawn over graphics")
                    labelOnPatch(CanvasLabels.LOW, hv > hk ? "+" : "−", font(0.8, true), Palette.GREEN, theme.background(),
                            bx + barW + (into ? 14 : 7), y0 + Math.abs(hv - hk) / 2, TextAlignment.LEFT, 0);
                    region("belt.input." + t + ".unit." + u, bx + barW + 1, y0, 6, Math.abs(hv - hk));
                }
                double topY = mid - hv;
                if (prevTopX >= 0 && on) {
                    boolean kept1 = c.carried(t, u);
                    g.setStroke(kept1 ? theme.foreground() : theme.muted());
                    lineWidth(g, kept1 ? 3 : 1);
                    g.strokeLine(prevTopX, prevTopY, bx, topY);
                }
                if (c.carried(t, u)) {
                    label(CanvasLabels.LOW, "=", font(0.8, true), theme.foreground(), bx + barW / 2, ly + laneH - fs * 0.5,
                            TextAlignment.CENTER);
                    region("belt.carried." + t + ".unit." + u, bx, ly + laneH - fs * 0.9, barW, fs * 0.9);
                }
                prevTopX = bx + barW;
                prevTopY = topY;
            }
            if (c.isBackward()) {
                gradientLane(g, u, first, visible, left, station, barW, mid + hh * 0.55, computed, cur, laneH);
            }
            g.setStroke(theme.muted().deriveColor(0, 1, 1, 0.4));
            lineWidth(g, 1);
            g.strokeLine(left, ly + laneH - 0.5, left + station * visible, ly + laneH - 0.5);
        }
        stations(g, first, visible, left, station, h - bottom, top - fs * 0.2, cur, computed, theme);
    }

    /**
     * δc flowing back along a lane: from each reached station a dashed arrow to the one before, as
     * thick and dark as |δc_t| (log scale); a wide band behind it where f_t ≈ 1 (the gradient highway).
     */
    private void gradientLane(GraphicsContext g, int u, int first, int visible, double left, double station, double barW,
                              double y, int computed, int cur, double laneHeight) {
        CellStateBelt c = getSkinnable();
        double[][] dc = c.getGradCell();
        int from = c.getBackwardFrom();
        double laneCap = Math.max(2, laneHeight * 0.22);
        for (int k = 0; k < visible; k++) {
            int t = first + k;
            if (t < from || t >= computed || t >= dc.length) {
                continue;
            }
            double bx = Math.round(left + station * k + (station - barW) / 2);
            double x1 = k > 0 ? bx - station + barW : left;
            double p = t == cur ? c.getProgress() : 1;
            double x0 = bx + barW / 2;
            double xe = x0 - (x0 - x1) * p;
            double v = dc[t][u];
            // the flow back and its highway band: no label over them (lesson 10 in BPTT at 1024x768: in a short lane the
            // carried "=" under the bar ran over the dashed arrow and its value square); in every paint, drawn or not
            keepClear(Math.min(x1, xe) - 1, y - 7, x0 + 6 - Math.min(x1, xe), 14);
            if (!shows(Math.min(x1, xe) - 2, y - 12, x0 + 8 - Math.min(x1, xe), 24)) {
                // not shown in this paint: its parts only, in the order a full paint registers them
                if (c.highway(t, u) && t > 0) {
                    region("belt.highway." + t + ".unit." + u, xe, y - 7, x0 - xe, 14);
                }
                region("belt.grad." + t + ".unit." + u, x1, y - 6, x0 - x1 + 5, 12);
                continue;
            }
            if (c.highway(t, u) && t > 0) {
                g.setFill(Palette.PURPLE.deriveColor(0, 1, 1, 0.28));
                g.fillRect(xe, y - 7, x0 - xe, 14);
                region("belt.highway." + t + ".unit." + u, xe, y - 7, x0 - xe, 14);
            }
            Color col = Palette.color(Palette.gradient(v, theme().neutral()));
            g.setStroke(Palette.bad(v) ? Color.BLACK : col);
            lineWidth(g, Math.min(laneCap, 1.5 + 5 * Palette.gradLevel(v)));
            g.setLineDashes(8, 5);
            g.strokeLine(x0, y, xe + 6, y);
            g.setLineDashes();
            g.setFill(Palette.bad(v) ? Color.BLACK : col);
            g.fillPolygon(new double[] {xe, xe + 10, xe + 10}, new double[] {y, y - 6, y + 6}, 3);
            fillValue(g, x0 - 5, y - 5, 10, 10, v, Palette.gradient(v, theme().neutral()), font(0.5, true));
            region("belt.grad." + t + ".unit." + u, x1, y - 6, x0 - x1 + 5, 12);
        }
    }

    private void stations(GraphicsContext g, int first, int visible, double left, double station, double y, double top,
                          int cur, int computed, Theme theme) {
        double fs = getSkinnable().getFontSize();
        for (int k = 0; k < visible; k++) {
            int t = first + k;
            double cx = left + station * k + station / 2;
            String name = Messages.format("belt.step", t + 1);
            javafx.scene.text.Font nameFont = font(0.8, t == cur);
            label(t == cur ? CanvasLabels.HIGH : CanvasLabels.NORMAL, name, nameFont,
                    t == cur ? theme.foreground() : theme.muted(), cx, y + fs * 0.9, TextAlignment.CENTER);
            region("belt.station." + t, cx - station / 2, y, station, fs * 1.8);
            if (t == cur && cur < computed) {
                g.setStroke(Palette.ORANGE);
                lineWidth(g, 3);
                double lw = g.getLineWidth();
                double fx = cx - station / 2 + 2;
                double fw = station - 4;
                // the frame takes the step's name in when it fits between the sides; in a narrow station (lesson 19 at
                // 1024x768: "t = 6" 35 px wide, the frame 25 px) the frame closes above the name, which stands under it
                // (its sides ran through the name); and no step name is drawn over the frame's sides or bottom along the
                // row of names (the lanes' +/− signs above sit on patches of their own and are left as they were)
                double fh = measure(name, nameFont) + 2 <= fw - lw ? y - top + fs * 1.8 : y - top;
                strokeBox(g, fx, top, fw, fh);
                if (fh > y - top) {
                    keepClear(fx - lw / 2, y, lw, top + fh - y + lw / 2);
                    keepClear(fx + fw - lw / 2, y, lw, top + fh - y + lw / 2);
                    keepClear(fx - lw / 2, top + fh - lw / 2, fw + lw, lw);
                } else {
                    keepClear(fx - lw / 2, y - lw / 2, fw + lw, lw);
                }
            }
        }
    }

    /** An entry of the key: its message key, and where its swatch starts (x) on its row (y, the row's middle). */
    private record KeyEntry(String key, double x, double y) {
    }

    /**
     * Where the key under the title goes, wrapped onto further rows when the view is narrow; an entry too wide for the
     * view even on a row of its own is left out with its swatch (issue 12: in a small tile the swatches stood alone,
     * their texts dropped, where the lanes or the empty message went). Forward: removed / added / carried; BPTT: δc
     * flowing back / the highway.
     */
    private java.util.List<KeyEntry> legendPlaces(double w, double fs, boolean back) {
        javafx.scene.text.Font f = font(0.8, false);
        String[] keys = back ? new String[] {"belt.legend.grad", "belt.legend.highway"}
                : new String[] {"belt.legend.forget", "belt.legend.input", "belt.legend.carried"};
        double y = fs * 2.3;
        double x = 12;
        java.util.List<KeyEntry> out = new java.util.ArrayList<>();
        for (String key : keys) {
            double tw = richWidth(Messages.get(key), f);
            if (12 + 34 + tw > w - 8) {
                continue;
            }
            if (x > 12 && x + 34 + tw > w - 8) {
                x = 12;
                y += fs * 1.15;
            }
            out.add(new KeyEntry(key, x, y));
            x += 34 + tw + 20;
        }
        return out;
    }

    /** Draws the key's entries (none: no key) and registers it. */
    private void legend(GraphicsContext g, java.util.List<KeyEntry> entries, double w, Theme theme) {
        if (entries.isEmpty()) {
            return;
        }
        double fs = getSkinnable().getFontSize();
        javafx.scene.text.Font f = font(0.8, false);
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        double right = 0;
        for (KeyEntry e : entries) {
            String text = Messages.get(e.key());
            swatch(g, e.key(), e.x(), e.y(), theme);
            double tw = labelRich(CanvasLabels.NORMAL, text, f, theme.foreground(), e.x() + 34, e.y(), TextAlignment.LEFT);
            right = Math.max(right, e.x() + 34 + tw);
        }
        double y = entries.get(entries.size() - 1).y();
        region("belt.legend", 12, fs * 2.3 - fs * 0.6, Math.min(w - 24, right - 12), y - fs * 2.3 + fs * 1.2);
    }

    /**
     * The belt as a band along a lane: between two stations as thick as |c| (on the bars' scale, at least
     * 3 px) and in the colour of c, so a unit's memory reads from the back row without reading a bar.
     */
    private void band(GraphicsContext g, int u, int first, int visible, double left, double station, double mid, double hh,
                      int computed, int cur, Theme theme) {
        CellStateBelt c = getSkinnable();
        double[][] cell = c.getCell();
        for (int k = 0; k < visible; k++) {
            int t = first + k;
            if (t >= computed || t > cur) {
                continue;
            }
            double v = cell[t][u];
            if (Palette.bad(v)) {
                continue;
            }
            double thick = Math.max(3, Math.abs(height(v, hh)) * 0.5);
            double x0 = left + station * k + station / 2;
            double x1 = Math.min(left + station * visible, x0 + station);
            if (t == cur || t + 1 >= computed) {
                x1 = x0 + station / 2;
            }
            if (!shows(x0, mid - thick / 2, x1 - x0, thick)) {
                continue;
            }
            g.setFill(Palette.color(Palette.diverging(Palette.symlog(v), theme.neutral())).deriveColor(0, 1, 1, 0.75));
            g.fillRect(x0, mid - thick / 2, x1 - x0, thick);
        }
    }

    /** A filled arrow along y from x0 to its head at x1. */
    private void arrow(GraphicsContext g, double x0, double y, double x1, Color col) {
        double dir = Math.signum(x1 - x0);
        g.setStroke(col);
        lineWidth(g, 2);
        g.strokeLine(x0, y, x1 - dir * 4, y);
        g.setFill(col);
        g.fillPolygon(new double[] {x1, x1 - dir * 6, x1 - dir * 6}, new double[] {y, y - 4, y + 4}, 3);
    }

    private void swatch(GraphicsContext g, String key, double x, double y, Theme theme) {
        switch (key) {
            case "belt.legend.forget" -> hatchRect(g, x, y - 7, 26, 14);
            case "belt.legend.input" -> {
                g.setFill(Palette.GREEN);
                g.fillRect(x + 10, y - 7, 5, 14);
            }
            case "belt.legend.carried" -> {
                g.setStroke(theme.foreground());
                lineWidth(g, 3);
                g.strokeLine(x, y, x + 26, y);
            }
            case "belt.legend.grad" -> {
                g.setStroke(theme.dark() ? Palette.PURPLE : Palette.GRAD_DEEP);
                lineWidth(g, 4);
                g.setLineDashes(8, 5);
                g.strokeLine(x, y, x + 26, y);
                g.setLineDashes();
            }
            default -> {
                g.setFill(Palette.PURPLE.deriveColor(0, 1, 1, 0.28));
                g.fillRect(x, y - 7, 26, 14);
            }
        }
    }

    private double textWidth(String s) {
        return Math.ceil(measure(s, font(0.8, false)));
    }

    private static void hatchRect(GraphicsContext g, double x, double y, double w, double h) {
        g.save();
        g.setFill(Palette.VERMILLION.deriveColor(0, 1, 1, 0.25));
        g.fillRect(x, y, w, h);
        // the diagonals cut to the box by arithmetic, not by a clip: a canvas clip renders through a mask (costly in
        // the software pipeline at every frame) and came out a shade different under a translation (issue 12, bench-ui)
        g.setStroke(Palette.VERMILLION);
        g.setLineWidth(1.5);
        g.setLineCap(javafx.scene.shape.StrokeLineCap.BUTT);
        double inset = 0.53; // how far a butt end's corner of a 1.5-px stroke at 45° reaches past its end, each way
        for (double d = -h; d < w; d += 6) {
            // the line (x + d + s, y + h − s), s in [0, h], inside x ≤ · ≤ x + w
            double s0 = Math.max(0, -d) + inset;
            double s1 = Math.min(h, w - d) - inset;
            if (s1 > s0) {
                g.strokeLine(x + d + s0, y + h - s0, x + d + s1, y + h - s1);
            }
        }
        g.restore();
        g.setStroke(Palette.VERMILLION);
        g.setLineWidth(1);
        strokeBox(g, x + 0.5, y + 0.5, w - 1, h - 1);
    }

    @Override
    protected String describe(String id) {
        CellStateBelt c = getSkinnable();
        String[] parts = id.split("\\.");
        if (parts.length == 5 && "grad".equals(parts[1]) || parts.length == 5 && "highway".equals(parts[1])) {
            int t = Integer.parseInt(parts[2]);
            int u = Integer.parseInt(parts[4]);
            return Messages.format("belt.hover.grad", u + 1, t + 1, NumberText.sci(c.getGradCell()[t][u]),
                    NumberText.num(c.getForget()[t][u]));
        }
        if (parts.length == 5 && ("step".equals(parts[1]) || "forget".equals(parts[1]) || "input".equals(parts[1])
                || "carried".equals(parts[1]))) {
            int t = Integer.parseInt(parts[2]);
            int u = Integer.parseInt(parts[4]);
            double prev = c.previous(t, u);
            double f = c.getForget()[t][u];
            double i = c.getInput()[t][u];
            double gg = c.getCandidate()[t][u];
            return Messages.format("belt.hover", u + 1, t + 1, NumberText.num(f), NumberText.num(prev), NumberText.num(i),
                    NumberText.num(gg), NumberText.num(c.getCell()[t][u]));
        }
        return null;
    }

    @Override
    protected void clicked(String id) {
        int k = id.lastIndexOf(".unit.");
        if (k >= 0) {
            getSkinnable().setSelectedUnit(Integer.parseInt(id.substring(k + ".unit.".length())));
        }
    }
}
