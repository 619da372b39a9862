package rnnlab.ui.compare;

import java.util.Arrays;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import rnnlab.session.Frame;
import rnnlab.session.GatePin;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.common.Ids;

/**
 * "Pin a gate": layer, direction, step t (1-based), gate, unit (or all) and value; the pins in force,
 * each with Remove. A pin restarts the run from t = 1 (as the engine does); the main window's timeline
 * replays it forward and backward. A pin that does not fit is refused with one message, shown here.
 */
public final class PinGateWindow {
    /** Styles of the comparison and pin windows and the status-bar reminder. */
    public static final String STYLESHEET = Objects.requireNonNull(PinGateWindow.class.getResource("/rnnlab/ui/theme/compare.css")).toExternalForm();
    private final CompareHost w;
    private final RunViewModel vm;
    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final Spinner<Integer> layer = new Spinner<>(1, 1, 1);
    private final ChoiceBox<String> direction = new ChoiceBox<>();
    private final Spinner<Integer> step = new Spinner<>(1, 1, 1);
    private final ChoiceBox<String> gate = new ChoiceBox<>();
    private final ChoiceBox<String> unit = new ChoiceBox<>();
    private final TextField value = new TextField("0");
    private final Label message = new Label();
    private final ListView<GatePin> list = new ListView<>();
    private String shapeKey = "";

    public PinGateWindow(CompareHost w) {
        this.w = w;
        this.vm = w.viewModel();
        Label intro = new Label(Messages.get("pin.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        direction.getItems().setAll(Messages.get("pin.direction.forward"), Messages.get("pin.direction.reverse"));
        direction.getSelectionModel().select(0);
        for (var s : new Spinner<?>[] {layer, step}) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        value.setPrefColumnCount(6);
        layer.setId(Ids.of("pin.layer"));
        direction.setId(Ids.of("pin.direction"));
        step.setId(Ids.of("pin.step"));
        gate.setId(Ids.of("pin.gate"));
        unit.setId(Ids.of("pin.unit"));
        value.setId(Ids.of("pin.value"));
        message.setId(Ids.of("pin.message"));
        list.setId(Ids.of("pin.list"));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, label("pin.layer"), layer, label("pin.direction"), direction);
        form.addRow(1, label("pin.step"), step, label("pin.gate"), gate);
        form.addRow(2, label("pin.unit"), unit, label("pin.value"), value);
        Button add = new Button(Messages.get("pin.add"));
        add.setId(Ids.of("pin.add"));
        add.setDefaultButton(true);
        add.setOnAction(e -> add());
        message.setWrapText(true);
        message.getStyleClass().add("pin-message");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label hint = new Label(Messages.get("pin.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        Label listTitle = new Label(Messages.get("pin.list"));
        listTitle.getStyleClass().add("panel-title");
        list.setPlaceholder(new Label(Messages.get("pin.none")));
        list.setItems(vm.pins());
        list.setCellFactory(v -> new PinCell());
        list.setPrefHeight(170);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label title = new Label(Messages.get("pin.title"));
        title.getStyleClass().add("panel-title");
        VBox root = new VBox(10, title, intro, form, hint, add, message, listTitle, list);
        root.getStyleClass().addAll("panel", "pin-gate");
        root.setId(Ids.of("pin"));
        root.setPrefWidth(460);
        Scene scene = new Scene(root);
        styleLike(w, scene, stage);
        stage.setScene(scene);
        stage.setTitle(Messages.get("pin.title"));
        stage.initOwner(w.stage());
        vm.frameProperty().addListener((o, a, f) -> fit(f));
        fit(vm.frameProperty().get());
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    /**
     * The main window's stylesheets, theme (light / dark) and font size, kept in step while {@code window}
     * shows (only then: the main window must not keep a closed window alive).
     */
    static void styleLike(CompareHost w, Scene scene, javafx.stage.Window window) {
        scene.getStylesheets().setAll(w.scene().getStylesheets());
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        Runnable copy = () -> {
            scene.getRoot().setStyle(w.scene().getRoot().getStyle());
            scene.getRoot().getStyleClass().remove("dark");
            if (w.darkThemeProperty().get()) {
                scene.getRoot().getStyleClass().add("dark");
            }
        };
        rnnlab.ui.common.WhileShowing.follow(window, copy, w.darkThemeProperty(), w.fontScaleProperty());
        copy.run();
    }

    /** Ranges and gate names follow the run's shape (cell, layers, steps, units). */
    private void fit(Frame f) {
        if (f == null) {
            return;
        }
        String key = f.cell() + "/" + f.numLayers() + "/" + f.directions() + "/" + f.length() + "/" + f.hiddenSize();
        if (key.equals(shapeKey)) {
            return;
        }
        shapeKey = key;
        range(layer, f.numLayers());
        range(step, f.length());
        direction.setDisable(f.directions() < 2);
        if (f.directions() < 2) {
            direction.getSelectionModel().select(0);
        }
        String g = gate.getValue();
        gate.getItems().setAll(f.gateNames());
        gate.setValue(g != null && Arrays.asList(f.gateNames()).contains(g) ? g
                : f.gateNames().length > 1 ? f.gateNames()[1] : f.gateNames().length == 1 ? f.gateNames()[0] : null);
        String u = unit.getValue();
        unit.getItems().setAll(Messages.get("pin.units.all"));
        for (int k = 1; k <= f.hiddenSize(); k++) {
            unit.getItems().add(Messages.format("pin.units.one", k));
        }
        unit.setValue(u != null && unit.getItems().contains(u) ? u : unit.getItems().get(0));
        message.setText(f.gateNames().length == 0 ? Messages.format("pin.error.noGates", Messages.get("cell." + f.cell())) : "");
    }

    private static void range(Spinner<Integer> s, int max) {
        var factory = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        factory.setMax(Math.max(1, max));
        factory.setValue(Math.min(Math.max(1, factory.getValue()), Math.max(1, max)));
    }

    /** Reads the form; refuses what does not fit with one message; else pins. */
    public void add() {
        commit(layer);
        commit(step);
        double v;
        try {
            v = Double.parseDouble(value.getText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            message.setText(Messages.format("pin.error.notNumber", value.getText().trim()));
            return;
        }
        String g = gate.getValue() == null ? "" : gate.getValue();
        int u = unit.getSelectionModel().getSelectedIndex() - 1;
        GatePin pin = new GatePin(layer.getValue() - 1, direction.getSelectionModel().getSelectedIndex(),
                step.getValue(), g, u, v);
        String problem = vm.addPin(pin);
        message.setText(problem == null ? "" : problem);
    }

    /** A number typed into a spinner counts even before Enter. */
    private static void commit(Spinner<Integer> s) {
        try {
            int v = Integer.parseInt(s.getEditor().getText().trim());
            var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
            f.setValue(Math.max(f.getMin(), Math.min(f.getMax(), v)));
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue()));
        }
    }

    private static Label label(String key) {
        Label l = new Label(Messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** One pin: what it holds, and Remove. */
    private final class PinCell extends ListCell<GatePin> {
        @Override
        protected void updateItem(GatePin p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(p.describe());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button remove = new Button(Messages.get("pin.remove"));
            remove.setId(Ids.of("pin.remove." + getIndex()));
            remove.setOnAction(e -> vm.removePin(p));
            HBox row = new HBox(8, text, gap, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }
    }
}
