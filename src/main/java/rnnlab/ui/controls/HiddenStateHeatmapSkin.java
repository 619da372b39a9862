package rnnlab.ui.controls;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;

/** Paints the heatmap into a WritableImage at screen size (one int per pixel), then axes and outlines. */
public class HiddenStateHeatmapSkin extends LabCanvasSkin<HiddenStateHeatmap> {
    /** The heatmap draws every computed step whole: the step's progress does not change it. */
    @Override
    protected boolean animates() {
        return false;
    }

    private final javafx.scene.control.CheckBox cellBox = new javafx.scene.control.CheckBox(Messages.get("heatmap.check.cell"));
    private WritableImage image;
    private int[] pixels = new int[0];
    private double originX;
    private double originY;
    private int cellW;
    private int cellH;

    public HiddenStateHeatmapSkin(HiddenStateHeatmap c) {
        super(c);
        watch(c.valuesProperty(), c.computedStepsProperty(), c.currentStepProperty(), c.selectedUnitProperty(),
                c.symlogProperty(), c.quantityProperty(), c.stepLabelsProperty(), c.gradientProperty(), c.firstComputedProperty(), c.droppedProperty());
        // only these change the cells; the animation clock, selection and highlight reuse the pixels
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {c.valuesProperty(), c.computedStepsProperty(),
            c.symlogProperty(), c.darkThemeProperty(), c.gradientProperty(), c.firstComputedProperty()}) {
            registerInvalidationListener(o, x -> pixelsDirty = true);
        }
        cellBox.setId("heatmap.check.cell");
        cellBox.selectedProperty().bindBidirectional(c.showCellStateProperty());
        cellBox.visibleProperty().bind(c.cellStateAvailableProperty());
        cellBox.managedProperty().bind(c.cellStateAvailableProperty());
        cellBox.setPadding(new javafx.geometry.Insets(2, 8, 2, 8));
        cellBox.setWrapText(true); // a narrow tile wraps it instead of cutting it ("show the cell stat…")
        getChildren().add(cellBox);
        registerChangeListener(c.cellStateAvailableProperty(), o -> c.requestLayout());
    }

    /** The "show the cell state c" check box (shown for cells with a cell state). */
    public javafx.scene.control.CheckBox cellStateBox() {
        return cellBox;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double bh = 0;
        boxInLegendRow = false;
        if (cellBox.isManaged()) {
            String full = Messages.get("heatmap.check.cell");
            // a short view puts the check box in the colour scale's row, left of the scale, when it fits there
            // (a row of its own left the cells ~10 px for 8 units in a lesson tile at 1024x768)
            if (shortView(h)) {
                for (String text : new String[] {full, Messages.get("heatmap.check.cell.short")}) {
                    setBoxText(text);
                    double bw = cellBox.prefWidth(-1);
                    double oneLine = cellBox.prefHeight(-1);
                    if (oneLine <= LEGEND_ROW + 4 && bw + 8 <= legendLeft(w) - 8) {
                        boxInLegendRow = true;
                        cellBox.setTooltip(text.equals(full) ? null : shortTip(full));
                        cellBox.resizeRelocate(x, y + h - oneLine, bw, oneLine);
                        super.layoutChildren(x, y, w, h);
                        return;
                    }
                }
            }
            // else a row of its own: the full wording while its wrapped lines take at most half the view, below
            // that the short one (its tooltip gives the full one) rather than lines cut with an ellipsis
            setBoxText(full);
            if (cellBox.prefHeight(w) > h / 2) {
                setBoxText(Messages.get("heatmap.check.cell.short"));
            }
            bh = Math.min(h / 2, cellBox.prefHeight(w));
            cellBox.setTooltip(cellBox.getText().equals(full) ? null : shortTip(full));
        }
        cellBox.resizeRelocate(x, y + h - bh, w, bh);
        super.layoutChildren(x, y, w, h - bh);
    }

    /** The height of the colour scale's row at the foot of the canvas. */
    private static final double LEGEND_ROW = 24;
    /** Whether the check box sits in the colour scale's row (a short view), not in a row of its own. */
    private boolean boxInLegendRow;

    /** Whether a view h px tall is short: the symbols' row goes, the check box joins the scale's row. */
    private boolean shortView(double h) {
        HiddenStateHeatmap c = getSkinnable();
        double[][] v = c.getValues();
        int units = v == null || v.length == 0 ? 1 : Math.max(1, v[0].length);
        double fs = c.getFontSize();
        double full = h - Math.round(fs * 2.4) - Math.round(fs * (c.stepLabelsProperty().get() != null ? 3.4 : 2.0)) - LEGEND_ROW
                - (cellBox.isManaged() ? cellBox.prefHeight(-1) : 0);
        return full < Math.max(units * 6, fs * 4);
    }

    /** The left end of the colour scale with its "−1" (canvas x). */
    private double legendLeft(double w) {
        double lw = Math.min(220, w / 3);
        return w - lw - 44 - measure(getSkinnable().isSymlog() ? "−" + (int) Palette.SYMLOG_MAX : "−1", font(0.8, false)) - 6;
    }

    private javafx.scene.control.Tooltip tip;

    private javafx.scene.control.Tooltip shortTip(String full) {
        if (tip == null || !full.equals(tip.getText())) {
            tip = new javafx.scene.control.Tooltip(full);
        }
        return tip;
    }

    private void setBoxText(String s) {
        if (!s.equals(cellBox.getText())) {
            cellBox.setText(s);
        }
    }

    private boolean pixelsDirty = true;
    private int fills;

    /** How often the cell pixels were recomputed (tests check that animation frames reuse them). */
    public int fillCount() {
        return fills;
    }

    /** The pixel image of the cells (tests read colours from it). */
    public WritableImage image() {
        return image;
    }

    /** Top-left pixel of cell (t, unit) inside {@link #image()}. */
    public int[] cellOrigin(int t, int unit) {
        return new int[] {t * cellW, unit * cellH};
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        HiddenStateHeatmap c = getSkinnable();
        double[][] v = c.getValues();
        if (boxInLegendRow) {
            keepClear(0, h - cellBox.getHeight(), cellBox.getWidth() + 4, cellBox.getHeight()); // no tick under the box
        }
        String title = Messages.format(c.isGradient() ? "heatmap.title.grad" : c.isSymlog() ? "heatmap.title.symlog"
                : "heatmap.title", c.getQuantity());
        double titleW = labelTitle(title, 8, 16, w - 16, 1.0, true, theme.foreground());
        region("heatmap.title", 8, 4, fitted(titleW, w - 16, 24), 24);
        if (v == null || v.length == 0 || v[0].length == 0) {
            return;
        }
        int steps = v.length;
        int units = v[0].length;
        double fs = c.getFontSize();
        double left = Math.round(fs * 3.2);
        double top = Math.round(fs * 2.4);
        boolean compact = shortView(h + (cellBox.isManaged() && !boxInLegendRow ? cellBox.getHeight() : 0));
        boolean symbols = c.stepLabelsProperty().get() != null && !compact;
        double bottom = Math.round(fs * (symbols ? 3.4 : 2.0)) + LEGEND_ROW;
        double right = 12;
        cellW = Math.max(1, (int) Math.floor((w - left - right) / steps));
        cellH = Math.max(1, (int) Math.floor((h - top - bottom) / units));
        int iw = cellW * steps;
        int ih = cellH * units;
        originX = left;
        originY = top;
        fillImage(v, steps, units, iw, ih, theme);
        g.drawImage(image, originX, originY);
        // a step is its column of cells and its tick (issue 12: the spotlight boxed only the axis label);
        // registered before the units so that over a cell the unit's hover text still wins
        for (int t = 0; t < steps; t++) {
            region("heatmap.step." + t, originX + t * cellW, originY, cellW, ih + bottom - 24);
        }
        for (int u = 0; u < units; u++) {
            region("heatmap.unit." + u, 0, originY + u * cellH, originX + iw, cellH);
        }
        int computed = Math.min(steps, c.getComputedSteps());
        if (computed < steps) {
            double fx = originX + computed * cellW;
            g.setStroke(theme.muted());
            lineWidth(g, 1);
            g.setLineDashes(4, 4);
            g.strokeLine(fx + 0.5, originY, fx + 0.5, originY + ih);
            g.setLineDashes();
            double room = iw - computed * cellW;
            // only where the empty cells are a line tall: over a unit's row or two it ran across the selection's box
            javafx.scene.text.Font ff = font(0.9, false);
            double lh = lineHeight(ff);
            if (room > fs * 8 && ih >= lh + 4) {
                String future = Messages.get("heatmap.future");
                label(CanvasLabels.LOW, future, ff, theme.muted(), fx + room / 2, originY + ih / 2, TextAlignment.CENTER);
                // the selected unit's box is kept clear (the layout checker found the words across its edge, lesson 14
                // at 1280x720): then the words go to the middle of the taller run of empty rows above or below it
                int sel = c.getSelectedUnit();
                if (sel >= 0 && sel < units) {
                    double selTop = originY + sel * cellH - 2;
                    double selBottom = originY + (sel + 1) * cellH + 2;
                    keepClear(originX - 2, selTop, iw + 4, selBottom - selTop);
                    double above = selTop - originY;
                    double below = originY + ih - selBottom;
                    if (Math.max(above, below) >= lh + 2) {
                        orLabelAt(fx + room / 2, above >= below ? originY + above / 2 : selBottom + below / 2, TextAlignment.CENTER,
                                ff, future);
                    }
                }
            }
        }
        int first = Math.max(0, Math.min(computed, c.getFirstComputed()));
        if (first > 0) {
            double fx = originX + first * cellW;
            g.setStroke(Palette.PURPLE);
            lineWidth(g, 2);
            g.setLineDashes(4, 4);
            g.strokeLine(fx, originY, fx, originY + ih);
            g.setLineDashes();
        }
        crossDropped(g, steps, units, w, h, theme);
        axes(g, steps, units, iw, ih, theme, symbols);
        // the computed cells, the dashed line after them and the boxes round the current step and the selected unit
        // are kept clear: in a short view (presentation mode, lesson 16 in Chinese) the scale's "−1" / "+1" reached over
        // them; now they drop instead (the empty cells, drawn in the panel's colour, still take "not computed yet")
        keepClear(originX - 2, originY - 2, computed * cellW + 4, ih + 4);
        int curStep = c.getCurrentStep();
        if (curStep >= 0 && curStep < steps) {
            keepClear(originX + curStep * cellW - 2, originY - 2, cellW + 4, ih + 4);
        }
        int selUnit = c.getSelectedUnit();
        if (selUnit >= 0 && selUnit < units) {
            keepClear(originX - 2, originY + selUnit * cellH - 2, iw + 4, cellH + 4);
        }
        legend(g, w, h, theme);
    }

    /** How many cells the last paint crossed out (tests compare them with the mask). */
    public int droppedDrawn() {
        return droppedDrawn;
    }

    private int droppedDrawn;

    /** Greys and crosses out the units training's dropout dropped (one path, one stroke), and says so at the bottom left. */
    private void crossDropped(GraphicsContext g, int steps, int units, double w, double h, Theme theme) {
        HiddenStateHeatmap.Dropped d = getSkinnable().getDropped();
        droppedDrawn = 0;
        if (d == null) {
            return;
        }
        // each dropped cell greyed, with a square cross at its centre (cells may be far wider than tall)
        double side = Math.max(2, Math.min(cellW, cellH) * 0.7);
        g.setFill(theme.panel().deriveColor(0, 1, 1, 0.6));
        g.beginPath();
        int last = Math.min(steps, d.length());
        for (int t = 0; t < last; t++) {
            for (int u = 0; u < units; u++) {
                if (d.at(t, u)) {
                    g.fillRect(originX + t * cellW, originY + u * cellH, cellW, cellH);
                    double cx = originX + (t + 0.5) * cellW;
                    double cy = originY + (u + 0.5) * cellH;
                    g.moveTo(cx - side / 2, cy - side / 2);
                    g.lineTo(cx + side / 2, cy + side / 2);
                    g.moveTo(cx - side / 2, cy + side / 2);
                    g.lineTo(cx + side / 2, cy - side / 2);
                    droppedDrawn++;
                }
            }
        }
        g.setStroke(theme.foreground());
        lineWidth(g, Math.min(cellW, cellH) >= 8 ? 1.5 : 1);
        g.stroke();
        if (d.caption() != null && !d.caption().isEmpty()) {
            g.setFont(font(0.75, false));
            g.setFill(theme.foreground());
            g.setTextAlign(TextAlignment.LEFT);
            double cx = boxInLegendRow ? cellBox.getWidth() + 8 : 8;
            double room = w - Math.min(220, w / 3) - 44 - 16 - cx;
            fillFitted(g, "\u2715 " + d.caption(), cx, h - 16, room, 0.75, false);
        }
    }

    private void fillImage(double[][] v, int steps, int units, int iw, int ih, Theme theme) {
        if (image == null || (int) image.getWidth() != iw || (int) image.getHeight() != ih) {
            image = new WritableImage(iw, ih);
            pixels = new int[iw * ih];
            pixelsDirty = true;
        }
        if (!pixelsDirty) {
            return;
        }
        pixelsDirty = false;
        fills++;
        HiddenStateHeatmap c = getSkinnable();
        int computed = Math.min(steps, c.getComputedSteps());
        int future = Palette.argb(theme.panel());
        boolean log = c.isSymlog();
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < units; u++) {
                double x = v[t][u];
                boolean bad = Palette.bad(x);
                boolean notYet = t >= computed || t < c.getFirstComputed();
                int col = notYet ? future : bad ? 0 : c.isGradient() ? Palette.gradient(x, theme.neutral())
                        : Palette.diverging(log ? Palette.symlog(x) : x, theme.neutral());
                int x0 = t * cellW;
                int y0 = u * cellH;
                for (int yy = 0; yy < cellH; yy++) {
                    int row = (y0 + yy) * iw + x0;
                    for (int xx = 0; xx < cellW; xx++) {
                        pixels[row + xx] = bad && !notYet ? Palette.badPixel(x, x0 + xx, y0 + yy) : col;
                    }
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbPreInstance(), pixels, 0, iw);
    }

    private void axes(GraphicsContext g, int steps, int units, int iw, int ih, Theme theme, boolean symbols) {
        HiddenStateHeatmap c = getSkinnable();
        double fs = c.getFontSize();
        Form form = form(getSkinnable().getWidth(), getSkinnable().getHeight());
        // the tick font by form; ticks at a stride wide enough for the widest number, the first, the last and
        // the current step always offered first (issue 12: "1 123", "1920" where ticks ran together)
        javafx.scene.text.Font tick = font(form == Form.LARGE ? 0.9 : form == Form.COMPACT ? 0.75 : 0.8, false);
        double tickH = lineHeight(tick);
        int everyU = niceStride((int) Math.ceil((tickH + 2) / cellH));
        for (int u = 0; u < units; u++) {
            boolean end = u == 0 || u == units - 1 || u == c.getSelectedUnit();
            if (end || u % everyU == everyU - 1) {
                label(end ? CanvasLabels.HIGH : CanvasLabels.NORMAL, Integer.toString(u + 1), tick, theme.muted(),
                        originX - 6, originY + u * cellH + cellH / 2.0, TextAlignment.RIGHT);
            }
        }
        double widest = measure(Integer.toString(steps), tick);
        int everyT = niceStride((int) Math.ceil((widest + fs * 0.6) / cellW));
        String[] sym = symbols ? c.stepLabelsProperty().get() : null;
        javafx.scene.text.Font symFont = font(form == Form.COMPACT ? 0.8 : 1.0, false);
        int cur = c.getCurrentStep();
        for (int t = 0; t < steps; t++) {
            double cx = originX + t * cellW + cellW / 2.0;
            boolean end = t == 0 || t == steps - 1 || t == cur;
            if (end || t % everyT == everyT - 1) {
                label(end ? CanvasLabels.HIGH : CanvasLabels.NORMAL, Integer.toString(t + 1), tick, theme.muted(), cx,
                        originY + ih + fs * 0.8, TextAlignment.CENTER);
            }
            if (sym != null && t < sym.length && cellW >= fs * 0.8) {
                label(t == cur ? CanvasLabels.HIGH : CanvasLabels.LOW, visible(sym[t]), symFont, theme.foreground(), cx,
                        originY + ih + fs * 2.0, TextAlignment.CENTER);
            }
        }
        labelUpwards(CanvasLabels.HIGH, Messages.get("heatmap.axis.unit"), tick, theme.muted(), Math.ceil(tickH / 2) + 2,
                originY + ih / 2.0);
        lineWidth(g, 2);
        if (cur >= 0 && cur < steps) {
            g.setStroke(theme.foreground());
            strokeBox(g, originX + cur * cellW - 1, originY - 1, cellW + 2, ih + 2);
        }
        int sel = c.getSelectedUnit();
        if (sel >= 0 && sel < units) {
            g.setStroke(Palette.PURPLE);
            strokeBox(g, originX - 1, originY + sel * cellH - 1, iw + 2, cellH + 2);
        }
    }

    /** The colour scale with its end values. */
    private void legend(GraphicsContext g, double w, double h, Theme theme) {
        HiddenStateHeatmap c = getSkinnable();
        double lw = Math.min(220, w / 3);
        double lx = w - lw - 44;
        double ly = h - 20;
        boolean grad = c.isGradient();
        for (int i = 0; i < lw; i++) {
            double v = -1 + 2 * i / (lw - 1);
            double mag = Math.pow(10, Palette.GRAD_LOG_MIN + (Palette.GRAD_LOG_MAX - Palette.GRAD_LOG_MIN) * i / (lw - 1));
            g.setFill(Palette.color(grad ? Palette.gradient(mag, theme.neutral()) : Palette.diverging(v, theme.neutral())));
            g.fillRect(lx + i, ly - 6, 1, 12);
        }
        g.setStroke(theme.muted());
        lineWidth(g, 1);
        strokeBox(g, lx + 0.5, ly - 6.5, lw - 1, 12);
        javafx.scene.text.Font f = font(0.8, false);
        label(CanvasLabels.NORMAL, grad ? NumberText.power10((int) Palette.GRAD_LOG_MIN) : c.isSymlog() ? "−" + (int) Palette.SYMLOG_MAX : "−1",
                f, theme.muted(), lx - 6, ly, TextAlignment.RIGHT);
        label(CanvasLabels.NORMAL, grad ? "1" : c.isSymlog() ? "+" + (int) Palette.SYMLOG_MAX : "+1", f, theme.muted(),
                lx + lw + 4, ly, TextAlignment.LEFT);
        keepClear(lx, ly - 6, lw, 12);
        region("heatmap.legend", lx, ly - 6, lw, 12);
    }

    /** 1, 2, 5, 10, 20, 50, … at least n. */
    static int niceStride(int n) {
        int p = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * p >= n) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    public static String visible(String s) {
        return s == null ? "" : s.equals(" ") ? "␣" : s.equals("\n") ? "↵" : s;
    }

    @Override
    protected String describe(String id) {
        if (!id.startsWith("heatmap.unit.")) {
            return null;
        }
        HiddenStateHeatmap c = getSkinnable();
        int u = Integer.parseInt(id.substring("heatmap.unit.".length()));
        int t = (int) Math.floor((pointerX - originX) / cellW);
        double[][] v = c.getValues();
        if (v == null || t < 0 || t >= v.length) {
            return Messages.format("heatmap.hover.unit", u + 1);
        }
        if (t >= c.getComputedSteps() || t < c.getFirstComputed()) {
            return Messages.format("heatmap.hover.future", u + 1, t + 1);
        }
        return Messages.format("heatmap.hover", c.getQuantity(), u + 1, t + 1,
                c.isGradient() ? NumberText.sci(v[t][u]) : NumberText.num(v[t][u]));
    }

    @Override
    protected void clicked(String id) {
        if (id.startsWith("heatmap.unit.")) {
            getSkinnable().setSelectedUnit(Integer.parseInt(id.substring("heatmap.unit.".length())));
        }
    }
}
