package rnnlab.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Choice boxes show their items through one-way converters: an item to its (translated) title. */
public final class Converters {
    private Converters() {
    }

    /** Shows an item as {@code title.apply(item)}, null as empty; never parses text back (choices only). */
    public static <T> StringConverter<T> of(Function<T, String> title) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : title.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
