package rnnlab.io.imports;

import java.util.List;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.i18n.Messages;

/** Lines such as {@code W (ONNX, rows 0–7) → rnn.weight_ih_l0 rows 0–7: W_ii (input gate)}. */
public final class GateMap {
    private GateMap() {
    }

    /** Gate letter and name of block b in PyTorch's order. */
    static String[] gate(CellType cell, int b) {
        return switch (cell) {
            case LSTM -> named(new String[] {"i", "f", "g", "o"}[b]);
            case GRU -> named(new String[] {"r", "z", "n"}[b]);
            default -> new String[] {"", ""};
        };
    }

    /** A gate letter and its name in the app's language. */
    private static String[] named(String letter) {
        return new String[] {letter, Messages.get("import.gate." + letter)};
    }

    static void describe(ModelConfig cfg, ModelConfig.ParamShape s, Tensor t, List<String> out) {
        String name = s.name();
        String leaf = name.substring(name.lastIndexOf('.') + 1);
        boolean recurrent = leaf.startsWith("weight_") || leaf.startsWith("bias_");
        if (!recurrent) {
            out.add(t.source() + " " + t.shapeText() + " → " + name);
            return;
        }
        boolean bias = leaf.startsWith("bias_");
        char side = leaf.contains("_ih") ? 'i' : 'h';
        String sym = bias ? "b" : "W";
        String unit = Messages.get(bias ? "import.map.elements" : "import.map.rows");
        int h = cfg.hiddenSize();
        int blocks = cfg.cell().blocks();
        if (blocks == 1) {
            out.add(t.source() + " " + t.shapeText() + " → " + name + ": " + sym + "_" + side + "h");
            return;
        }
        for (int b = 0; b < blocks; b++) {
            int from = t.blockOrigin() == null ? b * h : t.blockOrigin()[b];
            String[] g = gate(cfg.cell(), b);
            out.add(t.source() + ", " + unit + " " + from + "–" + (from + h - 1) + " → " + name + " " + unit + " "
                    + b * h + "–" + ((b + 1) * h - 1) + ": " + sym + "_" + side + g[0] + " (" + g[1] + ")");
        }
    }
}
