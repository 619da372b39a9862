package rnnlab.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every view of the main window by id, in display order: its id ({@code view.lstm}), the head of the
 * element ids drawn inside it ({@code lstm.gate.f}) and its title's key. The window adds the factories
 * ({@code ui.views.ViewCatalog}); scenarios, lessons and the lesson checker read the ids from here.
 */
public final class ViewRegistry {
    /**
     * One view.
     *
     * @param id       the view's id, also its node id: {@code view.<name>}
     * @param element  the first part of the element ids drawn in it ({@code formula} for {@code view.formulas})
     * @param titleKey the key of its title in the views' bundle
     */
    public record View(String id, String element, String titleKey) {
        /** The id without "view.": the name lessons write in {@code views:}. */
        public String name() {
            return id.substring(PREFIX.length());
        }
    }

    public static final String PREFIX = "view.";

    /** The views that ship, in the window's order. */
    public static final List<View> BUILT_IN = List.of(
            view("unrolled"), view("heatmap"), view("lstm"), view("belt"), view("gru"), view("rnn"),
            new View("view.formulas", "formula", "view.formulas.title"),
            view("output"), view("text"), view("decay"), view("weights"));

    /**
     * The views of the encoder–decoder window ({@code ui.seq2seq.Seq2SeqWindow}), which draws a model the
     * main window's single-network views cannot: the unrolled encoder–decoder and the attention matrix.
     */
    public static final List<View> SEQ2SEQ = List.of(view("seq2seq"), view("attention"));

    private static final List<View> EXTRA = new CopyOnWriteArrayList<>();

    private ViewRegistry() {
    }

    private static View view(String name) {
        return new View(PREFIX + name, name, PREFIX + name + ".title");
    }

    /** Adds a view that does not ship (a plug-in or a test's view); a known id is left as it is. */
    public static void register(View v) {
        if (v != null && find(v.id()) == null) {
            EXTRA.add(v);
        }
    }

    /** The built-in views, then any registered. */
    public static List<View> all() {
        List<View> out = new ArrayList<>(BUILT_IN);
        out.addAll(EXTRA);
        return List.copyOf(out);
    }

    public static List<String> ids() {
        return all().stream().map(View::id).toList();
    }

    /** The shipped views' names without "view." (what a lesson's {@code views:} line lists). */
    public static List<String> builtInNames() {
        return BUILT_IN.stream().map(View::name).toList();
    }

    public static boolean known(String id) {
        return find(id) != null;
    }

    /** The view with this id, or null. */
    public static View find(String id) {
        for (View v : BUILT_IN) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        for (View v : SEQ2SEQ) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        for (View v : EXTRA) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The view an element id belongs to: {@code lstm.gate.f} → {@code view.lstm}, {@code view.lstm.x} →
     * {@code view.lstm}, {@code view.lstm} → itself; null for the window's own controls.
     */
    public static String viewOf(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.startsWith(PREFIX)) {
            int dot = id.indexOf('.', PREFIX.length());
            return dot < 0 ? id : id.substring(0, dot);
        }
        int dot = id.indexOf('.');
        String head = dot < 0 ? id : id.substring(0, dot);
        List<View> views = new ArrayList<>(all());
        views.addAll(SEQ2SEQ);
        for (View v : views) {
            if (v.element().equals(head) || v.name().equals(head)) {
                return v.id();
            }
        }
        return null;
    }
}
