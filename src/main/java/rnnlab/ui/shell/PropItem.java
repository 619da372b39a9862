package rnnlab.ui.shell;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import rnnlab.i18n.Messages;

/** One row of the hyperparameter sheet, backed by a view-model property. */
final class PropItem<T> implements PropertySheet.Item {
    final String id;
    private final String categoryKey;
    private final Class<T> type;
    final Property<T> property;
    final List<T> choices;
    final StringConverter<T> converter;
    final int min;
    final int max;

    PropItem(String id, String categoryKey, Class<T> type, Property<T> property, List<T> choices,
             StringConverter<T> converter, int min, int max) {
        this.id = id;
        this.categoryKey = categoryKey;
        this.type = type;
        this.property = property;
        this.choices = choices;
        this.converter = converter;
        this.min = min;
        this.max = max;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return Messages.get(categoryKey);
    }

    @Override
    public String getName() {
        return Messages.get("param." + id);
    }

    @Override
    public String getDescription() {
        return Messages.get("param." + id + ".help");
    }

    @Override
    public Object getValue() {
        return property.getValue();
    }

    @Override
    public void setValue(Object value) {
        property.setValue(type.cast(value));
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(property);
    }
}
