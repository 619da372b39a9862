package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.session.SequenceText;

/**
 * The sequence editor: the text (or numbers) fed to the model, the dictionary symbol → index, and
 * the input vector x_t of the current step — the one-hot encoding, as RNN courses introduce it.
 */
final class SequenceEditor extends VBox {
    private static final int MAX_CELLS = 32;
    private final RunViewModel vm;
    private final Label hint = new Label();
    private final FlowPane dictionary = new FlowPane(6, 6);
    private final Label vectorTitle = new Label();
    private final GridPane vector = new GridPane();
    private int shownStep = -1;
    private double[] shownInputs;
    private int shownLength = -1;
    private final List<Label> heads = new java.util.ArrayList<>();
    private final List<Label> cells = new java.util.ArrayList<>();

    SequenceEditor(RunViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("panel", "sequence-editor");
        setId(Ids.of("panel.sequence"));
        Label title = new Label(Messages.get("sequence.title"));
        title.getStyleClass().add("panel-title");
        TextArea text = new TextArea();
        text.setId(Ids.of("sequence.text"));
        text.setPrefRowCount(2);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(vm.sequenceTextProperty());
        // Tab leaves the text (as in every other field) instead of typing a tab: keyboard users move on
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                text.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Label dictTitle = new Label(Messages.get("sequence.dictionary"));
        dictTitle.getStyleClass().add("subtitle");
        dictionary.setId(Ids.of("sequence.dictionary"));
        vectorTitle.getStyleClass().add("subtitle");
        vectorTitle.setId(Ids.of("sequence.vectorTitle"));
        vectorTitle.setWrapText(true);
        vector.setId(Ids.of("sequence.vector"));
        vector.getStyleClass().add("onehot");
        vector.setHgap(2);
        vector.setVgap(2);
        getChildren().addAll(title, text, hint, dictTitle, dictionary, vectorTitle, vector);
        InvalidationListener refresh = o -> refresh();
        vm.vocab().addListener(refresh);
        vm.editorModeProperty().addListener(refresh);
        vm.frameProperty().addListener(o -> refreshVector(false));
        refresh();
    }

    private void refresh() {
        refreshDictionary();
        refreshVector(true);
    }

    private void refreshDictionary() {
        SequenceText.Mode mode = vm.editorModeProperty().get();
        hint.setText(Messages.get(mode == SequenceText.Mode.CHARS ? "sequence.hint.chars"
                : mode == SequenceText.Mode.SYMBOLS ? "sequence.hint.symbols" : "sequence.hint.numbers"));
        List<String> vocab = vm.vocab();
        dictionary.getChildren().clear();
        for (int i = 0; i < vocab.size() && i < 200; i++) {
            Label chip = new Label(Messages.format("sequence.entry", shown(vocab.get(i)), i));
            chip.getStyleClass().add("chip");
            chip.setId(Ids.of("sequence.symbol." + i));
            dictionary.getChildren().add(chip);
        }
        if (vocab.isEmpty()) {
            Label none = new Label(Messages.get("sequence.noDictionary"));
            none.getStyleClass().add("muted");
            dictionary.getChildren().add(none);
        }
    }

    /**
     * The input vector of the current step. Called for every frame, so it rebuilds the cells only when
     * the step or the sequence changed (playback stays cheap on the FX thread).
     */
    private void refreshVector(boolean force) {
        Frame f = vm.frameProperty().get();
        if (f == null || f.length() == 0) {
            vector.getChildren().clear();
            heads.clear();
            cells.clear();
            vectorTitle.setText("");
            shownInputs = null;
            return;
        }
        int t = Math.max(0, Math.min(f.time(), f.length() - 1));
        double[] x = f.inputs()[t];
        if (!force && t == shownStep && java.util.Arrays.equals(x, shownInputs)) {
            return;
        }
        shownStep = t;
        shownInputs = x;
        List<String> vocab = vm.vocab();
        if (f.tokens() != null) {
            vectorTitle.setText(Messages.format("sequence.onehot", t + 1, shown(f.symbols()[t]), f.tokens()[t]));
        } else {
            vectorTitle.setText(Messages.format("sequence.vector", t + 1));
        }
        int n = Math.min(x.length, MAX_CELLS);
        // the same number of cells as shown: the labels are kept and only their texts and the hot mark set (a new
        // set of labels at every step cost the FX thread its CSS and layout passes while a sequence plays, issue 12)
        boolean reuse = heads.size() == n && x.length == shownLength;
        if (!reuse) {
            vector.getChildren().clear();
            heads.clear();
            cells.clear();
        }
        shownLength = x.length;
        for (int k = 0; k < n; k++) {
            String headText = vocab.size() == x.length && f.tokens() != null ? shown(vocab.get(k)) : String.valueOf(k);
            String cellText = f.tokens() != null ? String.valueOf((int) x[k]) : String.format(java.util.Locale.ROOT, "%.2f", x[k]);
            boolean hot = f.tokens() != null && x[k] == 1.0;
            if (reuse) {
                setIfChanged(heads.get(k), headText);
                Label cell = cells.get(k);
                setIfChanged(cell, cellText);
                if (hot != cell.getStyleClass().contains("hot")) {
                    if (hot) {
                        cell.getStyleClass().add("hot");
                    } else {
                        cell.getStyleClass().remove("hot");
                    }
                }
                continue;
            }
            Label head = new Label(headText);
            head.getStyleClass().add("onehot-head");
            Label cell = new Label(cellText);
            cell.getStyleClass().add("onehot-cell");
            if (hot) {
                cell.getStyleClass().add("hot");
            }
            cell.setAlignment(Pos.CENTER);
            head.setAlignment(Pos.CENTER);
            head.setMaxWidth(Double.MAX_VALUE);
            cell.setMaxWidth(Double.MAX_VALUE);
            vector.add(head, k, 0);
            vector.add(cell, k, 1);
            heads.add(head);
            cells.add(cell);
        }
        if (x.length > n && !reuse) {
            // on a row of its own under the cells: squeezed into a cell's column it was cut ("… 33 m…", issue 12)
            Label more = new Label(Messages.format("sequence.more", x.length - n));
            more.setWrapText(true);
            vector.add(more, 0, 2, Math.max(1, n), 1);
        }
    }

    private static void setIfChanged(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    /** A space is shown as ␣ so it can be seen. */
    static String shown(String s) {
        return " ".equals(s) ? "\u2423" : "\n".equals(s) ? "\u21b5" : s;
    }
}
