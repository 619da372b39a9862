package rnnlab.ui.seq2seq;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * The equations and values of the current step: for a decoder step with attention, score → softmax →
 * context written for this model's kind of attention, then a table with, for every encoder step, its
 * token, the score e_{t,s}, the weight a_{t,s} and ‖a_{t,s} h_s‖; the context c_t below. While encoding
 * (and without attention) it shows the bridge s₀ = tanh(W_b h_T + b_b).
 */
final class AttentionStepPane extends VBox {
    /** One row of the values table. */
    record Row(String step, String token, String score, String weight, String share, String weightGrad,
               String scoreGrad, String stateGrad, String totalGrad) {
        Row(String step, String token, String score, String weight, String share) {
            this(step, token, score, weight, share, "", "", "", "");
        }
    }

    private final Label heading = new Label();
    private final Label score = new Label();
    private final Label softmax = new Label();
    private final Label context = new Label();
    private final Label values = new Label();
    private final TableView<Row> table = new TableView<>();
    private final TableColumn<Row, String> shareCol = column("s2s.col.share", Row::share);
    private final List<TableColumn<Row, String>> gradCols = List.of(column("s2s.col.weightGrad", Row::weightGrad),
            column("s2s.col.scoreGrad", Row::scoreGrad), column("s2s.col.stateGrad", Row::stateGrad),
            column("s2s.col.totalGrad", Row::totalGrad));

    AttentionStepPane() {
        setId("s2s.step");
        setSpacing(6);
        getStyleClass().add("s2s-step");
        heading.getStyleClass().add("s2s-heading");
        heading.setStyle("-fx-font-weight: bold;");
        for (Label l : new Label[] {score, softmax, context, values}) {
            l.setWrapText(true);
            l.getStyleClass().add("mono");
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        table.setId("s2s.values");
        table.getColumns().add(column("s2s.col.step", Row::step));
        table.getColumns().add(column("s2s.col.token", Row::token));
        table.getColumns().add(column("s2s.col.score", Row::score));
        table.getColumns().add(column("s2s.col.weight", Row::weight));
        table.getColumns().add(shareCol);
        table.getColumns().addAll(gradCols);
        for (TableColumn<Row, ?> c : table.getColumns()) {
            c.setMinWidth(c == table.getColumns().get(0) ? 36 : 72);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("s2s.values.none")));
        table.setPrefHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(heading, score, softmax, context, values, table);
    }

    private static TableColumn<Row, String> column(String key, java.util.function.Function<Row, String> get) {
        TableColumn<Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(get.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    List<Row> rows() {
        return List.copyOf(table.getItems());
    }

    String headingText() {
        return heading.getText();
    }

    String contextText() {
        return values.getText();
    }

    void show(Seq2SeqPlayback p, Seq2SeqPlayback.Snapshot s) {
        table.getItems().clear();
        score.setText("");
        softmax.setText("");
        context.setText("");
        values.setText("");
        if (p == null || s == null) {
            heading.setText(Messages.get("s2s.empty"));
            return;
        }
        boolean back = s.backward();
        shareCol.setVisible(!back);
        gradCols.forEach(c -> c.setVisible(back));
        if (back) {
            showBackward(p, s, s.grad());
            return;
        }
        int t = s.decoderStep();
        if (t < 0) {
            heading.setText(Messages.format("s2s.step.encoder", s.encoderDone(), p.sourceLength()));
            score.setText(Messages.format("s2s.eq.encoder"));
            softmax.setText(Messages.format("s2s.eq.bridge"));
            if (s.bridge() != null) {
                values.setText(Messages.format("s2s.values.bridge", vector(s.bridge())));
            }
            return;
        }
        int tok = s.outputs()[t];
        String shown = tok == Seq2SeqPlayback.END ? Messages.get("s2s.endToken") : p.targetSymbol(tok);
        heading.setText(Messages.format("s2s.step.decoder", t + 1, p.outputLength(), shown,
                NumberText.num3(s.confidence()[t])));
        if (!p.hasAttention()) {
            score.setText(Messages.format("s2s.eq.noAttention"));
            softmax.setText(Messages.format("s2s.eq.decoderNone"));
            values.setText(Messages.format("s2s.values.bridge", vector(s.bridge())));
            return;
        }
        score.setText(Messages.format("s2s.eq.score." + p.attentionId()));
        softmax.setText(Messages.format("s2s.eq.softmax"));
        context.setText(Messages.format("s2s.eq.context"));
        double[] e = s.scores()[t];
        double[] a = s.weights()[t];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            double norm = 0;
            for (double v : s.encoderStates()[i]) {
                norm += v * v;
            }
            rows.add(new Row(Integer.toString(i + 1), p.sourceSymbol(p.source()[i]), NumberText.num3(e[i]),
                    NumberText.num3(a[i]), NumberText.num3(a[i] * Math.sqrt(norm))));
        }
        table.getItems().setAll(rows);
        values.setText(Messages.format("s2s.values.context", t + 1, vector(s.contexts()[t])));
    }

    /** BPTT: which step it is passing, the gradient equations and dL/da, dL/de, ‖dL/dh_s‖ for every input. */
    private void showBackward(Seq2SeqPlayback p, Seq2SeqPlayback.Snapshot s, Seq2SeqPlayback.Backward g) {
        int t = g.current();
        if (t >= 0) {
            heading.setText(Messages.format("s2s.step.bpttDecoder", g.step(), p.backwardSteps(), t + 1, NumberText.num3(g.loss())));
        } else {
            heading.setText(Messages.format("s2s.step.bpttEncoder", g.step(), p.backwardSteps(), g.encoderPassed(),
                    p.encoderSteps(), NumberText.num3(g.loss())));
        }
        double[] norms = g.encoderGradientNorms();
        double[] totals = g.encoderTotalNorms();
        if (p.hasAttention()) {
            score.setText(Messages.get("s2s.eq.gradWeight"));
            softmax.setText(Messages.get("s2s.eq.gradScore"));
            context.setText(Messages.get("s2s.eq.gradState"));
        } else {
            score.setText(Messages.get("s2s.eq.gradBridge"));
        }
        int row = t >= 0 ? t : 0;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            boolean att = p.hasAttention() && g.weightGradients()[row] != null;
            rows.add(new Row(Integer.toString(i + 1), p.sourceSymbol(p.source()[i]),
                    att ? NumberText.num3(s.scores()[row][i]) : "", att ? NumberText.num3(s.weights()[row][i]) : "", "",
                    att ? NumberText.num3(g.weightGradients()[row][i]) : "", att ? NumberText.num3(g.scoreGradients()[row][i]) : "",
                    NumberText.num3(norms[i]), Double.isNaN(totals[i]) ? "" : NumberText.num3(totals[i])));
        }
        table.getItems().setAll(rows);
        values.setText(t >= 0 ? Messages.format("s2s.values.decoderGrad", t + 1, vector(g.decoderStateGradients()[t]))
                : Messages.get("s2s.values.encoderGrad") + "\n" + Messages.get("s2s.eq.gradTotal"));
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
