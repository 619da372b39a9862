package rnnlab.ui.shell;

import rnnlab.ui.common.Converters;
import rnnlab.ui.common.Ids;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import rnnlab.session.Initialiser;
import rnnlab.i18n.Messages;
import rnnlab.io.Preset;
import rnnlab.ui.viewmodel.RunViewModel;

/** The model panel: presets, the hyperparameters in a property sheet, new weights, the parameter count. */
public final class ModelPanel extends VBox {
    private final ObjectProperty<Integer> seedValue = new SimpleObjectProperty<>();
    // Strong references: asObject() bindings are weak on the wrapper side.
    private final ObjectProperty<Integer> hidden;
    private final ObjectProperty<Integer> layers;
    private final ObjectProperty<Boolean> bidi;

    ModelPanel(RunViewModel vm) {
        getStyleClass().addAll("panel", "model-panel");
        setId(Ids.of("panel.model"));
        Label title = new Label(Messages.get("model.title"));
        title.getStyleClass().add("panel-title");

        ComboBox<Preset> presets = new ComboBox<>(FXCollections.observableArrayList(Preset.values()));
        presets.setId(Ids.of("model.preset"));
        presets.setPromptText(Messages.get("model.preset.custom"));
        presets.setConverter(Converters.of(p -> Messages.get(p.titleKey())));
        presets.setMaxWidth(Double.MAX_VALUE);
        // A null preset reads "Custom" (a ComboBox loses its prompt text once a value was set).
        presets.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Preset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? Messages.get("model.preset.custom") : Messages.get(p.titleKey()));
            }
        });
        presets.valueProperty().bindBidirectional(vm.presetProperty());
        presets.setTooltip(new javafx.scene.control.Tooltip(Messages.get("model.preset")));
        presets.setAccessibleText(Messages.get("model.preset"));
        title.setMinWidth(USE_PREF_SIZE);
        HBox presetRow = new HBox(12, title, presets);
        presetRow.getStyleClass().add("row");
        HBox.setHgrow(presets, Priority.ALWAYS);

        hidden = vm.hiddenSizeProperty().asObject();
        layers = vm.layersProperty().asObject();
        bidi = vm.bidirectionalProperty().asObject();
        seedValue.set((int) vm.seedProperty().get());
        vm.seedProperty().addListener((o, a, b) -> seedValue.set(b.intValue()));
        seedValue.addListener((o, a, b) -> {
            if (b != null && b.longValue() != vm.seedProperty().get()) {
                vm.seedProperty().set(b);
            }
        });
        String arch = "model.category.architecture";
        String init = "model.category.initialisation";
        List<PropertySheet.Item> items = List.of(
                new PropItem<>("cell", arch, String.class, vm.cellTypeProperty(), RunViewModel.CELL_TYPES,
                        Converters.of(c -> Messages.get("cell." + c)), 0, 0),
                new PropItem<>("hidden_size", arch, Integer.class, hidden, null, null, 1, 256),
                new PropItem<>("num_layers", arch, Integer.class, layers, null, null, 1, 4),
                new PropItem<>("bidirectional", arch, Boolean.class, bidi, null, null, 0, 0),
                new PropItem<>("init", init, Initialiser.class, vm.initialiserProperty(), Arrays.asList(Initialiser.values()),
                        Converters.of(i -> Messages.get(i.titleKey())), 0, 0),
                new PropItem<>("seed", init, Integer.class, seedValue, null, null, 0, 999_999));
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(items));
        sheet.setId(Ids.of("model.sheet"));
        sheet.setPropertyEditorFactory(new PropEditors());
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);

        Button newWeights = new Button(Messages.get("model.newWeights"));
        newWeights.setId(Ids.of("model.newWeights"));
        newWeights.setOnAction(e -> vm.newSeed());
        newWeights.setMaxWidth(Double.MAX_VALUE);
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.format("model.parameterCount", vm.parameterCountProperty().get()),
                vm.parameterCountProperty()));
        count.setMinWidth(USE_PREF_SIZE);
        newWeights.setMinWidth(USE_PREF_SIZE);
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, newWeights, count);
        actions.getStyleClass().add("row");
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // click the title to fold the sheet away (more room for the sequence on a small projector)
        title.setText("\u25be " + Messages.get("model.title"));
        title.setCursor(javafx.scene.Cursor.HAND);
        title.setTooltip(new javafx.scene.control.Tooltip(Messages.get("model.fold")));
        title.setOnMouseClicked(e -> {
            boolean show = !sheet.isVisible();
            for (javafx.scene.Node n : List.of(sheet, actions)) {
                n.setVisible(show);
                n.setManaged(show);
            }
            title.setText((show ? "\u25be " : "\u25b8 ") + Messages.get("model.title"));
        });
        getChildren().addAll(presetRow, sheet, actions);
    }
}
