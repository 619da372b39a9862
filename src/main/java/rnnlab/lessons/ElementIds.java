package rnnlab.lessons;

import java.util.List;
import java.util.regex.Pattern;
import rnnlab.catalog.ViewRegistry;

/**
 * The stable ids a lesson may spotlight: every view, the parts the views draw (gates, units, steps …) and
 * the main window's controls. The views and the window use exactly these ids; a UI test checks that each
 * pattern here names something that is really drawn.
 */
public final class ElementIds {
    /** Regular expressions; U, T, K stand for numbers from 1 (steps and units as the lesson counts them). */
    public static final List<String> PATTERNS = List.of(
            "view\\.(" + String.join("|", ViewRegistry.builtInNames()) + ")",
            "unrolled(\\.(title|h0|shared|encoder|decoder))?", "unrolled\\.step\\.N(\\.(h|dh))?", "unrolled\\.weight\\.hh\\.N",
            "heatmap(\\.(title|legend))?", "heatmap\\.(unit|step)\\.N",
            "lstm(\\.(title|equation|c_prev|h_prev|x|c|h))?", "lstm\\.gate\\.[figo](\\.unit\\.N)?",
            "lstm\\.(c_prev|h_prev|x|c|h)\\.unit\\.N",
            "gru(\\.(title|equation|h_prev|x|h))?", "gru\\.gate\\.[rzn](\\.unit\\.N)?", "gru\\.(h_prev|x|h)\\.unit\\.N",
            "rnn(\\.(title|equation|h_prev|x|whh|wxh|a|h))?", "rnn\\.(h_prev|x|whh|wxh|a|h)\\.unit\\.N",
            "belt(\\.(title|legend))?", "belt\\.(station\\.N|unit\\.N)",
            "formula(\\.heading)?",
            "output(\\.(title|best|target|loss))?",
            "text(\\.(title|legend))?", "text\\.char\\.N",
            "decay(\\.(title|rho|plot|current|hint))?", "decay\\.legend\\.(dh|dc|last|prod)",
            "weights(\\.(eig|eig\\.radius|scale\\.w|scale\\.grad))?",
            "timeline(\\.(play|stepForward|stepBack|reset|slider|speed|position))?",
            "panel\\.(model|sequence)", "model\\.(preset|sheet|newWeights)",
            "sequence\\.(text|dictionary|vector|vectorTitle)");
    private static final List<Pattern> COMPILED = PATTERNS.stream()
            .map(p -> Pattern.compile(p.replace("N", "[1-9][0-9]{0,3}"))).toList();

    private ElementIds() {
    }

    public static boolean known(String id) {
        return COMPILED.stream().anyMatch(p -> p.matcher(id).matches());
    }

    /** The id, or an IllegalArgumentException saying it names nothing. */
    static String check(String id) {
        if (!known(id)) {
            throw new IllegalArgumentException("no view or part has the id \"" + id
                    + "\"; see \"Element ids\" in lessons/README.md");
        }
        return id;
    }

    /**
     * The id the views use inside: they count units, steps and characters from 0, lessons from 1
     * ({@code lstm.gate.f.unit.2} → {@code lstm.gate.f.unit.1}).
     */
    public static String toRegion(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        String[] parts = id.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].matches("[0-9]+")) {
                parts[i] = String.valueOf(Math.max(0, Integer.parseInt(parts[i]) - 1));
            }
        }
        return String.join(".", parts);
    }

    /**
     * The view that draws {@code id} ({@code lstm.gate.f} → {@code view.lstm}), or null for the window's
     * own controls (see {@link ViewRegistry#viewOf}, the one mapping the window uses too).
     */
    public static String viewOf(String id) {
        return ViewRegistry.viewOf(id);
    }
}
