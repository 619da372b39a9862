package rnnlab.ui.shell;

import rnnlab.ui.common.Dialogs;
import rnnlab.ui.common.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.CsvTargetPicker;

/**
 * Opening a .csv sequence in the app: which columns are targets, and which loss they have. One check box
 * per column of the header (the reader's default ticked), the loss (the model's head suggests one), and a
 * line that says what the choice leaves; OK only when the rest are exactly the model's inputs.
 */
final class CsvTargetDialog implements CsvTargetPicker {
    private final MainWindow w;

    CsvTargetDialog(MainWindow w) {
        this.w = w;
    }

    @Override
    public Optional<Choice> pick(String fileName, Columns columns) {
        Dialog<Choice> d = build(fileName, columns);
        return d.showAndWait();
    }

    /** The dialog, not shown (tests drive it). */
    Dialog<Choice> build(String fileName, Columns columns) {
        List<CheckBox> boxes = new ArrayList<>();
        FlowPane cols = new FlowPane(12, 6);
        cols.setId(Ids.of("csvTargets.columns"));
        for (String name : columns.header()) {
            CheckBox b = new CheckBox(name);
            b.setId(Ids.of("csvTargets.column." + name));
            b.setSelected(columns.defaultTargets().contains(name));
            boxes.add(b);
            cols.getChildren().add(b);
        }
        ComboBox<String> loss = new ComboBox<>();
        loss.setId(Ids.of("csvTargets.loss"));
        loss.getItems().addAll(CsvTargetPicker.LOSSES);
        loss.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : Messages.get("csvTargets.loss." + id);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        loss.setValue(columns.defaultLoss());
        Label verdict = new Label();
        verdict.setId(Ids.of("csvTargets.verdict"));
        verdict.setWrapText(true);

        ButtonType ok = Dialogs.ok();
        Dialog<Choice> d = new Dialog<>();
        d.setTitle(Messages.get("csvTargets.title"));
        d.setHeaderText(Messages.format("csvTargets.header", fileName, columns.inputs()));
        d.getDialogPane().getButtonTypes().addAll(ok, Dialogs.cancel());
        ScrollPane scroll = new ScrollPane(cols);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(160, 28 * (1 + columns.header().size() / 5)));
        VBox content = new VBox(10, new Label(Messages.get("csvTargets.columns")), scroll,
                new Label(Messages.get("csvTargets.lossLabel")), loss, verdict);
        content.setPrefWidth(520);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getStylesheets().addAll(w.scene().getStylesheets());
        d.getDialogPane().getStyleClass().add(w.theme().isDark() ? "dark" : "light");
        d.getDialogPane().setStyle(w.scene().getRoot().getStyle());
        d.setResizable(true);
        d.initOwner(w.stage());
        Node okButton = d.getDialogPane().lookupButton(ok);
        okButton.setId(Ids.of("csvTargets.ok"));
        Runnable check = () -> {
            List<String> targets = chosen(boxes);
            String l = loss.getValue();
            boolean fits = columns.fits(targets, l);
            okButton.setDisable(!fits);
            int inputs = columns.header().size() - targets.size();
            verdict.setText(fits
                    ? targets.isEmpty() ? Messages.format("csvTargets.inputsOnly", inputs)
                            : Messages.format("csvTargets.fits", inputs, String.join(", ", targets))
                    : Messages.format("csvTargets.wrong", inputs, columns.inputs(), columns.targetsFor(l),
                            Messages.get("csvTargets.loss." + l)));
        };
        boxes.forEach(b -> b.selectedProperty().addListener((o, a, n) -> check.run()));
        loss.valueProperty().addListener((o, a, n) -> check.run());
        check.run();
        d.setResultConverter(bt -> bt == ok ? new Choice(chosen(boxes), loss.getValue()) : null);
        return d;
    }

    private static List<String> chosen(List<CheckBox> boxes) {
        return boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
    }
}
