package rnnlab.ui.seq2seq;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * Builds {@link AttentionStepView}: a heading, the step's equations, a line of values and the values
 * table. Listens to the control's frame only (removed in {@link #dispose()}). A label whose text is
 * unchanged is not set again, so what stays the same from one step to the next (the equations, the
 * input column, a row BPTT has passed) is neither laid out nor repainted again. The table is a grid of
 * plain labels, one per number, reused from step to step: a TableView re-rendered every row's and
 * cell's background and border on each step, about 40 % of the window's renderer time (bench-ui --seq2seq).
 */
final class AttentionStepSkin extends SkinBase<AttentionStepView> {
    /** Bundle keys of the columns: step, token, score, weight, share (forward), ∂L/∂a, ∂L/∂e, ‖∂L/∂h_s‖ delivered and in total (BPTT). */
    private static final String[] COLUMNS = {"s2s.col.step", "s2s.col.token", "s2s.col.score", "s2s.col.weight",
        "s2s.col.share", "s2s.col.weightGrad", "s2s.col.scoreGrad", "s2s.col.stateGrad",
        "s2s.col.totalGrad"};
    private static final int SHARE = 4;
    private static final int FIRST_GRAD = 5;

    private final VBox box = new VBox(6);
    private final Label heading = new Label();
    private final Label score = new Label();
    private final Label softmax = new Label();
    private final Label context = new Label();
    private final Label values = new Label();
    private final GridPane table = new GridPane();
    private final Label[] headers = new Label[COLUMNS.length];
    private final List<Label[]> cells = new ArrayList<>();
    private final Label placeholder = new Label(Messages.get("s2s.values.none"));
    private List<AttentionStepView.Row> rows = List.of();
    private boolean backward;
    private int shows;

    AttentionStepSkin(AttentionStepView v) {
        super(v);
        heading.getStyleClass().add("s2s-heading");
        heading.setStyle("-fx-font-weight: bold;");
        for (Label l : new Label[] {heading, score, softmax, context, values, placeholder}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Label l : new Label[] {score, softmax, context, values}) {
            l.getStyleClass().add("mono");
        }
        table.setId("s2s.values");
        table.getStyleClass().add("s2s-values");
        table.setHgap(14);
        table.setVgap(2);
        for (int c = 0; c < COLUMNS.length; c++) {
            headers[c] = cellLabel();
            headers[c].setText(Messages.get(COLUMNS[c]));
            headers[c].setStyle("-fx-font-weight: bold;");
            table.add(headers[c], c, 0);
        }
        columns(false);
        box.getChildren().addAll(heading, score, softmax, context, values, placeholder, table);
        getChildren().add(box);
        registerChangeListener(v.frameProperty(), o -> show(v.getFrame()));
        show(v.getFrame());
    }

    private static Label cellLabel() {
        Label l = new Label();
        l.setMinWidth(Region.USE_PREF_SIZE); // a number is never cut to "…"
        return l;
    }

    /** Shows the forward columns (share of the context) or the BPTT ones (the gradients). */
    private void columns(boolean back) {
        backward = back;
        for (int c = SHARE; c < COLUMNS.length; c++) {
            boolean on = c == SHARE ? !back : back;
            headers[c].setVisible(on);
            headers[c].setManaged(on);
            for (Label[] r : cells) {
                r[c].setVisible(on && r[0].isVisible());
                r[c].setManaged(on && r[0].isManaged());
            }
        }
    }

    /** Puts the rows into the grid, reusing its labels; labels of rows past the end are hidden. */
    private void setRows(List<AttentionStepView.Row> list) {
        rows = List.copyOf(list);
        while (cells.size() < rows.size()) {
            Label[] r = new Label[COLUMNS.length];
            for (int c = 0; c < r.length; c++) {
                r[c] = cellLabel();
                table.add(r[c], c, cells.size() + 1);
            }
            cells.add(r);
        }
        for (int i = 0; i < cells.size(); i++) {
            Label[] r = cells.get(i);
            boolean on = i < rows.size();
            if (on) {
                AttentionStepView.Row row = rows.get(i);
                String[] t = {row.step(), row.token(), row.score(), row.weight(), row.share(), row.weightGrad(),
                    row.scoreGrad(), row.stateGrad(), row.totalGrad()};
                for (int c = 0; c < r.length; c++) {
                    set(r[c], t[c]);
                }
            }
            for (int c = 0; c < r.length; c++) {
                boolean col = c < SHARE || (c == SHARE ? !backward : backward);
                if (r[c].isVisible() != (on && col)) {
                    r[c].setVisible(on && col);
                    r[c].setManaged(on && col);
                }
            }
        }
        boolean empty = rows.isEmpty();
        placeholder.setVisible(empty);
        placeholder.setManaged(empty);
        table.setVisible(!empty);
        table.setManaged(!empty);
    }

    /** How often a frame was shown (tests: a disposed skin shows no more). */
    int showCount() {
        return shows;
    }

    /** The values grid (its first row the column headings). */
    GridPane table() {
        return table;
    }

    List<AttentionStepView.Row> rows() {
        return rows;
    }

    String headingText() {
        return heading.getText();
    }

    String contextText() {
        return values.getText();
    }

    private static void set(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    private void show(Seq2SeqFrame fr) {
        shows++;
        String[] t = texts(fr);
        set(heading, t[0]);
        set(score, t[1]);
        set(softmax, t[2]);
        set(context, t[3]);
        set(values, t[4]);
    }

    /** Heading, three equations and the values line of a frame; fills the table. */
    private String[] texts(Seq2SeqFrame fr) {
        String[] out = {"", "", "", "", ""};
        if (fr == null) {
            setRows(List.of());
            out[0] = Messages.get("s2s.empty");
            return out;
        }
        Seq2SeqPlayback.Snapshot s = fr.snap();
        boolean back = s.backward();
        if (back != backward) {
            columns(back);
        }
        if (back) {
            return backward(fr, s, s.grad(), out);
        }
        int t = s.decoderStep();
        if (t < 0) {
            setRows(List.of());
            out[0] = Messages.format("s2s.step.encoder", s.encoderDone(), fr.sourceLength());
            out[1] = Messages.format("s2s.eq.encoder");
            out[2] = Messages.format("s2s.eq.bridge");
            if (s.bridge() != null) {
                out[4] = Messages.format("s2s.values.bridge", vector(s.bridge()));
            }
            return out;
        }
        out[0] = Messages.format("s2s.step.decoder", t + 1, fr.outputLength(), fr.outputs()[t],
                NumberText.num3(s.confidence()[t]));
        if (!fr.attention()) {
            setRows(List.of());
            out[1] = Messages.format("s2s.eq.noAttention");
            out[2] = Messages.format("s2s.eq.decoderNone");
            out[4] = Messages.format("s2s.values.bridge", vector(s.bridge()));
            return out;
        }
        out[1] = Messages.format("s2s.eq.score." + fr.attentionId());
        out[2] = Messages.format("s2s.eq.softmax");
        out[3] = Messages.format("s2s.eq.context");
        double[] e = s.scores()[t];
        double[] a = s.weights()[t];
        List<AttentionStepView.Row> rows = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            double norm = Seq2SeqPlayback.Backward.norm(s.encoderStates()[i]);
            rows.add(new AttentionStepView.Row(Integer.toString(i + 1), fr.source()[i], NumberText.num3(e[i]),
                    NumberText.num3(a[i]), NumberText.num3(a[i] * norm)));
        }
        setRows(rows);
        out[4] = Messages.format("s2s.values.context", t + 1, vector(s.contexts()[t]));
        return out;
    }

    /** BPTT: which step it is passing, the gradient equations and dL/da, dL/de, ‖dL/dh_s‖ for every input. */
    private String[] backward(Seq2SeqFrame fr, Seq2SeqPlayback.Snapshot s, Seq2SeqPlayback.Backward g, String[] out) {
        int t = g.current();
        if (t >= 0) {
            out[0] = Messages.format("s2s.step.bpttDecoder", g.step(), fr.backwardSteps(), t + 1, NumberText.num3(g.loss()));
        } else {
            out[0] = Messages.format("s2s.step.bpttEncoder", g.step(), fr.backwardSteps(), g.encoderPassed(),
                    fr.encoderSteps(), NumberText.num3(g.loss()));
        }
        double[] norms = g.encoderGradientNorms();
        double[] totals = g.encoderTotalNorms();
        if (fr.attention()) {
            out[1] = Messages.get("s2s.eq.gradWeight");
            out[2] = Messages.get("s2s.eq.gradScore");
            out[3] = Messages.get("s2s.eq.gradState");
        } else {
            out[1] = Messages.get("s2s.eq.gradBridge");
        }
        int row = t >= 0 ? t : 0;
        List<AttentionStepView.Row> rows = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            boolean att = fr.attention() && g.weightGradients()[row] != null;
            rows.add(new AttentionStepView.Row(Integer.toString(i + 1), fr.source()[i],
                    att ? NumberText.num3(s.scores()[row][i]) : "", att ? NumberText.num3(s.weights()[row][i]) : "", "",
                    att ? NumberText.num3(g.weightGradients()[row][i]) : "", att ? NumberText.num3(g.scoreGradients()[row][i]) : "",
                    NumberText.num3(norms[i]), Double.isNaN(totals[i]) ? "" : NumberText.num3(totals[i])));
        }
        setRows(rows);
        out[4] = t >= 0 ? Messages.format("s2s.values.decoderGrad", t + 1, vector(g.decoderStateGradients()[t]))
                : Messages.get("s2s.values.encoderGrad") + "\n" + Messages.get("s2s.eq.gradTotal");
        return out;
    }

    /** The first numbers of a vector, "[0.123, −0.456, …]" (at most 8). */
    static String vector(double[] v) {
        if (v == null) {
            return "—";
        }
        StringBuilder sb = new StringBuilder("[");
        int n = Math.min(8, v.length);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(NumberText.num3(v[i]));
        }
        if (v.length > n) {
            sb.append(", \u2026");
        }
        return sb.append(']').toString();
    }
}
