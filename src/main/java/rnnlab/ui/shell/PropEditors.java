package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;

/** Editors for the hyperparameter sheet: choice boxes with translated names, spinners with limits, check boxes. */
final class PropEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {
    /** Small preferred width: the names keep their full width, the editors take what is left. */
    private static final double EDITOR_PREF = 60;

    @Override
    @SuppressWarnings("unchecked")
    public PropertyEditor<?> call(PropertySheet.Item item) {
        PropItem<Object> p = (PropItem<Object>) item;
        if (p.choices != null) {
            ComboBox<Object> box = new ComboBox<>();
            box.getItems().setAll(p.choices);
            box.setConverter(p.converter);
            box.setId(Ids.of("param." + p.id));
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPrefWidth(EDITOR_PREF);
            return new AbstractPropertyEditor<Object, ComboBox<Object>>(item, box) {
                @Override
                protected ObservableValue<Object> getObservableValue() {
                    return box.valueProperty();
                }

                @Override
                public void setValue(Object v) {
                    box.setValue(v);
                }
            };
        }
        if (p.getType() == Boolean.class) {
            CheckBox cb = new CheckBox();
            cb.setId(Ids.of("param." + p.id));
            return new AbstractPropertyEditor<Boolean, CheckBox>(item, cb) {
                @Override
                protected ObservableValue<Boolean> getObservableValue() {
                    return cb.selectedProperty();
                }

                @Override
                public void setValue(Boolean v) {
                    cb.setSelected(Boolean.TRUE.equals(v));
                }
            };
        }
        Spinner<Integer> sp = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(p.min, p.max, p.min);
        // Typed text that is not a whole number in range keeps the current value (no exception, no rebuild).
        f.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.trim());
                    return Math.max(p.min, Math.min(p.max, v));
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        sp.setValueFactory(f);
        sp.setEditable(true);
        sp.setId(Ids.of("param." + p.id));
        sp.setMaxWidth(Double.MAX_VALUE);
        sp.setPrefWidth(EDITOR_PREF);
        return new AbstractPropertyEditor<Integer, Spinner<Integer>>(item, sp) {
            @Override
            protected ObservableValue<Integer> getObservableValue() {
                return sp.valueProperty();
            }

            @Override
            public void setValue(Integer v) {
                if (v != null) {
                    sp.getValueFactory().setValue(v);
                }
            }
        };
    }
}
