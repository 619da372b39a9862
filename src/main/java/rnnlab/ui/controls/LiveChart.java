package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;

/**
 * A chart for numbers that arrive while something runs (loss, gradient norm, a metric): one Canvas
 * polyline per series, optional min–max bands and dots, vertical event markers (e.g. clip events) and
 * a horizontal reference line (e.g. "solved below 0.04"). Linear or log10 y axis. The x range is
 * fixed when {@link #xMaxProperty()} is set (the planned number of steps), otherwise it follows the
 * data; the y range only grows, to rounded bounds, so the picture does not jump. Appending marks the
 * chart dirty; it repaints at most once per pulse (callers append at a bounded rate).
 *
 * <p>Call every method on the FX thread.
 */
public class LiveChart extends LabCanvasControl {
    /** Beyond this many points a series keeps every other one (a chart is never this many pixels wide). */
    public static final int MAX_POINTS = 20_000;

    /** One line: points in append order (x ascending), an optional band, drawn in one colour. */
    public static final class Series {
        final String name;
        final Color color;
        double[] xs = new double[64];
        double[] ys = new double[64];
        double[] lo;
        double[] hi;
        int n;
        /** Appends kept: 1 of every {@code stride} (grows ×2 each time the series is thinned). */
        int stride = 1;
        long seen;
        boolean dots;
        boolean dashed;
        boolean line = true;
        double width = 2;

        Series(String name, Color color) {
            this.name = name;
            this.color = color;
        }

        void add(double x, double y) {
            if (seen++ % stride != 0) {
                // thinned: keep the newest point as the line's end, without growing
                xs[n - 1] = x;
                ys[n - 1] = y;
                return;
            }
            if (n == MAX_POINTS && lo == null) {
                thin();
            }
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, 2 * n);
                ys = Arrays.copyOf(ys, 2 * n);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        /** Keeps every other point; later appends keep one in twice as many. */
        private void thin() {
            int k = 0;
            for (int i = 0; i < n; i += 2) {
                xs[k] = xs[i];
                ys[k] = ys[i];
                k++;
            }
            n = k;
            stride *= 2;
            seen = 1;
        }

        public int size() {
            return n;
        }

        public double x(int i) {
            return xs[i];
        }

        public double y(int i) {
            return ys[i];
        }

        public String name() {
            return name;
        }

        public Color color() {
            return color;
        }
    }

    private final List<Series> series = new ArrayList<>();
    private double[] markers = new double[16];
    private int markerCount;
    private int scaleEpoch;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final DoubleProperty xMin = new SimpleDoubleProperty(this, "xMin", 0);
    private final DoubleProperty xMax = new SimpleDoubleProperty(this, "xMax", Double.NaN);
    private final DoubleProperty yMinFloor = new SimpleDoubleProperty(this, "yMinFloor", Double.NaN);
    private final DoubleProperty reference = new SimpleDoubleProperty(this, "reference", Double.NaN);
    private final StringProperty referenceLabel = new SimpleStringProperty(this, "referenceLabel", "");
    private final StringProperty markerLabel = new SimpleStringProperty(this, "markerLabel", "");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", "");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    public LiveChart() {
        super("live-chart");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LiveChartSkin(this);
    }

    /** Adds a series; returns its index. {@code name} null: not in the legend. */
    public int addSeries(String name, Color color) {
        series.add(new Series(name, color));
        changed();
        return series.size() - 1;
    }

    /** Draws a dot on every point of the series (for few points, e.g. a sweep). */
    public void setDots(int s, boolean dots) {
        series.get(s).dots = dots;
        changed();
    }

    /** Draws the series' line dashed (e.g. a validation curve beside its solid training curve). */
    public void setDashed(int s, boolean dashed) {
        series.get(s).dashed = dashed;
        changed();
    }

    /** Draws only the dots of the series, no line between them (a scatter). */
    public void setPointsOnly(int s) {
        series.get(s).line = false;
        series.get(s).dots = true;
        changed();
    }

    /**
     * Forgets the axis ranges so far: the next repaint fits the data as it is now (the ranges otherwise
     * only grow, which suits data arriving while something runs, not a chart redrawn from scratch).
     */
    public void resetScale() {
        scaleEpoch++;
        changed();
    }

    int scaleEpoch() {
        return scaleEpoch;
    }

    public void setLineWidth(int s, double w) {
        series.get(s).width = w;
        changed();
    }

    public void append(int s, double x, double y) {
        series.get(s).add(x, y);
        changed();
    }

    /** Appends n points at once. */
    public void append(int s, double[] x, double[] y) {
        Series se = series.get(s);
        for (int i = 0; i < x.length; i++) {
            se.add(x[i], y[i]);
        }
        changed();
    }

    /** Replaces a series' points, with a band from lo to hi at each point (null: no band). */
    public void setPoints(int s, double[] x, double[] y, double[] lo, double[] hi) {
        Series se = series.get(s);
        se.n = 0;
        se.stride = 1;
        se.seen = 0;
        for (int i = 0; i < x.length; i++) {
            se.add(x[i], y[i]);
        }
        se.lo = lo == null ? null : lo.clone();
        se.hi = hi == null ? null : hi.clone();
        changed();
    }

    /** A vertical event marker at x (e.g. a step whose gradients were clipped). */
    public void addMarker(double x) {
        if (markerCount == MAX_POINTS) {
            int k = 0;
            for (int i = 0; i < markerCount; i += 2) {
                markers[k++] = markers[i];
            }
            markerCount = k;
        }
        if (markerCount == markers.length) {
            markers = Arrays.copyOf(markers, 2 * markerCount);
        }
        markers[markerCount++] = x;
        changed();
    }

    /** Removes every point and marker; keeps the series. */
    public void clearData() {
        for (Series s : series) {
            s.n = 0;
            s.stride = 1;
            s.seen = 0;
            s.lo = null;
            s.hi = null;
        }
        markerCount = 0;
        changed();
    }

    /** Removes the series too. */
    public void clearSeries() {
        series.clear();
        markerCount = 0;
        changed();
    }

    public List<Series> series() {
        return java.util.Collections.unmodifiableList(series);
    }

    public int markerCount() {
        return markerCount;
    }

    double[] markersArray() {
        return markers;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** Bumped on every data change (the skin repaints on the next pulse). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    /** log10 y axis (values ≤ 0 are left out). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public DoubleProperty xMinProperty() {
        return xMin;
    }

    /** The right end of the x axis; NaN: follow the data. */
    public DoubleProperty xMaxProperty() {
        return xMax;
    }

    /** The linear y axis starts at or below this (NaN: at the data); 0 keeps bars and errors honest. */
    public DoubleProperty yMinFloorProperty() {
        return yMinFloor;
    }

    /** A horizontal reference line at this y (NaN: none). */
    public DoubleProperty referenceProperty() {
        return reference;
    }

    public StringProperty referenceLabelProperty() {
        return referenceLabel;
    }

    /** The legend text of the event markers (empty: markers not in the legend). */
    public StringProperty markerLabelProperty() {
        return markerLabel;
    }

    /** Shown in the middle while there is no data. */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** Canvas x of a data x as last painted (NaN before the first paint). */
    public double xPixel(double x) {
        return getSkin() instanceof LiveChartSkin s ? s.xPixel(x) : Double.NaN;
    }

    /** Canvas y of a data y as last painted (NaN before the first paint or for y ≤ 0 on a log axis). */
    public double yPixel(double y) {
        return getSkin() instanceof LiveChartSkin s ? s.yPixel(y) : Double.NaN;
    }

    /**
     * The tick labels of both axes as the last paint drew them (canvas pixels): tests check that none touches another.
     * Empty before the first paint.
     */
    public java.util.List<CanvasLabels.Placed> tickLabels() {
        return getSkin() instanceof LiveChartSkin s ? s.tickLabels() : java.util.List.of();
    }
}
