package rnnlab.io.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.io.InputException;
import rnnlab.io.Limits;
import rnnlab.io.StateDictKeys;

/**
 * Turns a PyTorch state_dict (any module names, any prefix) into a model: finds the recurrent module,
 * the embedding and the head, infers the cell from the shapes (4H rows: LSTM, 3H: GRU, H: vanilla),
 * layers and directions from the key names, checks every shape before allocating, and records what it
 * inferred and how each tensor was read (the gate map).
 */
public final class StateDictMapper {
    private final String file;
    private final String format;
    private final ImportOptions options;
    private final List<String> notes = new ArrayList<>();

    private StateDictMapper(String file, String format, ImportOptions options) {
        this.file = file;
        this.format = format;
        this.options = options == null ? ImportOptions.NONE : options;
    }

    /** Maps a state_dict read from {@code file}; {@code earlier} notes (from the reader) come first. */
    public static ImportedModel map(String file, String format, Map<String, Tensor> sd, ImportOptions options,
                                    List<String> earlier) throws InputException {
        StateDictMapper m = new StateDictMapper(file, format, options);
        m.notes.addAll(earlier);
        return m.run(sd);
    }

    private InputException error(String where, String problem) {
        return new InputException(file, where, problem);
    }

    private ImportedModel run(Map<String, Tensor> sd) throws InputException {
        if (sd.isEmpty()) {
            throw error("", "the state_dict is empty; expected the weights of an nn.RNN, nn.LSTM or nn.GRU");
        }
        for (String k : sd.keySet()) {
            if (StateDictKeys.isProjection(k)) {
                throw error(k, StateDictKeys.projectionProblem(k));
            }
        }
        String rnn = recurrentModule(sd);
        String rnnDot = rnn.isEmpty() ? "" : rnn + ".";
        if (rnn.startsWith(StateDictKeys.DATA_PARALLEL) || rnn.equals("module")) {
            notes.add(rnnlab.i18n.Messages.format("import.note.dataParallel"));
        }
        if (!rnn.equals("rnn")) {
            notes.add(rnnlab.i18n.Messages.format("import.note.module", rnnDot));
        }

        // layers and directions from the key names
        int layers = 0;
        boolean reverse = false;
        boolean anyBias = false;
        for (String k : sd.keySet()) {
            if (!StateDictKeys.modulePath(k).equals(rnn)) {
                continue;
            }
            Matcher m = StateDictKeys.recurrent(k);
            if (!m.matches()) {
                throw error(k, "unknown parameter of a recurrent module; expected weight_ih_lK, weight_hh_lK, "
                        + "bias_ih_lK, bias_hh_lK (with _reverse for the second direction)");
            }
            layers = Math.max(layers, Integer.parseInt(m.group(2)) + 1);
            reverse |= m.group(3) != null;
            anyBias |= m.group(1).startsWith("bias");
        }
        if (layers > Limits.MAX_LAYERS) {
            throw error(rnnDot + "weight_ih_l" + (layers - 1), layers + " layers; RNN Lab runs at most "
                    + Limits.MAX_LAYERS);
        }
        int dirs = reverse ? 2 : 1;
        Tensor hh0 = need(sd, rnnDot + "weight_hh_l0", 2);
        Tensor ih0 = need(sd, rnnDot + "weight_ih_l0", 2);
        int hidden = hh0.dim(1);
        int rows = hh0.dim(0);
        if (hidden < 1 || hidden > Limits.MAX_HIDDEN) {
            throw error(rnnDot + "weight_hh_l0", "hidden size " + hidden + " is outside 1.." + Limits.MAX_HIDDEN);
        }
        CellType cell = cellFromRows(rnnDot + "weight_hh_l0", rows, hidden);
        int input = ih0.dim(1);
        if (input < 1 || input > Limits.MAX_INPUT) {
            throw error(rnnDot + "weight_ih_l0", "input size " + input + " is outside 1.." + Limits.MAX_INPUT);
        }
        notes.add(rnnlab.i18n.Messages.format(reverse ? "import.note.cell.bidirectional" : "import.note.cell", cell.id(),
                String.valueOf(rows), String.valueOf(cell.blocks()), String.valueOf(hidden), String.valueOf(input),
                String.valueOf(layers), rnnlab.i18n.Messages.get(layers == 1 ? "import.word.layer" : "import.word.layers")));
        if (!anyBias) {
            notes.add(rnnlab.i18n.Messages.format("import.note.noBias"));
        }

        // embedding and head among the other modules
        Map<String, List<String>> others = otherModules(sd, rnn);
        String emb = null;
        String head = null;
        List<String> embCands = new ArrayList<>();
        List<String> headCands = new ArrayList<>();
        int rnnFirst = indexOf(sd, rnnDot + "weight_ih_l0");
        for (Map.Entry<String, List<String>> e : others.entrySet()) {
            String path = e.getKey();
            String dot = path.isEmpty() ? "" : path + ".";
            Set<String> leaves = new LinkedHashSet<>();
            e.getValue().forEach(k -> leaves.add(StateDictKeys.leaf(k)));
            Tensor w = sd.get(dot + "weight");
            if (w == null || w.rank() != 2 || !(leaves.equals(Set.of("weight")) || leaves.equals(Set.of("weight", "bias")))) {
                continue;
            }
            boolean bias = leaves.contains("bias");
            boolean before = indexOf(sd, dot + "weight") < rnnFirst;
            if (!bias && w.dim(1) == input && (before || w.dim(1) != hidden * dirs)) {
                embCands.add(path);
            } else if (w.dim(1) == hidden * dirs) {
                headCands.add(path);
            }
        }
        if (embCands.size() > 1) {
            throw error("", "several tables could be the embedding: " + quoted(embCands)
                    + "; RNN Lab runs one embedding before the recurrent module");
        }
        if (headCands.size() > 1) {
            throw error("", "several linear layers could be the head: " + quoted(headCands)
                    + "; RNN Lab runs one linear head after the recurrent module");
        }
        if (!embCands.isEmpty()) {
            emb = embCands.get(0);
            others.remove(emb);
            if (!emb.endsWith("embedding")) {
                notes.add(rnnlab.i18n.Messages.format("import.note.embedding", emb, String.valueOf(input)));
            }
        }
        if (!headCands.isEmpty()) {
            head = headCands.get(0);
            others.remove(head);
            if (!head.endsWith("fc")) {
                notes.add(rnnlab.i18n.Messages.format("import.note.head", head, String.valueOf(hidden * dirs)));
            }
        }
        if (!others.isEmpty()) {
            List<String> left = new ArrayList<>();
            others.values().forEach(ks -> ks.forEach(k -> left.add(k + " " + sd.get(k).shapeText())));
            if (options.prefix() == null) {
                throw error("", "keys RNN Lab cannot place: " + abbreviate(left) + "; RNN Lab runs an optional "
                        + "embedding, one nn.RNN/LSTM/GRU and an optional linear head");
            }
            notes.add(rnnlab.i18n.Messages.format("import.note.ignored", rnnDot, abbreviate(left)));
        }

        int vocab = 0;
        Tensor embT = null;
        if (emb != null) {
            embT = sd.get(dotted(emb) + "weight");
            vocab = embT.dim(0);
            if (vocab < 1 || vocab > Limits.MAX_VOCAB) {
                throw error(dotted(emb) + "weight", vocab + " rows; an embedding has 1.." + Limits.MAX_VOCAB);
            }
        }
        int out = 0;
        Activation act = null;
        Tensor headW = null;
        Tensor headB = null;
        if (head != null) {
            headW = sd.get(dotted(head) + "weight");
            out = headW.dim(0);
            if (out < 1 || out > Limits.MAX_OUTPUT) {
                throw error(dotted(head) + "weight", out + " rows; a head has 1.." + Limits.MAX_OUTPUT + " outputs");
            }
            headB = sd.get(dotted(head) + "bias");
            if (headB != null) {
                checkShape(dotted(head) + "bias", headB, out);
            }
            act = options.activation() != null ? options.activation() : Activation.IDENTITY;
        }
        ModelConfig cfg = new ModelConfig(cell, input, hidden, layers, reverse, vocab, out, act, null);

        // every recurrent tensor present and of the right shape, before anything is allocated
        Map<String, Tensor> byName = new LinkedHashMap<>();
        int g = cell.blocks() * hidden;
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + ModelConfig.suffix(d);
                Tensor wih = need(sd, rnnDot + "weight_ih" + sfx, 2);
                checkShape(rnnDot + "weight_ih" + sfx, wih, g, cfg.layerInputSize(l));
                Tensor whh = need(sd, rnnDot + "weight_hh" + sfx, 2);
                checkShape(rnnDot + "weight_hh" + sfx, whh, g, hidden);
                byName.put(ModelConfig.weightIh(l, d), wih);
                byName.put(ModelConfig.weightHh(l, d), whh);
                if (anyBias) {
                    Tensor bih = need(sd, rnnDot + "bias_ih" + sfx, 1);
                    checkShape(rnnDot + "bias_ih" + sfx, bih, g);
                    Tensor bhh = need(sd, rnnDot + "bias_hh" + sfx, 1);
                    checkShape(rnnDot + "bias_hh" + sfx, bhh, g);
                    byName.put(ModelConfig.biasIh(l, d), bih);
                    byName.put(ModelConfig.biasHh(l, d), bhh);
                }
            }
        }
        if (embT != null) {
            byName.put(ModelConfig.EMBEDDING, embT);
        }
        if (headW != null) {
            byName.put(ModelConfig.FC_WEIGHT, headW);
            if (headB != null) {
                byName.put(ModelConfig.FC_BIAS, headB);
            } else {
                notes.add(rnnlab.i18n.Messages.format("import.note.headNoBias"));
            }
            if (options.activation() == null) {
                notes.add(rnnlab.i18n.Messages.format("import.note.activation"));
            }
        }

        Model model = Model.zeros(cfg);
        List<String> map = new ArrayList<>();
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            DMatrixRMaj dst = model.param(s.name());
            Tensor t = byName.get(s.name());
            if (t == null) {
                map.add("(absent: bias=False) → " + s.name() + " = 0");
                continue;
            }
            System.arraycopy(t.data(), 0, dst.data, 0, t.data().length);
            GateMap.describe(cfg, s, t, map);
        }
        return new ImportedModel(model, format, notes, map, head != null && options.activation() == null);
    }

    private CellType cellFromRows(String key, int rows, int hidden) throws InputException {
        int blocks = rows % hidden == 0 ? rows / hidden : -1;
        CellType want = options.cell();
        CellType cell = switch (blocks) {
            case 4 -> CellType.LSTM;
            case 3 -> CellType.GRU;
            case 1 -> want == CellType.RNN_RELU ? CellType.RNN_RELU : CellType.RNN_TANH;
            default -> throw error(key, "shape [" + rows + ", " + hidden + "]: the rows must be H (RNN), 3H (GRU) "
                    + "or 4H (LSTM) for H = " + hidden);
        };
        if (want != null && want != cell && !(want == CellType.RNN_TANH && cell == CellType.RNN_TANH)) {
            throw error(key, "--cell " + want.id() + " does not fit: " + rows + " rows for H = " + hidden + " mean "
                    + cell.id());
        }
        return cell;
    }

    /** The one module holding weight_ih_l0 etc., or the one --prefix names. */
    private String recurrentModule(Map<String, Tensor> sd) throws InputException {
        Set<String> paths = new LinkedHashSet<>();
        for (String k : sd.keySet()) {
            if (StateDictKeys.recurrent(k).matches()) {
                paths.add(StateDictKeys.modulePath(k));
            }
        }
        if (options.prefix() != null) {
            String p = options.prefix().endsWith(".") ? options.prefix().substring(0, options.prefix().length() - 1)
                    : options.prefix();
            if (!paths.contains(p)) {
                throw error("", "--prefix " + options.prefix() + " names no recurrent module; "
                        + (paths.isEmpty() ? "the file has none" : "found " + quotedDots(paths)));
            }
            notes.add(rnnlab.i18n.Messages.format("import.note.prefix", p));
            return p;
        }
        if (paths.isEmpty()) {
            List<String> ks = new ArrayList<>(sd.keySet());
            throw error("", "no weights of an nn.RNN, nn.LSTM or nn.GRU (weight_ih_l0, weight_hh_l0, ...); found "
                    + abbreviate(ks));
        }
        if (paths.size() > 1) {
            String first = paths.iterator().next();
            throw error("", "several recurrent modules: " + quotedDots(paths) + "; pick one with --prefix (e.g. --prefix "
                    + dotted(first) + ")");
        }
        return paths.iterator().next();
    }

    private static Map<String, List<String>> otherModules(Map<String, Tensor> sd, String rnn) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String k : sd.keySet()) {
            String p = StateDictKeys.modulePath(k);
            if (!p.equals(rnn)) {
                out.computeIfAbsent(p, x -> new ArrayList<>()).add(k);
            }
        }
        return out;
    }

    private Tensor need(Map<String, Tensor> sd, String key, int rank) throws InputException {
        Tensor t = sd.get(key);
        if (t == null) {
            throw error(key, "missing; the other keys of the module say it should be there");
        }
        if (t.rank() != rank) {
            throw error(key, "expected " + rank + " dimensions, found shape " + t.shapeText());
        }
        return t;
    }

    private void checkShape(String key, Tensor t, int... want) throws InputException {
        boolean ok = t.rank() == want.length;
        for (int i = 0; ok && i < want.length; i++) {
            ok = t.dim(i) == want[i];
        }
        if (!ok) {
            StringBuilder w = new StringBuilder("[");
            for (int i = 0; i < want.length; i++) {
                w.append(i > 0 ? ", " : "").append(want[i]);
            }
            throw error(key, "expected shape " + w + "], found " + t.shapeText());
        }
    }

    private static int indexOf(Map<String, Tensor> sd, String key) {
        int i = 0;
        for (String k : sd.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String dotted(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    private static String quoted(List<String> paths) {
        List<String> q = new ArrayList<>();
        paths.forEach(p -> q.add("\"" + dotted(p) + "\""));
        return String.join(", ", q);
    }

    private static String quotedDots(Set<String> paths) {
        return quoted(new ArrayList<>(new TreeSet<>(paths)));
    }

    private static String abbreviate(List<String> items) {
        if (items.size() <= 6) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, 6)) + " and " + (items.size() - 6) + " more";
    }
}
