package rnnlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import rnnlab.io.AtomicFiles;
import rnnlab.io.ModelIO;
import rnnlab.training.Metric;
import rnnlab.training.StepResult;
import rnnlab.training.tasks.Task;
import rnnlab.training.TrainConfig;
import rnnlab.training.Trainer;
import rnnlab.training.Validation;

/** {@code train}: trains a model on a task, with a progress bar on stderr and a JSON summary on stdout. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a built-in task. Prints a JSON summary as the last stdout line.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainOptions opt = new TrainOptions();
    @Option(names = "--seq", description = "sequence length T (or lag)")
    Integer seq;
    @Option(names = "--save", description = "write the trained model to this .model.json file (.s2s.json for the encoder–decoder tasks)")
    Path save;
    @Option(names = "--no-progress", description = "no progress bar")
    boolean quiet;
    @Option(names = "--val-every", description = "validate on held-out data every N steps (and at the end)")
    Integer valEvery;
    @Option(names = "--early-stop", description = "stop after this many validations without a better metric "
            + "and keep the best weights (needs --val-every)")
    Integer earlyStop;
    @Option(names = "--runs", description = "record the run (settings, curves, results) in this runs folder")
    Path runs;

    @Option(names = "--beam", description = "encoder–decoder tasks: after training, show the candidates of a beam "
            + "search of this width on held-out inputs")
    Integer beam;

    @Override
    public Integer call() throws Exception {
        if (Seq2SeqCli.handles(opt)) {
            return Seq2SeqCli.train(opt, seq, save, quiet, beam);
        }
        if (beam != null) {
            throw new IllegalArgumentException("--beam is for the encoder–decoder tasks ("
                    + rnnlab.catalog.TaskRegistry.listSeq2Seq() + ")");
        }
        opt.checkRanges();
        if (save != null) {
            AtomicFiles.checkWritable(save); // before the training, not after it
        }
        if (runs != null) {
            java.nio.file.Files.createDirectories(runs); // before the training: a bad folder fails now
        }
        java.util.List<rnnlab.runs.CurvePoint> curve = new java.util.ArrayList<>();
        if (valEvery != null && valEvery < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--val-every must be at least 1 step, got " + valEvery);
        }
        if (earlyStop != null && (earlyStop < 1 || valEvery == null)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--early-stop needs a patience of at least 1 validation and --val-every N");
        }
        Task task = opt.task(TrainOptions.length(seq));
        TrainConfig cfg = opt.config(task);
        Trainer tr = new Trainer(task, cfg);
        var err = System.err;
        if (!quiet) {
            err.printf(Locale.ROOT, "%s: %s%n%s %s H=%d, %d parameters, T=%d, %s lr %.3g, batch %d, seed %d%n",
                    task.name(), task.teaches(), cfg.cell().id(), cfg.layers() > 1 ? cfg.layers() + " layers" : "",
                    cfg.hidden(), tr.model().config().parameterCount(), task.length(), cfg.optimizer(), cfg.lr(),
                    cfg.batch(), cfg.seed());
            if (!rnnlab.training.optim.Regularisation.NONE.equals(cfg.regularisation()) || !cfg.schedule().isConstant()) {
                err.println(remedies(cfg));
            }
        }
        long t0 = System.nanoTime();
        long lastBar = 0;
        long tokens = 0;
        long clips = 0;
        StepResult r = null;
        String problem = null;
        double recent = 0;
        int recentN = 0;
        Validation val = valEvery == null ? null : new Validation(task, cfg.seed());
        Validation.Point lastVal = null;
        boolean stoppedEarly = false;
        while (tr.steps() < cfg.steps()) {
            r = tr.step();
            tokens += r.tokens();
            clips += r.clipEvents();
            if (!r.ok()) {
                problem = r.problem();
                break;
            }
            if (tr.steps() > cfg.steps() * 9 / 10) {
                recent += r.loss();
                recentN++;
            }
            long now = System.nanoTime();
            if (!quiet && (now - lastBar > 100_000_000L || tr.steps() == cfg.steps())) {
                lastBar = now;
                bar(err, tr.steps(), cfg.steps(), r, clips, tokens / ((now - t0) / 1e9));
            }
            boolean validating = val != null && (tr.steps() % valEvery == 0 || tr.steps() == cfg.steps());
            curve.add(new rnnlab.runs.CurvePoint(tr.steps(), r.loss(), tr.lastLearningRate(), Double.NaN, Double.NaN));
            if (validating) {
                lastVal = val.validate(tr.model(), tr.steps());
                curve.set(curve.size() - 1, new rnnlab.runs.CurvePoint(tr.steps(), r.loss(), tr.lastLearningRate(),
                        lastVal.loss(), lastVal.metric().value()));
                if (!quiet) {
                    err.printf(Locale.ROOT, "%nstep %d: val_loss %.5g  val_metric (%s on validation data) %.5g%n", tr.steps(),
                            lastVal.loss(), lastVal.metric().name(), lastVal.metric().value());
                }
                if (earlyStop != null && val.patienceRunOut(earlyStop)) {
                    stoppedEarly = true;
                    break;
                }
            }
        }
        if (val != null && lastVal == null && problem == null) {
            lastVal = val.validate(tr.model(), tr.steps());
        }
        if (stoppedEarly) {
            tr.model().params().setFrom(val.bestWeights());
            if (!quiet) {
                err.printf(Locale.ROOT, "early stop: no better validation metric for %d validations; "
                        + "keeping the weights of step %d%n", earlyStop, val.best().step());
            }
        }
        double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        if (!quiet) {
            err.println();
        }
        if (problem != null) {
            err.println("stopped: " + problem);
        }
        Metric m = tr.evaluate();
        if (!quiet) {
            err.println(m.display());
            if (task instanceof rnnlab.training.tasks.AgreementTask a) {
                int[] ds = {0, 2, 4, 8, 12, 16, 24};
                double[] acc = a.accuracyByDistance(tr.model(), ds, cfg.seed() + 7919);
                StringBuilder sb = new StringBuilder("accuracy against clause length:");
                for (int i = 0; i < ds.length; i++) {
                    sb.append(String.format(Locale.ROOT, "  %d: %.0f%%", ds[i], 100 * acc[i]));
                }
                err.println(sb);
            }
        }
        if (save != null) {
            rnnlab.io.imports.ModelFiles.write(tr.model(), save);
        }
        if (runs != null) {
            record(task, cfg, curve, m, lastVal, val, secs, problem, stoppedEarly);
        }
        long windows = tr.steps() * cfg.batch();
        System.out.printf(Locale.ROOT, "{\"task\":\"%s\",\"cell\":\"%s\",\"hidden\":%d,\"layers\":%d,\"seq\":%d,"
                        + "\"parameters\":%d,\"steps\":%d,\"final_loss\":%s,\"final_loss_avg\":%s,\"metric\":%s,"
                        + "\"metric_name\":\"%s\",\"solved\":%s,\"clip_events\":%d,\"seconds\":%.3f,"
                        + "\"windows_per_sec\":%.2f,\"tokens_per_sec\":%.1f,\"stopped\":%s,\"early_stopped\":%s,"
                        + "\"dropout\":%s,\"weight_decay\":%s,\"adamw\":%s,\"schedule\":\"%s\",\"warmup\":%d,"
                        + "\"final_lr\":%s,\"weight_norm\":%s,"
                        + "\"val_loss\":%s,\"val_metric\":%s,\"best_step\":%s,\"best_val_metric\":%s%s}%n",
                task.name(), cfg.cell().id(), cfg.hidden(), cfg.layers(), task.length(),
                tr.model().config().parameterCount(), tr.steps(), num(r == null ? Double.NaN : r.loss()),
                num(recentN == 0 ? Double.NaN : recent / recentN), num(m.value()), m.name(),
                Double.isNaN(m.solvedBelow()) ? "null" : String.valueOf(m.solved()), clips, secs, windows / secs,
                tokens / secs, problem == null ? "null" : '"' + problem.replace('"', '\'') + '"', stoppedEarly,
                num(cfg.regularisation().dropout()), num(tr.optimizer().weightDecay()),
                tr.optimizer().decoupledWeightDecay(), cfg.schedule().kind().id(), cfg.schedule().warmup(),
                num(tr.lastLearningRate()), num(tr.model().params().globalNorm()),
                num(lastVal == null ? Double.NaN : lastVal.loss()),
                num(lastVal == null ? Double.NaN : lastVal.metric().value()),
                val == null || val.best() == null ? "null" : String.valueOf(val.best().step()),
                num(val == null || val.best() == null ? Double.NaN : val.best().metric().value()),
                perplexities(m, lastVal));
        return problem == null ? 0 : 1;
    }

    /** For the character model: {@code ,"perplexity":…,"val_perplexity":…} (2^bpc on test and validation text). */
    static String perplexities(Metric test, Validation.Point val) {
        if (Double.isNaN(test.perplexity())) {
            return "";
        }
        return ",\"perplexity\":" + num(test.perplexity()) + ",\"val_perplexity\":"
                + num(val == null ? Double.NaN : val.metric().perplexity());
    }

    private void record(Task task, TrainConfig cfg, java.util.List<rnnlab.runs.CurvePoint> curve, Metric m,
                        Validation.Point lastVal, Validation val, double secs, String problem, boolean early)
            throws java.io.IOException {
        var folder = new rnnlab.runs.RunsFolder(runs);
        var settings = rnnlab.runs.RunSettings.of(task.name(), task.length(), cfg, valEvery == null ? 0 : valEvery,
                earlyStop == null ? 0 : earlyStop);
        var res = new java.util.LinkedHashMap<String, Object>();
        res.put("steps_done", curve.isEmpty() ? 0 : curve.get(curve.size() - 1).step());
        res.put("final_loss", curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).loss());
        res.put("metric_name", m.name());
        res.put("metric", m.value());
        res.put("val_loss", lastVal == null ? Double.NaN : lastVal.loss());
        res.put("val_metric", lastVal == null ? Double.NaN : lastVal.metric().value());
        res.put("best_step", val == null || val.best() == null ? null : val.best().step());
        res.put("early_stopped", early);
        res.put("stopped", problem);
        res.put("seconds", secs);
        Path d = folder.write(new rnnlab.runs.RunRecord(folder.newId(settings), settings, res, curve));
        if (!quiet) {
            System.err.println("recorded in " + d);
        }
    }

    /** E.g. "dropout 0.3, weight decay 0.0001 (AdamW), lr schedule cosine, warm-up 50". */
    static String remedies(TrainConfig c) {
        var r = c.regularisation();
        return String.format(Locale.ROOT, "dropout %.3g, weight decay %.3g%s, lr schedule %s%s%s", r.dropout(),
                r.weightDecay(), r.decoupled() ? " (AdamW, decoupled)" : r.weightDecay() > 0 ? " (L2)" : "",
                c.schedule().describe(), r.residual() ? ", residual connections" : "",
                r.layerNorm() ? ", layer norm" : "");
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }

    static void bar(java.io.PrintStream err, long step, long total, StepResult r, long clips, double tps) {
        int width = 30;
        int done = (int) (width * step / Math.max(1, total));
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d loss %.4f |g| %.3g clips %d %.0f tok/s   ", "#".repeat(done),
                ".".repeat(width - done), step, total, r.loss(), r.gradNorm(), clips, tps);
    }
}
