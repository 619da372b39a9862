package rnnlab.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import rnnlab.training.Metric;
import rnnlab.training.StepResult;
import rnnlab.training.Trainer;
import rnnlab.training.Validation;
import rnnlab.training.tasks.Task;
import rnnlab.training.TrainConfig;

/**
 * One training run recorded for a runs folder: trains on the caller's thread, validating every
 * {@code valEvery} steps (0: only at the end) with early stopping after {@code patience} validations
 * without a better metric (0: none; the best weights are kept), and returns its {@link RunRecord}.
 */
public final class RecordedTraining {
    private RecordedTraining() {
    }

    public static RunRecord run(String id, Task task, TrainConfig cfg, int valEvery, int patience,
                                BooleanSupplier cancelled) {
        Trainer tr = new Trainer(task, cfg);
        Validation val = new Validation(task, cfg.seed());
        List<CurvePoint> curve = new ArrayList<>();
        long t0 = System.nanoTime();
        String problem = null;
        boolean early = false;
        Validation.Point last = null;
        StepResult r = null;
        while (tr.steps() < cfg.steps() && !cancelled.getAsBoolean()) {
            r = tr.step();
            if (!r.ok()) {
                problem = r.problem();
                break;
            }
            double vl = Double.NaN;
            double vm = Double.NaN;
            if ((valEvery > 0 && tr.steps() % valEvery == 0) || tr.steps() == cfg.steps()) {
                last = val.validate(tr.model(), tr.steps());
                vl = last.loss();
                vm = last.metric().value();
            }
            curve.add(new CurvePoint(tr.steps(), r.loss(), tr.lastLearningRate(), vl, vm));
            if (val.patienceRunOut(patience)) {
                early = true;
                tr.model().params().setFrom(val.bestWeights());
                break;
            }
        }
        if (last == null && tr.steps() > 0 && problem == null) {
            last = val.validate(tr.model(), tr.steps());
        }
        Metric m = tr.evaluate();
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("steps_done", tr.steps());
        res.put("final_loss", r == null ? Double.NaN : r.loss());
        res.put("metric_name", m.name());
        res.put("metric", m.value());
        res.put("val_loss", last == null ? Double.NaN : last.loss());
        res.put("val_metric", last == null ? Double.NaN : last.metric().value());
        res.put("best_step", val.best() == null ? null : val.best().step());
        res.put("best_val_metric", val.best() == null ? Double.NaN : val.best().metric().value());
        res.put("early_stopped", early);
        res.put("cancelled", cancelled.getAsBoolean());
        res.put("stopped", problem);
        res.put("seconds", (System.nanoTime() - t0) / 1e9);
        return new RunRecord(id, RunSettings.of(task.name(), task.length(), cfg, valEvery, patience), res, curve);
    }
}
