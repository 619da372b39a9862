package rnnlab.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnlab.training.TrainConfig;

/** The settings of a run as the runs folder stores them (the keys the CLI's JSON line uses). */
public final class RunSettings {
    private RunSettings() {
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
