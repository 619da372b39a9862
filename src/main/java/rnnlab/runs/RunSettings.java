package rnnlab.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnlab.training.TrainConfig;

/** The settings of a run as the runs folder stores them (the keys the CLI's JSON line uses). */
public final class RunSettings {
    private RunSettings() {
    }

    /**
     * The settings with how the run validated: every {@code valEvery} steps (0: only at the end) and early
     * stopping after {@code patience} validations without a better metric (0: off), so that runs can be
     * compared and grouped by them.
     */
    public static Map<String, Object> of(String task, int length, TrainConfig c, long valEvery, int patience) {
        Map<String, Object> m = of(task, length, c);
        m.put("val_every", Math.max(0, valEvery));
        m.put("early_stop", Math.max(0, patience));
        return m;
    }

    public static Map<String, Object> of(String task, int length, TrainConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task);
        m.put("seq", length);
        m.put("cell", c.cell().id());
        m.put("hidden", c.hidden());
        m.put("layers", c.layers());
        m.put("steps", c.steps());
        m.put("optimizer", c.optimizer());
        m.put("lr", c.lr());
        m.put("clip", c.clip());
        m.put("batch", c.batch());
        m.put("seed", c.seed());
        m.put("dropout", c.regularisation().dropout());
        m.put("weight_decay", c.regularisation().weightDecay());
        m.put("adamw", c.regularisation().decoupled());
        if (c.regularisation().residual() || c.regularisation().layerNorm()) {
            // only when on, so the settings of every other run stay as they were
            m.put("residual", c.regularisation().residual());
            m.put("layer_norm", c.regularisation().layerNorm());
        }
        m.put("schedule", c.schedule().kind().id());
        m.put("warmup", c.schedule().warmup());
        return m;
    }
}
