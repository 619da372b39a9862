package rnnlab.ui.controls;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;

/** Two heatmaps (W and ∂L/∂W) and the eigenvalue plot; two selectors in a bar above the canvas. */
public class WeightMatricesSkin extends LabCanvasSkin<WeightMatrices> {
    private final ComboBox<String> matrixBox = new ComboBox<>();
    private final ComboBox<String> blockBox = new ComboBox<>();
    private final FlowPane bar = new FlowPane(10, 4);
    private boolean syncing;
    private double eigCx;
    private double eigCy;
    private double eigHalf;
    private double eigRange = 1.2;
    private int[] buffer = new int[0];

    public WeightMatricesSkin(WeightMatrices c) {
        super(c);
        matrixBox.setId("weights.matrix");
        blockBox.setId("weights.block");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        bar.getChildren().addAll(new Label(Messages.get("weights.pick.matrix")), matrixBox,
                new Label(Messages.get("weights.pick.block")), blockBox);
        getChildren().add(bar);
        registerChangeListener(c.matricesProperty(), o -> syncBoxes());
        registerChangeListener(c.spectraProperty(), o -> syncBoxes());
        registerChangeListener(c.selectedMatrixProperty(), o -> syncBoxes());
        registerChangeListener(c.selectedSpectrumProperty(), o -> syncBoxes());
        registerChangeListener(matrixBox.getSelectionModel().selectedIndexProperty(), o -> {
            if (!syncing && matrixBox.getSelectionModel().getSelectedIndex() >= 0) {
                c.selectedMatrixProperty().set(matrixBox.getSelectionModel().getSelectedIndex());
            }
        });
        registerChangeListener(blockBox.getSelectionModel().selectedIndexProperty(), o -> {
            if (!syncing && blockBox.getSelectionModel().getSelectedIndex() >= 0) {
                c.selectedSpectrumProperty().set(blockBox.getSelectionModel().getSelectedIndex());
            }
        });
        watch(c.matricesProperty(), c.selectedMatrixProperty(), c.spectraProperty(), c.selectedSpectrumProperty(),
                c.normHistoryProperty());
        syncBoxes();
    }

    private void syncBoxes() {
        WeightMatrices c = getSkinnable();
        syncing = true;
        List<String> ml = c.getMatrices().stream().map(m -> plain(m.label())).toList();
        if (!ml.equals(matrixBox.getItems())) {
            matrixBox.setItems(FXCollections.observableArrayList(ml));
        }
        matrixBox.getSelectionModel().select(c.selectedMatrixProperty().get());
        List<String> bl = c.getSpectra().stream().map(e -> plain(e.label())).toList();
        if (!bl.equals(blockBox.getItems())) {
            blockBox.setItems(FXCollections.observableArrayList(bl));
        }
        blockBox.getSelectionModel().select(c.selectedSpectrumProperty().get());
        blockBox.setDisable(bl.size() <= 1);
        syncing = false;
    }

    /** Label text for a plain control (no subscripts there): W_hh → W_hh stays readable as is. */
    private static String plain(String s) {
        return s;
    }

    public ComboBox<String> matrixBox() {
        return matrixBox;
    }

    public ComboBox<String> blockBox() {
        return blockBox;
    }

    /** Half the width of the eigenvalue plot in units of |λ| (the plot spans −range … range). */
    public double eigenRange() {
        return eigRange;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // a tile too short for the whole bar (every view tiled at 1024×768) leaves it out rather than letting its
        // wrapped rows spill over the drawing and the window (issue 12); it returns when the tile grows
        bar.setVisible(bar.prefHeight(w) <= h / 2);
        double bh = bar.isVisible() ? bar.prefHeight(w) : 0;
        bar.resizeRelocate(x, y, w, bh);
        super.layoutChildren(x, y + bh, w, h - bh);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        WeightMatrices c = getSkinnable();
        double fs = c.getFontSize();
        WeightMatrices.Matrix m = c.matrix();
        if (m == null || m.values() == null || m.values().length == 0) {
            emptyMessage(g, Messages.get("weights.empty"), w, h, 0, "weights.empty");
            return;
        }
        double top = fs * 2.2;
        // the scale bars, and below them the norms of every matrix unless the tile is too small for them
        // (every view tiled at 1024×768: the heatmaps keep the room)
        boolean withNorms = h >= fs * 14 && w >= fs * 24;
        // under the norms, their history over the last training run, when the tile has room for it
        boolean withHistory = withNorms && !c.getNormHistory().isEmpty() && h >= fs * 19 && w >= fs * 30;
        double foot = withHistory ? fs * 5 : 0;
        double bottom = (withNorms ? fs * 3.1 : fs * 1.8) + foot;
        double eigSize = Math.max(60, Math.min(h - top - bottom, w * 0.32));
        double gap = fs;
        double pw = Math.max(40, (w - eigSize - gap * 4) / 2);
        double ph = h - top - bottom;
        double maxAbs = 0;
        for (double[] row : m.values()) {
            for (double v : row) {
                if (!Palette.bad(v)) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
        }
        double scale = maxAbs == 0 ? 1 : maxAbs;
        heatmap(g, "weights.w", m.values(), m.rowBlocks(), gap, top, pw, ph, false, scale, theme);
        // no label over a matrix (the eigenvalue plot's "Im" reached over the gradient's edge in a narrow tile)
        keepClearOf("weights.w");
        heading(g, m.label(), gap, top - fs * 0.8, pw, theme.foreground());
        double barY = h - foot - (withNorms ? fs * 2.1 : fs * 0.8);
        scaleBar(g, gap, barY, pw, "−" + NumberText.num(scale), "+" + NumberText.num(scale), "±" + NumberText.num(scale), false,
                theme);
        region("weights.scale.w", gap, barY - fs * 0.6, pw, fs * 1.2);
        if (withNorms) {
            norms(g, gap, h - foot - fs * 0.75, w - 2 * gap, theme);
        }
        if (withHistory) {
            history(g, gap, h - foot, w - 2 * gap, foot, theme);
        }
        if (m.grad() != null) {
            double gx = gap * 2 + pw;
            heatmap(g, "weights.grad", m.grad(), m.rowBlocks(), gx, top, pw, ph, true, 1, theme);
            heading(g, Messages.format("weights.grad.title", m.label()), gx, top - fs * 0.8, pw,
                    theme.dark() ? Palette.PURPLE : Palette.GRAD_DEEP);
            scaleBar(g, gx, barY, pw, NumberText.power10((int) Palette.GRAD_LOG_MIN), "1", "1", true, theme);
            region("weights.scale.grad", gx, barY - fs * 0.6, pw, fs * 1.2);
            if (!allZero(m.grad())) {
                keepClearOf("weights.grad");
            }
            if (allZero(m.grad())) {
                javafx.geometry.Rectangle2D r = regionBounds("weights.grad");
                // its outline stays clear too, the hint inside it kept (lesson 2 at 1024x768: in a narrow tile the
                // eigenvalue plot's "Im" / 虚部 ran over the empty gradient's left edge)
                keepClear(r.getMinX() - 1, r.getMinY() - 1, 3, r.getHeight() + 2);
                keepClear(r.getMaxX() - 2, r.getMinY() - 1, 3, r.getHeight() + 2);
                keepClear(r.getMinX() - 1, r.getMinY() - 1, r.getWidth() + 2, 3);
                keepClear(r.getMinX() - 1, r.getMaxY() - 2, r.getWidth() + 2, 3);
                g.setFill(theme.panel());
                g.fillRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
                hintInFrame(CanvasLabels.NORMAL, Messages.get("weights.grad.none"), font(0.8, false), theme.muted(), r.getMinX(),
                        r.getMinY(), r.getWidth(), r.getHeight());
            }
        }
        eigen(g, w - gap - eigSize, top, eigSize, h - top - bottom, theme);
    }

    /**
     * "‖W‖_F:  ‖W_ih‖ = 3.21   ‖W_hh‖ = 2.87 …" on one line within maxW from x, the shown matrix in the
     * foreground colour and the others muted; the font shrinks to fit and, at the smallest size, the
     * matrices that still do not fit are left out (the values table lists them all; no line when not
     * even the first fits). Entry i is region
     * weights.norm.i.
     */
    private void norms(GraphicsContext g, double x, double y, double maxW, Theme theme) {
        WeightMatrices c = getSkinnable();
        List<WeightMatrices.Matrix> ms = c.getMatrices();
        String head = Messages.get("weights.norms");
        String[] parts = new String[ms.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Messages.format("weights.norm", ms.get(i).symbol(), NumberText.num3(ms.get(i).norm()));
        }
        double s = 0.8;
        javafx.scene.text.Font f = font(s, false);
        while (normsWidth(head, parts, f) > maxW && f.getSize() > minTextSize()) {
            s -= 0.05;
            f = font(s, false);
        }
        double space = measure("   ", f);
        double hw = richWidth(head, f);
        if (parts.length == 0 || hw + space + richWidth(parts[0], f) > maxW) {
            return; // not even one norm fits: no line at all
        }
        labelRich(CanvasLabels.HIGH, head, f, theme.muted(), x, y, TextAlignment.LEFT);
        double at = x + hw + space;
        for (int i = 0; i < parts.length; i++) {
            double pw = richWidth(parts[i], f);
            if (at + pw > x + maxW) {
                break;
            }
            labelRich(CanvasLabels.HIGH, parts[i], f, i == c.selectedMatrixProperty().get() ? theme.foreground()
                    : theme.muted(), at, y, TextAlignment.LEFT);
            region("weights.norm." + i, at, y - f.getSize() * 0.6, pw, f.getSize() * 1.2);
            at += pw + space;
        }
    }

    /**
     * Small line charts of ‖W‖_F over the last training run, one per matrix side by side (as many as fit at
     * {@link #HISTORY_MIN_EM} font sizes wide each, the matrix shown first when not all fit), each scaled to
     * its own lowest and highest value and labelled with its first and last value; a heading gives the
     * steps. Chart i is region weights.history.i (i: the matrix's index).
     */
    private void history(GraphicsContext g, double x, double y, double maxW, double hh, Theme theme) {
        WeightMatrices c = getSkinnable();
        double fs = c.getFontSize();
        List<WeightMatrices.NormTrace> all = c.getNormHistory();
        int sel = c.selectedMatrixProperty().get();
        double gap = fs;
        int fit = (int) Math.max(1, Math.floor((maxW + gap) / (fs * HISTORY_MIN_EM + gap)));
        List<WeightMatrices.NormTrace> shown = new java.util.ArrayList<>(all);
        if (shown.size() > fit) {
            shown.sort(java.util.Comparator.comparing(t -> t.matrix() != sel)); // the matrix shown first, then in order
            shown = shown.subList(0, fit);
            shown.sort(java.util.Comparator.comparingInt(WeightMatrices.NormTrace::matrix));
        }
        double[] steps = shown.get(0).steps();
        javafx.scene.text.Font f = font(0.75, false);
        labelRich(CanvasLabels.NORMAL, Messages.format("weights.history.head", (long) steps[0], (long) steps[steps.length - 1]),
                f, theme.muted(), x, y + fs * 0.6, TextAlignment.LEFT);
        double cw = (maxW - (shown.size() - 1) * gap) / shown.size();
        // one line of labels under the heading (a Chinese line is taller: measured, not assumed), then the charts
        double ty = y + fs * 0.6 + lineHeight(f) + 1;
        double sy = ty + lineHeight(f) / 2 + fs * 0.3;
        double sh = Math.max(fs, y + hh - fs * 0.4 - sy);
        for (int j = 0; j < shown.size(); j++) {
            WeightMatrices.NormTrace t = shown.get(j);
            WeightMatrices.Matrix m = t.matrix() < c.getMatrices().size() ? c.getMatrices().get(t.matrix()) : null;
            if (m == null || t.norms().length < 2) {
                continue;
            }
            double cx = x + j * (cw + gap);
            double[] v = t.norms();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double n : v) {
                if (Double.isFinite(n)) {
                    lo = Math.min(lo, n);
                    hi = Math.max(hi, n);
                }
            }
            if (!(hi >= lo)) {
                continue;
            }
            boolean picked = t.matrix() == sel;
            Color line = picked ? Palette.SKY : theme.muted();
            labelRich(picked ? CanvasLabels.HIGH : CanvasLabels.NORMAL, Messages.format("weights.history.trace", m.symbol(),
                    NumberText.num3(v[0]), NumberText.num3(v[v.length - 1])), f, picked ? theme.foreground() : theme.muted(),
                    cx, ty, TextAlignment.LEFT);
            double s0 = t.steps()[0];
            double span = Math.max(1e-12, t.steps()[t.steps().length - 1] - s0);
            double range = hi - lo;
            g.setStroke(line);
            lineWidth(g, picked ? 2 : 1.25);
            g.beginPath();
            double px = cx;
            double py = sy + sh / 2;
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    continue;
                }
                px = cx + (t.steps()[k] - s0) / span * cw;
                py = range <= 1e-12 * Math.max(1, hi) ? sy + sh / 2 : sy + (hi - v[k]) / range * sh;
                if (k == 0) {
                    g.moveTo(px, py);
                } else {
                    g.lineTo(px, py);
                }
            }
            g.stroke();
            g.setFill(line);
            g.fillOval(px - 2.5, py - 2.5, 5, 5);
            keepClear(cx, sy, cw, sh);
            region("weights.history." + t.matrix(), cx, sy, cw, sh);
        }
    }

    /** Each norm chart is at least this many font sizes wide. */
    static final double HISTORY_MIN_EM = 9;

    private double normsWidth(String head, String[] parts, javafx.scene.text.Font f) {
        double sum = richWidth(head, f);
        for (String p : parts) {
            sum += measure("   ", f) + richWidth(p, f);
        }
        return sum;
    }

    private void heading(GraphicsContext g, String text, double x, double y, double maxW, Color color) {
        labelFitted(CanvasLabels.TITLE, text, x, y, maxW, 0.95, true, color);
    }

    /** A small colour bar of the palette with its end values, within maxW from x. */
    /**
     * The colour bar from lo to hi within maxW. Too narrow for both ends' labels and a 20 px bar, it shows the
     * bar and only {@code compact} after it ("±0.57"), or, narrower still, the bar alone: a label never runs
     * under the next bar (issue 12: "+0.57" under the gradient's bar in a narrow weights tile).
     */
    private void scaleBar(GraphicsContext g, double x, double y, double maxW, String lo, String hi, String compact,
                          boolean grad, Theme theme) {
        g.setFont(font(0.75, false));
        double lw = measure(lo, g.getFont());
        double hw = measure(hi, g.getFont());
        double bw = Math.min(140, maxW - lw - hw - 12);
        double bx = x + lw + 5;
        if (bw < 20) {
            double cw = measure(compact, g.getFont());
            lo = "";
            hi = maxW - cw - 6 >= 12 ? compact : "";
            bw = Math.max(1, Math.min(140, hi.isEmpty() ? maxW : maxW - cw - 6));
            bx = x;
        }
        for (int i = 0; i < bw; i++) {
            double s = i / (bw - 1);
            int col = grad ? Palette.gradient(Math.pow(10, Palette.GRAD_LOG_MIN + (Palette.GRAD_LOG_MAX - Palette.GRAD_LOG_MIN) * s),
                    theme.neutral()) : Palette.diverging(2 * s - 1, theme.neutral());
            g.setFill(Palette.color(col));
            g.fillRect(bx + i, y - 5, 1, 10);
        }
        g.setStroke(theme.muted());
        lineWidth(g, 1);
        g.strokeRect(bx - 0.5, y - 5.5, bw + 1, 11);
        if (!lo.isEmpty()) {
            label(CanvasLabels.NORMAL, lo, g.getFont(), theme.muted(), x, y, TextAlignment.LEFT);
        }
        if (!hi.isEmpty()) {
            label(CanvasLabels.NORMAL, hi, g.getFont(), theme.muted(), bx + bw + 5, y, TextAlignment.LEFT);
        }
    }

    private static boolean allZero(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A matrix as square-ish cells filling (x, y, pw, ph); registers the exact cell area under id. */
    /** Keeps a drawn part and its frame (a pixel round it) clear of labels. */
    private void keepClearOf(String id) {
        javafx.geometry.Rectangle2D r = regionBounds(id);
        if (r != null) {
            keepClear(r.getMinX() - 1, r.getMinY() - 1, r.getWidth() + 2, r.getHeight() + 2);
        }
    }

    private void heatmap(GraphicsContext g, String id, double[][] a, String[] blocks, double x, double y, double pw, double ph,
                         boolean grad, double scale, Theme theme) {
        int rows = a.length;
        int cols = a[0].length;
        double cell = Math.min(pw / cols, ph / rows);
        double cw = cell >= 2 ? Math.floor(Math.min(pw / cols, cell * 2.5)) : pw / cols;
        double chh = cell >= 2 ? Math.floor(cell) : ph / rows;
        double dw = cw * cols;
        double dh = chh * rows;
        if (buffer.length < rows * cols) {
            buffer = new int[rows * cols];
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                double v = a[r][k];
                buffer[r * cols + k] = Palette.bad(v) ? Palette.badPixel(v, k, r)
                        : grad ? Palette.gradient(v, theme.neutral()) : Palette.diverging(v / scale, theme.neutral());
            }
        }
        WritableImage img = new WritableImage(cols, rows);
        img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), buffer, 0, cols);
        g.setImageSmoothing(false);
        g.drawImage(img, x, y, dw, dh);
        g.setImageSmoothing(true);
        g.setStroke(theme.muted());
        lineWidth(g, 1);
        g.strokeRect(x - 0.5, y - 0.5, dw + 1, dh + 1);
        if (blocks != null && blocks.length > 1) {
            int per = rows / blocks.length;
            g.setFont(font(0.7, true));
            g.setTextAlign(TextAlignment.RIGHT);
            for (int b = 0; b < blocks.length; b++) {
                double by = y + b * per * chh;
                if (b > 0) {
                    g.setStroke(theme.foreground());
                    lineWidth(g, 2);
                    g.strokeLine(x, by, x + dw, by);
                }
                boolean yellow = "g".equals(blocks[b]) || "n".equals(blocks[b]);
                label(CanvasLabels.HIGH, blocks[b], g.getFont(), yellow && !theme.dark() ? Palette.YELLOW_INK : Palette.gateHue(blocks[b]),
                        x - 3, by + per * chh / 2, TextAlignment.RIGHT);
            }
        }
        region(id, x, y, dw, dh);
    }

    private void eigen(GraphicsContext g, double x, double y, double size, double avail, Theme theme) {
        WeightMatrices c = getSkinnable();
        double fs = c.getFontSize();
        WeightMatrices.Eigen e = c.eigen();
        double side = Math.min(size, avail);
        // the axis names sit outside the plot, beyond the ends of the axes (issue 12: they sat on the unit
        // circle): the plot leaves them a margin
        javafx.scene.text.Font axisFont = font(0.8, false);
        double margin = Math.max(measure(Messages.get("weights.axis.re"), axisFont), lineHeight(axisFont)) + 4;
        eigHalf = Math.floor(Math.max(side / 4, side / 2 - margin));
        eigCx = Math.round(x + size / 2);
        eigCy = Math.round(y + avail / 2);
        region("weights.eig", eigCx - eigHalf, eigCy - eigHalf, 2 * eigHalf, 2 * eigHalf);
        if (e == null) {
            return;
        }
        double maxR = e.radius();
        eigRange = Math.max(1.2, Palette.bad(maxR) ? 1.2 : maxR * 1.1);
        double unit = eigHalf / eigRange;
        g.setStroke(theme.muted().deriveColor(0, 1, 1, 0.5));
        lineWidth(g, 1);
        g.strokeLine(eigCx - eigHalf, eigCy + 0.5, eigCx + eigHalf, eigCy + 0.5);
        g.strokeLine(eigCx + 0.5, eigCy - eigHalf, eigCx + 0.5, eigCy + eigHalf);
        label(CanvasLabels.HIGH, Messages.get("weights.axis.re"), axisFont, theme.muted(), eigCx + eigHalf + 4, eigCy,
                TextAlignment.LEFT);
        label(CanvasLabels.HIGH, Messages.get("weights.axis.im"), axisFont, theme.muted(), eigCx,
                eigCy - eigHalf - lineHeight(axisFont) / 2 - 2, TextAlignment.CENTER);
        g.setStroke(theme.foreground());
        lineWidth(g, 1.5);
        g.setLineDashes(6, 4);
        g.strokeOval(eigCx - unit, eigCy - unit, 2 * unit, 2 * unit);
        g.setLineDashes();
        if (!Palette.bad(maxR) && maxR > 0) {
            g.setStroke(maxR > 1 ? Palette.VERMILLION : Palette.BLUE);
            lineWidth(g, 1.5);
            g.strokeOval(eigCx - maxR * unit, eigCy - maxR * unit, 2 * maxR * unit, 2 * maxR * unit);
        }
        Color dot = e.gate() == null ? Palette.BLUE : Palette.gateHue(e.gate());
        for (int k = 0; k < e.re().length; k++) {
            double px = eigCx + e.re()[k] * unit;
            double py = eigCy - e.im()[k] * unit;
            g.setFill(dot);
            g.fillOval(px - 5, py - 5, 10, 10);
            g.setStroke(theme.foreground());
            lineWidth(g, 1);
            g.strokeOval(px - 5, py - 5, 10, 10);
            region("weights.eig." + k, px - 5, py - 5, 10, 10);
        }
        double tx = Math.max(x - fs * 0.5, eigCx - eigHalf - margin);
        labelFitted(CanvasLabels.TITLE, Messages.format("weights.eig.title", e.label()), tx, y - fs * 0.8, x + size - tx, 0.95,
                true, theme.foreground());
        labelFitted(CanvasLabels.HIGH, Messages.format("weights.eig.radius", NumberText.num(maxR)), tx,
                eigCy + eigHalf + fs * 0.9, x + size - tx, 0.8, false, maxR > 1 ? Palette.VERMILLION : Palette.BLUE);
        region("weights.eig.radius", eigCx - eigHalf, eigCy + eigHalf + fs * 0.3, 2 * eigHalf, fs * 1.2);
    }

    @Override
    protected String describe(String id) {
        WeightMatrices.Matrix m = getSkinnable().matrix();
        if (m != null && ("weights.w".equals(id) || "weights.grad".equals(id))) {
            javafx.geometry.Rectangle2D r = regionBounds(id);
            int rows = m.values().length;
            int cols = m.values()[0].length;
            int row = (int) Math.min(rows - 1, Math.floor((pointerY - r.getMinY()) / r.getHeight() * rows));
            int col = (int) Math.min(cols - 1, Math.floor((pointerX - r.getMinX()) / r.getWidth() * cols));
            double gv = m.grad() == null ? Double.NaN : m.grad()[row][col];
            return Messages.format("weights.hover", row + 1, col + 1, NumberText.num(m.values()[row][col]), NumberText.sci(gv));
        }
        if (id.startsWith("weights.norm.")) {
            int i = Integer.parseInt(id.substring("weights.norm.".length()));
            WeightMatrices.Matrix n = getSkinnable().getMatrices().get(i);
            return Messages.format("weights.norm.hover", n.label(), NumberText.num3(n.norm()), n.values().length,
                    n.values()[0].length);
        }
        if (id.startsWith("weights.history.")) {
            int i = Integer.parseInt(id.substring("weights.history.".length()));
            for (WeightMatrices.NormTrace t : getSkinnable().getNormHistory()) {
                if (t.matrix() == i && i < getSkinnable().getMatrices().size()) {
                    double[] v = t.norms();
                    double lo = java.util.Arrays.stream(v).min().orElse(Double.NaN);
                    double hi = java.util.Arrays.stream(v).max().orElse(Double.NaN);
                    return Messages.format("weights.history.hover", getSkinnable().getMatrices().get(i).label(),
                            NumberText.num3(v[0]), (long) t.steps()[0], NumberText.num3(v[v.length - 1]),
                            (long) t.steps()[t.steps().length - 1], NumberText.num3(lo), NumberText.num3(hi));
                }
            }
        }
        if (id.startsWith("weights.eig.") && getSkinnable().eigen() != null) {
            String k = id.substring("weights.eig.".length());
            if (k.chars().allMatch(Character::isDigit)) {
                WeightMatrices.Eigen e = getSkinnable().eigen();
                int i = Integer.parseInt(k);
                return Messages.format("weights.eig.hover", NumberText.num(e.re()[i]), NumberText.signed(e.im()[i]),
                        NumberText.num(Math.hypot(e.re()[i], e.im()[i])));
            }
        }
        return null;
    }
}
