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

/**
 * Records one training run of the panel for the runs folder (issue 17): the training curve as the
 * FX thread receives it, the held-out metric points, and at the end the settings and final figures,
 * written off the FX thread. Call {@link #add} and {@link #finish} on the FX thread.
 */
final class RunRecorder {
    private final String task;
    private final int length;
    private final TrainConfig cfg;
    private final List<CurvePoint> curve = new ArrayList<>();
    private final long started = System.nanoTime();
    private double lastMetric = Double.NaN;

    RunRecorder(String task, int length, TrainConfig cfg) {
        this.task = task;
        this.length = length;
        this.cfg = cfg;
    }

    /** New points of the training curve, and of the held-out metric (its steps and values). */
    void add(double[] steps, double[] loss, double[] metricSteps, double[] metric) {
        for (int i = 0; i < steps.length; i++) {
            long s = (long) steps[i];
            curve.add(new CurvePoint(s, loss[i], cfg.schedule().rate(cfg.lr(), s, cfg.steps()), Double.NaN, Double.NaN));
        }
        if (metric.length > 0) {
            lastMetric = metric[metric.length - 1];
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
        res.put("outcome", outcome);
        res.put("seconds", (System.nanoTime() - started) / 1e9);
        Map<String, Object> settings = RunSettings.of(task, length, cfg);
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
