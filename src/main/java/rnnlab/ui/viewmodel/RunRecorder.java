package rnnlab.ui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import rnnlab.runs.CurvePoint;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunSettings;
import rnnlab.runs.RunsFolder;
import rnnlab.training.TrainConfig;
import rnnlab.training.Validation;

/**
 * Records one training run of the panel for the runs folder (issue 17): the training curve as the
 * FX thread receives it with the held-out validations in the rows of their steps (as {@code train
 * --runs} writes them), the test metric, and at the end the settings and final figures (with
 * {@code val_loss}, {@code val_metric}, {@code best_step}, {@code best_val_metric}, {@code early_stopped}), written off the
 * FX thread. Call {@link #add} and {@link #finish} on the FX thread.
 */
final class RunRecorder {
    private final String task;
    private final int length;
    private final TrainConfig cfg;
    private final long valEvery;
    private final int patience;
    private final List<CurvePoint> curve = new ArrayList<>();
    private final long started = System.nanoTime();
    private double lastMetric = Double.NaN;
    private Validation.Point lastVal;
    private Validation.Point bestVal;

    RunRecorder(String task, int length, TrainConfig cfg, long valEvery, int patience) {
        this.task = task;
        this.length = length;
        this.cfg = cfg;
        this.valEvery = valEvery;
        this.patience = patience;
    }

    /**
     * New points of the training curve, of the test metric (its steps and values) and the validations
     * since the previous call (each goes into the row of its step, which has arrived by then).
     */
    void add(double[] steps, double[] loss, double[] metricSteps, double[] metric, List<Validation.Point> validations) {
        for (int i = 0; i < steps.length; i++) {
            long s = (long) steps[i];
            curve.add(new CurvePoint(s, loss[i], cfg.schedule().rate(cfg.lr(), s, cfg.steps()), Double.NaN, Double.NaN));
        }
        if (metric.length > 0) {
            lastMetric = metric[metric.length - 1];
        }
        for (Validation.Point v : validations) {
            lastVal = v;
            if (bestVal == null || Validation.better(v, bestVal)) {
                bestVal = v;
            }
            for (int i = curve.size() - 1; i >= 0; i--) {
                CurvePoint c = curve.get(i);
                if (c.step() == v.step()) {
                    curve.set(i, new CurvePoint(c.step(), c.loss(), c.lr(), v.loss(), v.metric().value()));
                    break;
                }
                if (c.step() < v.step()) {
                    break;
                }
            }
        }
    }

    int size() {
        return curve.size();
    }

    /** Writes the run into {@code folder} on a background thread; {@code done} gets null or a problem (any thread). */
    void finish(Path folder, String outcome, String metricName, Consumer<String> done) {
        if (curve.isEmpty()) {
            return;
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("steps_done", curve.get(curve.size() - 1).step());
        res.put("final_loss", curve.get(curve.size() - 1).loss());
        res.put("metric_name", metricName);
        res.put("metric", lastMetric);
        res.put("val_loss", lastVal == null ? Double.NaN : lastVal.loss());
        res.put("val_metric", lastVal == null ? Double.NaN : lastVal.metric().value());
        res.put("best_step", bestVal == null ? null : bestVal.step());
        res.put("best_val_metric", bestVal == null ? Double.NaN : bestVal.metric().value());
        res.put("early_stopped", "early_stopped".equals(outcome));
        res.put("outcome", outcome);
        res.put("seconds", (System.nanoTime() - started) / 1e9);
        Map<String, Object> settings = RunSettings.of(task, length, cfg, valEvery, patience);
        List<CurvePoint> points = List.copyOf(curve);
        Thread t = new Thread(() -> {
            try {
                RunsFolder f = new RunsFolder(folder);
                java.nio.file.Files.createDirectories(folder);
                f.write(new RunRecord(f.newId(settings), settings, res, points));
                done.accept(null);
            } catch (java.io.IOException | RuntimeException e) {
                done.accept(folder + ": " + e.getMessage());
            }
        }, "rnnlab-run-recorder");
        t.setDaemon(false); // a run being written is finished even when the window closes
        t.start();
    }
}
