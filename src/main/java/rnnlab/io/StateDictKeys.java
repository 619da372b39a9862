package rnnlab.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PyTorch's recurrent-module key names say, shared by the JSON model reader and the readers of
 * foreign files (.pt, .safetensors, .onnx): the parameter names of nn.RNN/LSTM/GRU, projections
 * (proj_size, which RNN Lab does not run), DataParallel's {@code module.} prefix and bias=False.
 */
public final class StateDictKeys {
    private StateDictKeys() {
    }

    /** weight_ih_l0, bias_hh_l2_reverse, ... (group 1: kind, group 2: layer, group 3: "_reverse" or null). */
    public static final Pattern RECURRENT =
            Pattern.compile("(weight_ih|weight_hh|bias_ih|bias_hh)_l(\\d{1,3})(_reverse)?");
    /** The projection weights an LSTM with proj_size > 0 has. */
    public static final Pattern PROJECTION = Pattern.compile("weight_hr_l\\d{1,3}(_reverse)?");
    public static final String DATA_PARALLEL = "module.";

    /** The parameter name after the last dot. */
    public static String leaf(String key) {
        int i = key.lastIndexOf('.');
        return i < 0 ? key : key.substring(i + 1);
    }

    /** The module path before the last dot ("" for none). */
    public static String modulePath(String key) {
        int i = key.lastIndexOf('.');
        return i < 0 ? "" : key.substring(0, i);
    }

    public static Matcher recurrent(String key) {
        return RECURRENT.matcher(leaf(key));
    }

    public static boolean isProjection(String key) {
        return PROJECTION.matcher(leaf(key)).matches();
    }

    /** The message for an LSTM saved with proj_size > 0. */
    public static String projectionProblem(String key) {
        return "\"" + key + "\" is the projection of an LSTM with proj_size > 0; RNN Lab runs LSTMs without "
                + "projections (proj_size = 0)";
    }

    /**
     * Problems the JSON reader reports before "unknown key": a projection, or every key carrying
     * DataParallel's "module." prefix. Null when neither applies.
     */
    public static String diagnose(Collection<String> keys) {
        for (String k : keys) {
            if (isProjection(k)) {
                return projectionProblem(k);
            }
        }
        if (!keys.isEmpty() && keys.stream().allMatch(k -> k.startsWith(DATA_PARALLEL))) {
            return "every key starts with \"module.\", the prefix nn.DataParallel adds; a model file uses the "
                    + "names without it (\"" + keys.iterator().next().substring(DATA_PARALLEL.length())
                    + "\"); open the .pt or .safetensors file instead (the prefix is recognised there), or "
                    + "remove the prefix";
        }
        return null;
    }

    /** True when no bias of the recurrent module is present: a model built with bias=False. */
    public static boolean noRecurrentBias(Collection<String> keys) {
        for (String k : keys) {
            Matcher m = recurrent(k);
            if (m.matches() && m.group(1).startsWith("bias")) {
                return false;
            }
        }
        return true;
    }

    /** Keys of {@code expected} missing from {@code keys} that bias=False explains (all biases of a module). */
    public static List<String> absentBiases(Collection<String> keys, Collection<String> expected) {
        List<String> out = new ArrayList<>();
        boolean rnnBiasFree = noRecurrentBias(keys);
        for (String e : expected) {
            if (keys.contains(e)) {
                continue;
            }
            Matcher m = recurrent(e);
            if (m.matches() && m.group(1).startsWith("bias") && rnnBiasFree) {
                out.add(e);
            } else if (e.endsWith(".bias") && !m.matches()) {
                out.add(e); // a Linear head built with bias=False
            }
        }
        return out;
    }
}
