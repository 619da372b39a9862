package rnnlab.ui.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * Builds {@link AttentionStepView}: a heading, the step's equations, a line of values and the table.
 * Listens to the control's frame only (removed in {@link #dispose()}); a label whose text is unchanged is
 * not set again, so the equations, which stay the same from one decoder step to the next, are neither
 * laid out nor repainted again.
 */
final class AttentionStepSkin extends SkinBase<AttentionStepView> {
    private final VBox box = new VBox(6);
    private final Label heading = new Label();
    private final Label score = new Label();
    private final Label softmax = new Label();
    private final Label context = new Label();
    private final Label values = new Label();
    private final TableView<AttentionStepView.Row> table = new TableView<>();
    private final TableColumn<AttentionStepView.Row, String> shareCol = column("s2s.col.share", AttentionStepView.Row::share);
    private final List<TableColumn<AttentionStepView.Row, String>> gradCols = List.of(
            column("s2s.col.weightGrad", AttentionStepView.Row::weightGrad),
            column("s2s.col.scoreGrad", AttentionStepView.Row::scoreGrad),
            column("s2s.col.stateGrad", AttentionStepView.Row::stateGrad));
    private int shows;

    AttentionStepSkin(AttentionStepView v) {
        super(v);
        heading.getStyleClass().add("s2s-heading");
        heading.setStyle("-fx-font-weight: bold;");
        for (Label l : new Label[] {heading, score, softmax, context, values}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Label l : new Label[] {score, softmax, context, values}) {
            l.getStyleClass().add("mono");
        }
        table.setId("s2s.values");
        table.getColumns().add(column("s2s.col.step", AttentionStepView.Row::step));
        table.getColumns().add(column("s2s.col.token", AttentionStepView.Row::token));
        table.getColumns().add(column("s2s.col.score", AttentionStepView.Row::score));
        table.getColumns().add(column("s2s.col.weight", AttentionStepView.Row::weight));
        table.getColumns().add(shareCol);
        table.getColumns().addAll(gradCols);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("s2s.values.none")));
        table.setPrefHeight(200);
        // the table shrinks with the pane (its rows scroll inside it) rather than pushing rows out of the window
        table.setMinHeight(60);
        table.setMinWidth(0);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getChildren().addAll(heading, score, softmax, context, values, table);
        getChildren().add(box);
        registerChangeListener(v.frameProperty(), o -> show(v.getFrame()));
        show(v.getFrame());
    }

    private static TableColumn<AttentionStepView.Row, String> column(String key, Function<AttentionStepView.Row, String> get) {
        TableColumn<AttentionStepView.Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(get.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        fitColumnsToHeaders();
        super.layoutChildren(x, y, w, h);
    }

    private double headerFontPx;

    /**
     * Every column at least as wide as its heading in the current font (the BPTT columns' headings,
     * ‖∂L/∂h_s‖ in a CJK font, were cut to "‖∂L/…" at 1024 px); when they do not all fit the table
     * scrolls sideways.
     */
    private void fitColumnsToHeaders() {
        double px = heading.getFont().getSize();
        if (px == headerFontPx) {
            return;
        }
        headerFontPx = px;
        javafx.scene.text.Font font = javafx.scene.text.Font.font(rnnlab.ui.controls.AppLanguage.family(),
                javafx.scene.text.FontWeight.BOLD, px);
        for (TableColumn<AttentionStepView.Row, ?> c : table.getColumns()) {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(c.getText());
            probe.setFont(font);
            double base = c == table.getColumns().get(0) ? 28 : 56;
            c.setMinWidth(Math.max(base, Math.ceil(probe.getLayoutBounds().getWidth()) + 14));
        }
    }

    /** How often a frame was shown (tests: a disposed skin shows no more). */
    int showCount() {
        return shows;
    }

    TableView<AttentionStepView.Row> table() {
        return table;
    }

    List<AttentionStepView.Row> rows() {
        return List.copyOf(table.getItems());
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
            table.getItems().clear();
            out[0] = Messages.get("s2s.empty");
            return out;
        }
        Seq2SeqPlayback.Snapshot s = fr.snap();
        boolean back = s.backward();
        shareCol.setVisible(!back);
        gradCols.forEach(c -> c.setVisible(back));
        if (back) {
            return backward(fr, s, s.grad(), out);
        }
        int t = s.decoderStep();
        if (t < 0) {
            table.getItems().clear();
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
            table.getItems().clear();
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
        table.getItems().setAll(rows);
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
                    NumberText.num3(norms[i])));
        }
        table.getItems().setAll(rows);
        out[4] = t >= 0 ? Messages.format("s2s.values.decoderGrad", t + 1, vector(g.decoderStateGradients()[t]))
                : Messages.get("s2s.values.encoderGrad");
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
