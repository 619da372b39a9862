package rnnlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rnnlab.engine.Model;
import rnnlab.engine.Sequence;

/**
 * Reads and writes scenario files ({@code *.rnnlab.json}): a model file and a sequence file embedded
 * whole, plus the cursor, the visible views and the window settings. Version 1:
 * <pre>
 * {"format": "rnnlab-scenario", "version": 1,
 *  "model": {a whole model file}, "sequence": {a whole sequence file, checked against the model},
 *  "sequence_text": "hello" | null,      text typed in the sequence editor
 *  "preset": "lstm_8" | null,            the preset the model was built from
 *  "seed": 1, "init": "pytorch_default" | null,
 *  "position": 3,                        timeline position, 0 .. forward steps (+ BPTT steps with a loss)
 *  "visible_views": ["view.cell", …],   view ids, in order
 *  "settings": {"theme": "dark", "font_scale": "1.25", "speed": "1.0", "layout": "tiles",
 *               "highlight": "gate.f", "selected_unit": "2", "vocabulary": "from_text",
 *               "recurrent_scale": "2.0",             factor on every W_hh (the model holds the weights as loaded)
 *               "gate_pins": "0,0,3,f,-1,0.0;…",      layer,direction,step (1-based),gate,unit (−1 all),value
 *               "views_chosen": "by_cell", …}}
 * </pre>
 * Settings are strings; unknown settings are kept and ignored, so newer windows can add some.
 */
public final class ScenarioIO {
    public static final String FORMAT = "rnnlab-scenario";
    public static final String EXTENSION = ".rnnlab.json";
    static final Set<String> KEYS = Set.of("format", "version", "model", "sequence", "sequence_text", "preset", "seed",
            "init", "position", "visible_views", "settings");

    /** The initialisations a scenario may name (the app's {@code Initialiser} ids). */
    public static final List<String> INITS = List.of("pytorch_default", "zeros");

    private ScenarioIO() {
    }

    public static Scenario read(Path file) throws InputException {
        return fromJson(JsonNav.open(file));
    }

    public static Scenario fromJson(String file, com.fasterxml.jackson.databind.JsonNode node) throws InputException {
        return fromJson(JsonNav.of(file, node));
    }

    static Scenario fromJson(JsonNav root) throws InputException {
        Formats.checkHeader(root, FORMAT);
        root.onlyKeys(KEYS);
        JsonNav m = root.get("model");
        m.requireObject();
        Model model = ModelIO.fromJson(m);
        JsonNav s = root.get("sequence");
        s.requireObject();
        Sequence seq = SequenceIO.fromJson(s, model.config());
        JsonNav textNode = root.opt("sequence_text");
        String text = textNode.isNull() ? null : textNode.string();
        JsonNav presetNode = root.opt("preset");
        String preset = presetNode.isNull() ? null : presetNode.string();
        if (preset != null && Preset.fromId(preset) == null) {
            List<String> ids = java.util.Arrays.stream(Preset.values()).map(p -> p.id).toList();
            throw presetNode.error(unknown("preset", preset, ids));
        }
        JsonNav seedNode = root.get("seed");
        if (!seedNode.node.isIntegralNumber() || !seedNode.node.canConvertToLong()) {
            throw seedNode.error("expected a whole number, found " + seedNode.kind());
        }
        long seed = seedNode.node.asLong();
        JsonNav initNode = root.opt("init");
        String init = initNode.isNull() ? null : initNode.string();
        if (init != null && !INITS.contains(init)) {
            throw initNode.error(unknown("init", init, INITS));
        }
        int steps = seq.length();
        int maxPos = (seq.hasLoss() ? 2 : 1) * scheduleSize(model, steps);
        int position = root.get("position").integer(0, maxPos);
        JsonNav vv = root.get("visible_views");
        int n = vv.node != null && vv.node.isArray() && vv.node.size() == 0 ? 0 : vv.array(-1, 1000, "view ids");
        List<String> views = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNav e = vv.at(i);
            String id = e.string();
            if (!rnnlab.catalog.ViewRegistry.known(id)) {
                throw e.error(unknown("view id", id, rnnlab.catalog.ViewRegistry.ids()));
            }
            if (views.contains(id)) {
                throw e.error("the view \"" + id + "\" is listed twice; expected each view once");
            }
            views.add(id);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNav st = root.opt("settings");
        if (!st.isNull()) {
            st.requireObject();
            var it = st.node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                settings.put(k, st.get(k).string());
            }
        }
        return new Scenario(model, seq, text, preset, seed, init, position, views, settings);
    }

    private static String unknown(String what, String given, List<String> known) {
        String near = Spelling.nearest(given, known);
        return "unknown " + what + " \"" + SafeText.quote(given) + "\"; "
                + (near != null ? "did you mean \"" + near + "\"?" : "expected one of " + String.join(", ", known));
    }

    /** Forward groups of a run's schedule: one per step; bidirectional: one per layer and step, then the outputs. */
    private static int scheduleSize(Model model, int steps) {
        var cfg = model.config();
        return cfg.bidirectional() ? (cfg.numLayers() + 1) * steps : steps;
    }

    public static void write(Scenario sc, Path file) throws IOException {
        Formats.writeAtomically(toJson(sc), file);
    }

    public static ObjectNode toJson(Scenario sc) {
        ObjectNode root = JsonNav.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.set("model", ModelIO.toJson(sc.model()));
        root.set("sequence", SequenceIO.toJson(sc.sequence()));
        if (sc.sequenceText() != null) {
            root.put("sequence_text", sc.sequenceText());
        } else {
            root.putNull("sequence_text");
        }
        if (sc.preset() != null) {
            root.put("preset", sc.preset());
        } else {
            root.putNull("preset");
        }
        root.put("seed", sc.seed());
        if (sc.init() != null) {
            root.put("init", sc.init());
        } else {
            root.putNull("init");
        }
        root.put("position", sc.position());
        ArrayNode views = root.putArray("visible_views");
        sc.visibleViews().forEach(views::add);
        ObjectNode st = root.putObject("settings");
        new java.util.TreeMap<>(sc.settings()).forEach(st::put);
        return root;
    }

    /** The {@code format} of a JSON file (rnnlab-model, rnnlab-sequence, rnnlab-scenario …), to route a dropped file. */
    public static String formatOf(Path file) throws InputException {
        JsonNav root = JsonNav.open(file);
        root.requireObject();
        return root.get("format").string();
    }
}
