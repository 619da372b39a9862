package rnnlab.ui.shell;

import rnnlab.ui.common.Dialogs;
import rnnlab.ui.common.Ids;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import rnnlab.io.imports.ImportedModel;
import rnnlab.i18n.Messages;

/**
 * After a foreign model (.pt, .safetensors, .onnx) opens: what was inferred and the gate map, in a window that
 * does not block the main one (Modality.NONE), so the class can keep stepping while it reads the map side by
 * side; a further import refreshes the open window instead of stacking another one.
 */
public final class GateMapDialog {
    private static Alert open;

    private GateMapDialog() {
    }

    public static void show(MainWindow w, String fileName, ImportedModel im) {
        if (open != null && open.isShowing()) {
            open.close();
        }
        StringBuilder sb = new StringBuilder();
        im.notes().forEach(n -> sb.append(n).append('\n'));
        sb.append('\n');
        im.gateMap().forEach(n -> sb.append(n).append('\n'));
        TextArea text = new TextArea(sb.toString());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(22);
        text.setId(Ids.of("importMap.text"));
        Alert a = new Alert(Alert.AlertType.NONE, "", Dialogs.close());
        a.setTitle(Messages.get("importMap.title"));
        a.setHeaderText(Messages.format("importMap.header", fileName, im.format()));
        a.getDialogPane().setContent(text);
        a.getDialogPane().getStylesheets().addAll(w.scene().getStylesheets());
        a.getDialogPane().getStyleClass().add(w.theme().isDark() ? "dark" : "light");
        a.getDialogPane().setStyle(w.scene().getRoot().getStyle());
        a.setResizable(true);
        a.initOwner(w.stage());
        a.initModality(javafx.stage.Modality.NONE);
        open = a;
        // a closed one is let go (a static field would keep it, its text and its owner's stage)
        a.setOnHidden(e -> {
            if (open == a) {
                open = null;
            }
        });
        a.show();
    }
}
