package rnnlab.io;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The view ids a scenario may list in {@code visible_views}: the views that ship (the lessons'
 * {@code Scene.VIEWS} with "view.") and any the window was built with ({@link #register}), so a
 * scenario naming a view that does not exist is refused instead of silently showing the default.
 */
public final class ViewIds {
    /** The views that ship, in the window's order. */
    public static final List<String> BUILT_IN = List.of("view.unrolled", "view.heatmap", "view.lstm", "view.belt",
            "view.gru", "view.rnn", "view.formulas", "view.output", "view.text", "view.decay", "view.weights");
    private static final Set<String> EXTRA = new CopyOnWriteArraySet<>();

    private ViewIds() {
    }

    /** Adds a view the window shows (the window registers its catalogue). */
    public static void register(String id) {
        if (id != null && !BUILT_IN.contains(id)) {
            EXTRA.add(id);
        }
    }

    public static boolean known(String id) {
        return BUILT_IN.contains(id) || EXTRA.contains(id);
    }

    /** Every known id, the built-in ones first. */
    public static List<String> all() {
        return java.util.stream.Stream.concat(BUILT_IN.stream(), EXTRA.stream()).toList();
    }
}
