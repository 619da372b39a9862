package rnnlab.ui.textlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import rnnlab.analysis.Activations;
import rnnlab.analysis.UnitSearch;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * The ranked units of a unit search, each as a row under the text (LSTMVis-style): its name and correlation,
 * and a strip of its activation over the characters on screen, in the text's order. Clicking a row follows
 * that unit: the text is shaded by it.
 */
public final class UnitRows extends VBox {
    private final List<Row> rows = new ArrayList<>();
    private Activations acts;
    private Consumer<UnitSearch.Hit> onFollow = h -> { };
    private int from;
    private int to;
    private UnitSearch.Hit followed;

    public UnitRows() {
        setSpacing(2);
        setPadding(new Insets(4));
        setId(Ids.of("textlab.units"));
    }

    public void setOnFollow(Consumer<UnitSearch.Hit> c) {
        onFollow = c;
    }

    /** Shows {@code hits} of {@code acts}. */
    public void show(Activations acts, List<UnitSearch.Hit> hits) {
        this.acts = acts;
        rows.clear();
        getChildren().clear();
        for (UnitSearch.Hit h : hits) {
            Row r = new Row(h);
            rows.add(r);
            getChildren().add(r.box);
        }
        redraw();
    }

    public List<UnitSearch.Hit> hits() {
        return rows.stream().map(r -> r.hit).toList();
    }

    /** The row labels as shown ("unit 17 corr 0.83 …"). */
    public List<String> labels() {
        return rows.stream().map(r -> r.label.getText()).toList();
    }

    /** How many row labels are narrower than their text (cut with an ellipsis); tests. */
    public int labelsCut() {
        if (getScene() != null) {
            getScene().getRoot().applyCss();
            getScene().getRoot().layout();
        }
        int n = 0;
        for (Row r : rows) {
            if (r.label.getWidth() + 0.5 < needed(r.label)) {
                n++;
            }
        }
        return n;
    }

    /** The width a label needs to show its whole text in its font. */
    private static double needed(Label l) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(l.getText());
        t.setFont(l.getFont());
        return t.getLayoutBounds().getWidth() + l.getPadding().getLeft() + l.getPadding().getRight() + 2;
    }

    /** Characters {@code from} to {@code to} are on screen: the strips show those. */
    public void setWindow(int from, int to) {
        this.from = from;
        this.to = to;
        redraw();
    }

    public void follow(UnitSearch.Hit h) {
        followed = h;
        for (Row r : rows) {
            r.box.setStyle(r.hit.equals(h) ? "-fx-background-color: -rl-hit-row;" : "");
        }
        onFollow.accept(h);
    }

    public UnitSearch.Hit followed() {
        return followed;
    }

    /** Clicks row {@code i} (as a user would). */
    public void click(int i) {
        follow(rows.get(i).hit);
    }

    /** The row labels' width: the widest label's, so none is cut (Chinese labels are wider than English). */
    private double labelWidth = 230;

    @Override
    protected void layoutChildren() {
        double w = 0;
        for (Row r : rows) {
            w = Math.max(w, needed(r.label));
        }
        double lw = Math.ceil(Math.max(120, w));
        if (lw != labelWidth) {
            labelWidth = lw;
            for (Row r : rows) {
                r.label.setMinWidth(lw);
                r.label.setPrefWidth(lw);
                r.fit(r.box.getWidth());
            }
        }
        super.layoutChildren();
    }

    /** A correlation as shown: two decimals, with a true minus sign. */
    static String corr(double c) {
        return String.format(Locale.ROOT, "%.2f", c).replace('-', '\u2212');
    }

    private void redraw() {
        for (Row r : rows) {
            r.draw();
        }
    }

    private final class Row {
        final UnitSearch.Hit hit;
        final Label label;
        final Canvas strip = new Canvas(400, 16);
        final HBox box;

        Row(UnitSearch.Hit hit) {
            this.hit = hit;
            label = new Label(Messages.format("textlab.unitRow", hit.unit().unit(), corr(hit.corr()), hit.unit().key()));
            label.setMinWidth(labelWidth);
            label.setPrefWidth(labelWidth);
            box = new HBox(8, label, strip);
            box.setId(Ids.of("textlab.unit." + hit.unit().key()));
            HBox.setHgrow(strip, Priority.ALWAYS);
            box.widthProperty().addListener((o, a, b) -> fit(b.doubleValue()));
            box.setOnMouseClicked(e -> follow(hit));
        }

        /** The strip takes what the label leaves of the row's width. */
        void fit(double rowWidth) {
            strip.setWidth(Math.max(50, rowWidth - labelWidth - box.getSpacing() - 12));
            draw();
        }

        void draw() {
            GraphicsContext g = strip.getGraphicsContext2D();
            double w = strip.getWidth();
            double h = strip.getHeight();
            g.clearRect(0, 0, w, h);
            g.setFill(rnnlab.ui.controls.Palette.ROW_VEIL);
            g.fillRect(0, 0, w, h);
            if (acts == null || to <= from) {
                return;
            }
            float[] v = acts.trace(hit.index());
            double scale = Shading.scaleOf(v);
            int n = to - from;
            double cw = w / n;
            for (int i = 0; i < n; i++) {
                Color c = Shading.of(v[from + i], scale, true);
                if (c != null) {
                    g.setFill(c);
                    g.fillRect(i * cw, 0, Math.max(1, cw), h);
                }
            }
        }
    }
}
