package rnnlab.ui.textlab;

import java.util.function.IntConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A text of any length (20,000 characters and more) drawn on a canvas: only the visible lines are drawn,
 * each character shaded by one value (a unit, a gate, a cell state or a gradient norm), with a scroll bar,
 * a minimap of the whole text at the right (click or drag it to jump), a selection made by dragging, search
 * matches and one marked position (the output connectivity looks back from).
 */
public final class LongTextView extends Region {
    static final double MINIMAP = 64;
    private final Canvas canvas = new Canvas();
    private final Canvas minimap = new Canvas();
    /** The minimap's visible-part frame and search mark, over the minimap, which is redrawn only when its content changes. */
    private final Canvas minimapFrame = new Canvas();
    private boolean minimapDirty = true;
    private final ScrollBar bar = new ScrollBar();
    private final DoubleProperty scrollY = new SimpleDoubleProperty(this, "scrollY", 0);
    private Font font = Font.font("Monospaced", 14);
    private double cw = 8.4;
    private double lh = 19;
    private int[] cps = new int[0];
    private TextLayout layout = new TextLayout(cps, 80);
    private float[] values;
    private double scale = 1;
    private boolean signed = true;
    private int selFrom = -1;
    private int selTo = -1;
    private int anchor = -1;
    private int matchFrom = -1;
    private int matchTo = -1;
    private int marked = -1;
    private boolean dark;
    private IntConsumer onClick = i -> { };
    private Runnable onSelection = () -> { };
    private Runnable onScroll = () -> { };
    private double[] lineMean = new double[0];
    private long frames;

    public LongTextView() {
        getStyleClass().add("long-text-view");
        bar.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, minimap, minimapFrame, bar);
        minimapFrame.setMouseTransparent(true);
        setFontSize(14);
        bar.valueProperty().bindBidirectional(scrollY);
        scrollY.addListener((o, a, b) -> {
            draw();
            onScroll.run();
        });
        canvas.setOnScroll(e -> scrollBy(-e.getDeltaY()));
        canvas.setOnMousePressed(e -> {
            anchor = hit(e.getX(), e.getY());
            selFrom = anchor;
            selTo = anchor < 0 ? -1 : anchor + 1;
            draw();
        });
        canvas.setOnMouseDragged(e -> {
            int i = hit(e.getX(), e.getY());
            if (anchor >= 0 && i >= 0) {
                selFrom = Math.min(anchor, i);
                selTo = Math.max(anchor, i) + 1;
                draw();
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (anchor < 0) {
                return;
            }
            if (selTo - selFrom <= 1) {
                onClick.accept(anchor);
            } else {
                onSelection.run();
            }
        });
        minimap.setOnMousePressed(e -> jumpMinimap(e.getY()));
        minimap.setOnMouseDragged(e -> jumpMinimap(e.getY()));
        setMinSize(200, 120);
        setPrefSize(900, 520);
    }

    /** The font size in points (the projector theme shows bigger text). */
    public void setFontSize(double size) {
        font = Font.font("Monospaced", size);
        Text t = new Text("M".repeat(10));
        t.setFont(font);
        cw = t.getLayoutBounds().getWidth() / 10;
        lh = Math.ceil(t.getLayoutBounds().getHeight() * 1.25);
        relayout();
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        minimapDirty = true;
        draw();
    }

    /** Shows {@code cps} (code points), unshaded, at the top. */
    public void setText(int[] cps) {
        this.cps = cps;
        values = null;
        selFrom = selTo = matchFrom = matchTo = marked = -1;
        relayout();
        minimapDirty = true;
        scrollY.set(0);
        draw();
    }

    /** Shades each character by {@code v} (one value per character; null for none). */
    public void setValues(float[] v, boolean signed) {
        if (v != null && v.length != cps.length) {
            throw new IllegalArgumentException("one value per character: " + cps.length + ", got " + v.length);
        }
        this.values = v;
        this.signed = signed;
        this.scale = v == null ? 1 : Shading.scaleOf(v);
        computeLineMeans();
        minimapDirty = true;
        draw();
    }

    public float[] values() {
        return values;
    }

    public void setOnCharClicked(IntConsumer c) {
        onClick = c;
    }

    public void setOnSelection(Runnable r) {
        onSelection = r;
    }

    public void setOnScrolled(Runnable r) {
        onScroll = r;
    }

    public int selectionFrom() {
        return selFrom;
    }

    public int selectionTo() {
        return selTo;
    }

    public void select(int from, int to) {
        selFrom = from;
        selTo = to;
        draw();
    }

    public void setMarked(int i) {
        marked = i;
        draw();
    }

    public int marked() {
        return marked;
    }

    /** Highlights characters {@code from}..{@code to} (a search match) and scrolls them into the middle. */
    public void showMatch(int from, int to) {
        matchFrom = from;
        matchTo = to;
        if (from >= 0) {
            scrollToChar(from);
        }
        draw();
    }

    /** Scrolls so that character {@code i} is in the middle of the view. */
    public void scrollToChar(int i) {
        if (cps.length == 0) {
            return;
        }
        int line = layout.lineOf(Math.max(0, Math.min(cps.length - 1, i)));
        scrollY.set(clampScroll(line * lh - canvas.getHeight() / 2));
    }

    public void scrollBy(double dy) {
        scrollY.set(clampScroll(scrollY.get() + dy));
    }

    public DoubleProperty scrollYProperty() {
        return scrollY;
    }

    public double maxScroll() {
        return Math.max(0, layout.lines() * lh - canvas.getHeight());
    }

    private double clampScroll(double y) {
        return Math.max(0, Math.min(maxScroll(), y));
    }

    public TextLayout layoutInfo() {
        return layout;
    }

    /** The first and one-past-last characters on screen. */
    public int firstVisibleChar() {
        if (cps.length == 0) {
            return 0;
        }
        return layout.lineStart(Math.min(layout.lines() - 1, (int) (scrollY.get() / lh)));
    }

    public int endVisibleChar() {
        if (cps.length == 0) {
            return 0;
        }
        int last = (int) ((scrollY.get() + canvas.getHeight()) / lh);
        return layout.lineEnd(Math.min(layout.lines() - 1, Math.max(0, last)));
    }

    /** Frames drawn so far (for the scrolling benchmark). */
    public long frames() {
        return frames;
    }

    /** The character under canvas point (x, y), or −1. */
    public int hit(double x, double y) {
        if (cps.length == 0) {
            return -1;
        }
        int line = (int) ((y + scrollY.get()) / lh);
        if (line < 0 || line >= layout.lines()) {
            return -1;
        }
        return layout.charAt(line, (int) ((x - 4) / cw));
    }

    public Canvas canvas() {
        return canvas;
    }

    public Canvas minimapCanvas() {
        return minimap;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = bar.prefWidth(-1);
        double tw = Math.max(50, w - MINIMAP - bw);
        boolean widthChanged = Math.abs(canvas.getWidth() - tw) > 0.5;
        canvas.setWidth(tw);
        canvas.setHeight(h);
        if (minimap.getLayoutX() != tw || minimap.getHeight() != h) {
            minimapDirty = true;
        }
        minimap.setLayoutX(tw);
        minimap.setWidth(MINIMAP);
        minimap.setHeight(h);
        minimapFrame.setLayoutX(tw);
        minimapFrame.setWidth(MINIMAP);
        minimapFrame.setHeight(h);
        bar.resizeRelocate(tw + MINIMAP, 0, bw, h);
        if (widthChanged) {
            relayout();
        }
        draw();
    }

    private void relayout() {
        int cols = (int) Math.max(8, (canvas.getWidth() - 8) / cw);
        if (cols != layout.columns() || layout.length() != cps.length) {
            int keep = firstVisibleCharSafe();
            layout = new TextLayout(cps, cols);
            computeLineMeans();
            minimapDirty = true;
            updateBar();
            if (keep > 0) {
                scrollY.set(clampScroll(layout.lineOf(keep) * lh));
            }
        } else {
            updateBar();
        }
    }

    private int firstVisibleCharSafe() {
        return layout.length() == cps.length && cps.length > 0 ? firstVisibleChar() : 0;
    }

    private void updateBar() {
        bar.setMin(0);
        bar.setMax(Math.max(0, maxScroll()));
        bar.setVisibleAmount(Math.max(1, canvas.getHeight()));
        bar.setUnitIncrement(lh);
        bar.setBlockIncrement(Math.max(lh, canvas.getHeight() - lh));
    }

    private void computeLineMeans() {
        lineMean = new double[layout.lines()];
        if (values == null) {
            return;
        }
        for (int l = 0; l < layout.lines(); l++) {
            int a = layout.lineStart(l);
            int b = layout.lineEnd(l);
            double s = 0;
            for (int i = a; i < b; i++) {
                s += values[i];
            }
            lineMean[l] = b > a ? s / (b - a) : 0;
        }
    }

    private void jumpMinimap(double y) {
        if (layout.lines() == 0) {
            return;
        }
        double line = y / minimap.getHeight() * layout.lines();
        scrollY.set(clampScroll(line * lh - canvas.getHeight() / 2));
    }

    /** Draws the visible lines and the minimap. */
    void draw() {
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Color bg = rnnlab.ui.controls.Theme.of(dark).background();
        Color fg = rnnlab.ui.controls.Theme.of(dark).foreground();
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        if (cps.length > 0) {
            int first = Math.max(0, (int) (scrollY.get() / lh));
            int last = Math.min(layout.lines() - 1, (int) ((scrollY.get() + h) / lh));
            char[] buf = new char[2];
            StringBuilder run = new StringBuilder();
            for (int l = first; l <= last; l++) {
                double y = l * lh - scrollY.get();
                int a = layout.lineStart(l);
                int b = layout.lineEnd(l);
                // the shading: adjacent characters of the same colour (a saturated unit gives many) as one rectangle
                if (values != null) {
                    Color runColour = null;
                    double runFrom = 0;
                    double runTo = 0;
                    for (int i = a; i < b; i++) {
                        int cp = cps[i];
                        double x = 4 + layout.column(i) * cw;
                        double to = x + (cp == '\n' ? cw * 0.5 : TextLayout.width(cp) * cw);
                        Color c = Shading.of(values[i], scale, signed);
                        if (c != null && c.equals(runColour) && Math.abs(runTo - x) < 0.01) {
                            runTo = to;
                            continue;
                        }
                        if (runColour != null) {
                            g.setFill(runColour);
                            g.fillRect(runFrom, y, runTo - runFrom, lh);
                        }
                        runColour = c;
                        runFrom = x;
                        runTo = to;
                    }
                    if (runColour != null) {
                        g.setFill(runColour);
                        g.fillRect(runFrom, y, runTo - runFrom, lh);
                    }
                }
                // search match, selection and the marked character, if this line has any
                if (a < matchTo && b > matchFrom || a < selTo && b > selFrom || marked >= a && marked < b) {
                    for (int i = a; i < b; i++) {
                        double x = 4 + layout.column(i) * cw;
                        double cwi = TextLayout.width(cps[i]) * cw;
                        if (i >= matchFrom && i < matchTo) {
                            g.setFill(rnnlab.ui.controls.Palette.SEARCH_HIT);
                            g.fillRect(x, y + lh - 4, cwi, 4);
                        }
                        if (i >= selFrom && i < selTo) {
                            g.setStroke(dark ? Color.WHITE : Color.BLACK);
                            g.setLineWidth(1);
                            g.strokeLine(x, y + lh - 1, x + cwi, y + lh - 1);
                        }
                        if (i == marked) {
                            g.setStroke(rnnlab.ui.controls.Palette.CURSOR);
                            g.setLineWidth(2);
                            g.strokeRect(x + 1, y + 1, cwi - 2, lh - 2);
                        }
                    }
                }
                // the characters: a run of printable ASCII (one advance each in the monospaced font) as one
                // fillText, anything else (wide, or a fallback font's glyph) alone at its column
                g.setFill(fg);
                run.setLength(0);
                double runX = 0;
                for (int i = a; i < b; i++) {
                    int cp = cps[i];
                    double x = 4 + layout.column(i) * cw;
                    boolean ascii = cp > ' ' && cp < 0x7F || cp == ' ' && run.length() > 0;
                    if (ascii && run.length() > 0 && Math.abs(runX + run.length() * cw - x) < 0.01) {
                        run.append((char) cp);
                        continue;
                    }
                    if (run.length() > 0) {
                        g.fillText(run.toString(), runX, y + 1);
                        run.setLength(0);
                    }
                    if (ascii) {
                        run.append((char) cp);
                        runX = x;
                    } else if (cp != '\n' && cp != ' ' && cp != '\t') {
                        int n = Character.toChars(cp, buf, 0);
                        g.fillText(new String(buf, 0, n), x, y + 1);
                    }
                }
                if (run.length() > 0) {
                    g.fillText(run.toString(), runX, y + 1);
                }
            }
        }
        if (minimapDirty) {
            drawMinimap();
            minimapDirty = false;
        }
        drawMinimapFrame();
    }

    /** The part of the text in view, and the search match, over the minimap (every scroll). */
    private void drawMinimapFrame() {
        GraphicsContext g = minimapFrame.getGraphicsContext2D();
        double w = minimapFrame.getWidth();
        double h = minimapFrame.getHeight();
        g.clearRect(0, 0, w, h);
        int n = layout.lines();
        if (n == 0 || cps.length == 0) {
            return;
        }
        double top = scrollY.get() / (n * lh) * h;
        double vh = Math.max(4, canvas.getHeight() / (n * lh) * h);
        g.setStroke(rnnlab.ui.controls.Theme.of(dark).line());
        g.setLineWidth(1.5);
        g.strokeRect(1, top, w - 2, Math.min(h - top, vh));
        if (matchFrom >= 0) {
            g.setFill(rnnlab.ui.controls.Palette.MINIMAP_MARK);
            g.fillRect(0, (double) layout.lineOf(matchFrom) / n * h - 1, w, 3);
        }
    }

    /** The whole text's lines and shading (only when they, the size or the theme change). */
    private void drawMinimap() {
        GraphicsContext g = minimap.getGraphicsContext2D();
        double w = minimap.getWidth();
        double h = minimap.getHeight();
        g.setFill(rnnlab.ui.controls.Theme.of(dark).panel());
        g.fillRect(0, 0, w, h);
        int n = layout.lines();
        if (n == 0 || cps.length == 0) {
            return;
        }
        double meanScale = 0;
        for (double m : lineMean) {
            meanScale = Math.max(meanScale, Math.abs(m));
        }
        Color ink = rnnlab.ui.controls.Palette.MINIMAP_INK;
        for (int py = 0; py < (int) h; py++) {
            int la = (int) ((long) py * n / (int) h);
            int lb = Math.max(la + 1, (int) ((long) (py + 1) * n / (int) h));
            double s = 0;
            int len = 0;
            for (int l = la; l < Math.min(n, lb); l++) {
                s += lineMean.length > l ? lineMean[l] : 0;
                len = Math.max(len, layout.lineEnd(l) - layout.lineStart(l));
            }
            double mean = s / Math.max(1, Math.min(n, lb) - la);
            double lw = Math.min(w - 4, 2 + (w - 6) * len / (double) layout.columns());
            g.setFill(ink);
            g.fillRect(2, py, lw, 1);
            Color c = Shading.of(mean, meanScale, signed);
            if (c != null) {
                g.setFill(c);
                g.fillRect(2, py, w - 4, 1);
            }
        }
    }
}
