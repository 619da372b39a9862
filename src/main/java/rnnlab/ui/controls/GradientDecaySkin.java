package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;

/**
 * The decay plot on the canvas; below it a bar with the two series check boxes and the W_hh slider
 * (log scale from ×0.1 to ×3, labelled with the spectral radius the frame reports). The canvas's texts
 * are {@link CanvasLabels}: placed by priority (title, the banner's first line, axis names and the legend
 * before the other banner lines and the ticks), whole or dropped.
 */
public class GradientDecaySkin extends LabCanvasSkin<GradientDecay> {
    private final CheckBox lastBox = new CheckBox(Messages.get("decay.check.last"));
    private final CheckBox productBox = new CheckBox(Messages.get("decay.check.product"));
    private final Slider slider = new Slider(Math.log10(GradientDecay.MIN_SCALE), Math.log10(GradientDecay.MAX_SCALE), 0);
    private final Label scaleLabel = new Label();
    private final FlowPane bar = new FlowPane(14, 4);
    private boolean syncing;
    private double plotX;
    private double plotY;
    private double plotW;
    private double plotH;
    /** The decades shown; 10⁻⁴ … 10⁰ before there is a value. */
    private static final LogAxis EMPTY = new LogAxis(-4, 0);
    private LogAxis axis = EMPTY;

    public GradientDecaySkin(GradientDecay c) {
        super(c);
        lastBox.selectedProperty().bindBidirectional(c.showLastStepProperty());
        productBox.selectedProperty().bindBidirectional(c.showProductProperty());
        lastBox.setId("decay.check.last");
        productBox.setId("decay.check.product");
        slider.setId("decay.slider");
        slider.setPrefWidth(150);
        slider.setValue(Math.log10(c.recurrentScaleProperty().get()));
        registerChangeListener(slider.valueProperty(), o -> {
            if (!syncing) {
                syncing = true;
                c.recurrentScaleProperty().set(Math.pow(10, slider.getValue()));
                syncing = false;
            }
        });
        registerChangeListener(c.recurrentScaleProperty(), o -> {
            if (!syncing) {
                syncing = true;
                slider.setValue(Math.log10(Math.max(GradientDecay.MIN_SCALE,
                        Math.min(GradientDecay.MAX_SCALE, c.recurrentScaleProperty().get()))));
                syncing = false;
            }
            updateScaleLabel();
        });
        registerChangeListener(c.spectralRadiusProperty(), o -> updateScaleLabel());
        updateScaleLabel();
        Label sliderName = new Label(Messages.get("decay.slider"));
        bar.getChildren().addAll(lastBox, productBox, sliderName, slider, scaleLabel);
        bar.setPadding(new Insets(2, 8, 2, 8));
        getChildren().add(bar);
        watch(c.gradHProperty(), c.gradCProperty(), c.lastStepProperty(), c.productProperty(), c.stepsProperty(),
                c.currentStepProperty(), c.backwardProperty(), c.showLastStepProperty(), c.showProductProperty(),
                c.spectralRadiusProperty(), c.bannerProperty());
    }

    public Slider slider() {
        return slider;
    }

    public CheckBox lastStepBox() {
        return lastBox;
    }

    public CheckBox productBox() {
        return productBox;
    }

    private void updateScaleLabel() {
        GradientDecay c = getSkinnable();
        double rho = c.spectralRadiusProperty().get();
        scaleLabel.setText(Messages.format("decay.scale", NumberText.num(c.recurrentScaleProperty().get()),
                Double.isNaN(rho) ? "–" : NumberText.num(rho)));
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // a tile too short for the whole bar (every view tiled at 1024×768) leaves it out rather than letting its
        // wrapped rows spill over the drawing and the window (issue 12); it returns when the tile grows
        // and a control wider than the tile (the ρ readout of a narrow view) is left out rather than reaching over
        // the next view or the lesson panel: each on its own
        double room = w - bar.snappedLeftInset() - bar.snappedRightInset();
        for (javafx.scene.Node n : bar.getChildren()) {
            boolean show = n.prefWidth(-1) <= room;
            n.setVisible(show);
            n.setManaged(show);
        }
        bar.setVisible(bar.prefHeight(w) <= h / 2);
        double bh = bar.isVisible() ? bar.prefHeight(w) : 0;
        bar.resizeRelocate(x, y + h - bh, w, bh);
        super.layoutChildren(x, y, w, h - bh);
    }

    /** Vertical position of a norm (log scale), in canvas pixels. */
    public double yOf(double v) {
        return plotY + plotH - axis.fraction(v) * plotH;
    }

    /** Horizontal centre of step t. */
    public double xOf(int t) {
        int n = Math.max(1, getSkinnable().stepsProperty().get());
        return plotX + (t + 0.5) * plotW / n;
    }

    private record Series(String key, double[] values, Color color, double[] dashes) {
    }

    private List<Series> series(Theme theme) {
        GradientDecay c = getSkinnable();
        List<Series> out = new ArrayList<>();
        Color deep = theme.dark() ? Palette.PURPLE.brighter() : Palette.GRAD_DEEP;
        if (c.gradHProperty().get() != null) {
            out.add(new Series("dh", c.gradHProperty().get(), Palette.PURPLE, null));
        }
        if (c.gradCProperty().get() != null) {
            out.add(new Series("dc", c.gradCProperty().get(), deep, new double[] {9, 5}));
        }
        if (c.showLastStepProperty().get() && c.lastStepProperty().get() != null) {
            out.add(new Series("last", c.lastStepProperty().get(), Palette.BLUE, new double[] {3, 4}));
        }
        if (c.showProductProperty().get() && c.productProperty().get() != null) {
            out.add(new Series("prod", c.productProperty().get(), Palette.ORANGE, null));
        }
        return out;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        GradientDecay c = getSkinnable();
        double fs = c.getFontSize();
        double titleW = labelTitle(Messages.get("decay.title"), 10, fs * 0.9, w - 20, 1.1, true, theme.foreground());
        region("decay.title", 10, 0, fitted(titleW, w - 20, fs), fs * 1.8);
        java.util.List<GradientDecay.Line> lines = c.bannerProperty().get();
        double lineY = fs * 2.2;
        int shown = 0;
        for (int k = 0; k < lines.size(); k++) {
            GradientDecay.Line line = lines.get(k);
            javafx.scene.paint.Color tone = line.tone() < 0 ? Palette.BLUE : line.tone() > 0 ? Palette.VERMILLION : theme.foreground();
            double drawn = labelFitted(k == 0 ? CanvasLabels.HIGH : CanvasLabels.NORMAL, line.text(), 10, lineY, w - 20, 0.9,
                    false, tone);
            if (drawn > 0) {
                region(k == 0 ? "decay.rho" : "decay.banner." + k, 10, lineY - fs * 0.6, w - 20, fs * 1.2);
                lineY += fs * 1.15;
                shown++;
            } else if (k == 0) {
                // the measured line (lessons point at it: decay.rho) wraps rather than being left out
                javafx.scene.text.Font f = font(0.9, false);
                List<String> parts = wrap(line.text(), f, w - 20);
                double y0 = lineY;
                for (String part : parts) {
                    labelRich(CanvasLabels.HIGH, part, f, tone, 10, lineY, javafx.scene.text.TextAlignment.LEFT);
                    lineY += fs * 1.15;
                    shown++;
                }
                region("decay.rho", 10, y0 - fs * 0.6, w - 20, lineY - y0 + fs * 0.05);
            }
            // another line too long for the tile even at the smallest type is left out and keeps no room: the plot
            // gets it (issue 12: a narrow tile showed an empty band over a 30 px plot)
        }
        double bannerH = Math.max(1, shown) * fs * 1.15;
        int n = c.stepsProperty().get();
        if (n <= 0) {
            emptyMessage(g, Messages.get("decay.empty"), w, h, fs * 2.8, "decay.empty");
            return;
        }
        List<Series> all = series(theme);
        double legendH = fs * 1.4;
        plotX = Math.round(fs * 3.6);
        plotY = Math.round(fs * 1.85 + bannerH + legendH);
        plotW = Math.max(40, w - plotX - fs);
        plotH = Math.max(30, h - plotY - fs * 1.7);
        range(all);
        region("decay.plot", plotX, plotY, plotW, plotH);
        g.setStroke(theme.muted());
        lineWidth(g, 1);
        g.strokeRect(plotX + 0.5, plotY + 0.5, plotW, plotH);
        javafx.scene.text.Font tick = font(0.8, false);
        int[] decades = axis.ticks(plotH, fs * 1.3);
        double[] gridY = new double[decades.length];
        for (int i = 0; i < decades.length; i++) {
            gridY[i] = Math.round(yOf(Math.pow(10, decades[i]))) + 0.5;
        }
        // the hint before the grid: it goes between two grid lines, and only a hint no band holds has the lines
        // through it left out (issue 12: centred on the plot, the zh hint sat on the 10⁻² line at 1920x1080,
        // the layout checker's "drawn over graphics", lessons 6 and 7)
        double[] hint = c.backwardProperty().get() ? null : hint(gridY, theme);
        for (int i = 0; i < decades.length; i++) {
            int e = decades[i];
            double y = gridY[i];
            g.setStroke(theme.muted().deriveColor(0, 1, 1, 0.35));
            if (hint == null || hint[1] <= 0 || y < hint[0] - 2 || y > hint[0] + hint[1] + 2) {
                g.strokeLine(plotX, y, plotX + plotW, y);
            }
            label(CanvasLabels.NORMAL, decade(e), tick, theme.muted(), plotX - 4, y, TextAlignment.RIGHT);
            region("decay.decade." + e, plotX - fs * 3, y - 1, fs * 3, 2);
        }
        int tStride = (int) Math.ceil(n / Math.max(1, plotW / (fs * 2.2)));
        for (int t = 0; t < n; t += tStride) {
            label(t == 0 ? CanvasLabels.HIGH : CanvasLabels.LOW, Integer.toString(t + 1), tick, theme.muted(), xOf(t),
                    plotY + plotH + fs * 0.7, TextAlignment.CENTER);
        }
        label(CanvasLabels.HIGH, Messages.get("decay.axis.t"), tick, theme.muted(), plotX + plotW - fs, plotY + plotH + fs * 1.35,
                TextAlignment.CENTER);
        int cur = c.currentStepProperty().get();
        if (c.backwardProperty().get() && cur >= 0 && cur < n) {
            g.setStroke(Palette.ORANGE.deriveColor(0, 1, 1, 0.6));
            lineWidth(g, 2);
            g.strokeLine(xOf(cur), plotY + 2, xOf(cur), plotY + plotH - 2);
            region("decay.current", xOf(cur) - 2, plotY, 4, plotH);
        }
        for (Series s : all) {
            plot(g, s, n);
        }
        legend(g, all, w, theme);
        if (hint != null && hint[1] > 0) {
            region("decay.hint", plotX, hint[0], plotW, hint[1]);
        }
    }

    /** Clear of a grid line by this much above and below (the layout checker looks 2 px inside a label's box). */
    private static final double HINT_MARGIN = 3;

    /**
     * Offers the forward pass's hint at its full size in the band between two grid lines (or a grid line and the
     * frame) nearest the plot's middle that holds it, else across the middle of the plot as before (the caller then
     * leaves out the grid lines through it: a faint line is less missed than type made small); only when neither
     * holds it, the same at a smaller size. Returns its top and height (height 0 when it is left out).
     */
    private double[] hint(double[] gridY, Theme theme) {
        double[] edges = new double[gridY.length + 2];
        edges[0] = plotY;
        System.arraycopy(gridY, 0, edges, 1, gridY.length);
        edges[edges.length - 1] = plotY + plotH;
        java.util.Arrays.sort(edges);
        double mid = plotY + plotH / 2;
        List<double[]> bands = new ArrayList<>();
        for (int i = 0; i + 1 < edges.length; i++) {
            if (edges[i + 1] - edges[i] > 2 * HINT_MARGIN) {
                bands.add(new double[] {edges[i] + HINT_MARGIN, edges[i + 1] - edges[i] - 2 * HINT_MARGIN});
            }
        }
        bands.sort(java.util.Comparator.comparingDouble(b -> Math.abs(b[0] + b[1] / 2 - mid)));
        javafx.scene.text.Font f = font(0.9, false);
        String text = Messages.get("decay.hint");
        for (double smallest : new double[] {f.getSize(), 0}) {
            for (double[] b : bands) {
                double bh = hintInFrame(CanvasLabels.NORMAL, text, f, theme.muted(), plotX + 6, b[0], plotW - 12, b[1], smallest);
                if (bh > 0) {
                    return new double[] {b[0] + b[1] / 2 - bh / 2, bh};
                }
            }
            double bh = hintInFrame(CanvasLabels.NORMAL, text, f, theme.muted(), plotX + 6, plotY, plotW - 12, plotH, smallest);
            if (bh > 0) {
                return new double[] {mid - bh / 2, bh};
            }
        }
        return new double[] {mid, 0};
    }

    /** Whole decades around every finite, positive value shown (at most 30 of them). */
    private void range(List<Series> all) {
        List<double[]> values = new ArrayList<>();
        for (Series s : all) {
            values.add(s.values());
        }
        axis = LogAxis.around(values, 0, 30, EMPTY);
    }

    private void plot(GraphicsContext g, Series s, int n) {
        double[] v = s.values();
        g.setStroke(s.color());
        g.setFill(s.color());
        double fs = getSkinnable().getFontSize();
        lineWidth(g, ("dh".equals(s.key()) ? 3 : 2.5) * Math.max(1, fs / 16));
        g.setLineDashes(s.dashes());
        g.beginPath();
        boolean open = false;
        for (int t = 0; t < Math.min(n, v.length); t++) {
            if (Double.isNaN(v[t])) {
                open = false;
                continue;
            }
            double y = Double.isInfinite(v[t]) ? plotY : yOf(v[t]);
            if (open) {
                g.lineTo(xOf(t), y);
            } else {
                g.moveTo(xOf(t), y);
                open = true;
            }
        }
        g.stroke();
        g.setLineDashes();
        double r = n <= 80 ? Math.max(4, fs * 0.25) : 2;
        for (int t = 0; t < Math.min(n, v.length); t++) {
            if (Double.isNaN(v[t])) {
                continue;
            }
            double y = Double.isInfinite(v[t]) ? plotY : yOf(v[t]);
            g.fillOval(xOf(t) - r, y - r, 2 * r, 2 * r);
            region("decay." + s.key() + "." + t, xOf(t) - 5, y - 5, 10, 10);
        }
    }

    private void legend(GraphicsContext g, List<Series> all, double w, Theme theme) {
        GradientDecay c = getSkinnable();
        double fs = c.getFontSize();
        double x = plotX;
        double y = plotY - fs * 0.8;
        javafx.scene.text.Font f = font(0.85, false);
        for (Series s : all) {
            String text = Messages.get("decay.legend." + s.key());
            double tw = richWidth(text, f);
            if (x + fs * 1.7 + tw > w) {
                break; // the rest of the key would be cut at the edge: left out with its swatch
            }
            g.setStroke(s.color());
            lineWidth(g, 3);
            g.setLineDashes(s.dashes());
            g.strokeLine(x, y, x + fs * 1.4, y);
            g.setLineDashes();
            labelRich(CanvasLabels.HIGH, text, f, theme.foreground(), x + fs * 1.7, y, TextAlignment.LEFT);
            region("decay.legend." + s.key(), x, y - fs * 0.6, fs * 1.7 + tw, fs * 1.2);
            x += fs * 2.6 + tw;
        }
        if (c.showProductProperty().get() && c.productProperty().get() == null) {
            double tw = labelRich(CanvasLabels.NORMAL, Messages.get("decay.product.na"), f, Palette.VERMILLION, x, y,
                    TextAlignment.LEFT);
            region("decay.product.na", x, y - fs * 0.6, tw, fs * 1.2);
        }
    }

    private static String decade(int e) {
        return LogAxis.label(e);
    }

    @Override
    protected String describe(String id) {
        String[] p = id.split("\\.");
        if (p.length == 3 && id.startsWith("decay.") && p[2].chars().allMatch(Character::isDigit)) {
            for (Series s : series(theme())) {
                if (s.key().equals(p[1])) {
                    int t = Integer.parseInt(p[2]);
                    return Messages.format("decay.hover." + s.key(), t + 1, NumberText.sci(s.values()[t]));
                }
            }
        }
        return null;
    }
}
