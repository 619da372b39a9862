package rnnlab.training;

import rnnlab.training.optim.Clipper;
import rnnlab.training.optim.LrSchedule;
import rnnlab.training.optim.Optimizer;
import rnnlab.training.optim.Regularisation;
import rnnlab.training.tasks.DataStream;
import rnnlab.training.tasks.Task;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.Parameters;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * Trains one model on one task, one optimisation step at a time, on the caller's thread.
 *
 * <p>A step takes {@code batch} sequences from the task's stream, runs each forward and through full
 * BPTT (truncated BPTT when the stream carries state between windows), averages the gradients over
 * the batch, measures and clips them, and lets the optimiser update the weights in place. With batch
 * 1 the optimiser works directly on the run's gradients, so a step allocates nothing.
 *
 * <p>Divergence stops training early: a loss or gradient that is NaN or infinite, a loss more than
 * {@link #DIVERGE_FACTOR} times the lowest loss so far (and above the first step's loss), or weights that
 * overflow. The step then returns a {@link StepResult#problem()} that says so, and the model is given
 * back the best weights seen: those that gave the lowest finite loss. Deterministic: the same task,
 * configuration and seed give the same loss curve bit for bit.
 */
public final class Trainer {
    private final Task task;
    private final TrainConfig cfg;
    private final Model model;
    private final DataStream stream;
    private final Map<Integer, Run> runs = new HashMap<>();
    private final Parameters batchGrads;
    private final Optimizer optimizer;
    private final Clipper clipper;
    /** The weights that gave the lowest finite loss so far (copied before the step that improves on it updates them). */
    private final Parameters best;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private long bestStep;
    private double firstLoss = Double.NaN;
    private Run run;
    private Parameters grads;
    private long step;
    private LrSchedule schedule = LrSchedule.CONSTANT;
    private Regularisation regularisation = Regularisation.NONE;
    /** Dropout masks, from the seed (so a run with dropout is as reproducible as one without). */
    private java.util.SplittableRandom dropoutRng;

    /** A fresh model initialised from the seed ({@link Init#PYTORCH} as given means: the task's own default). */
    public Trainer(Task task, TrainConfig cfg) {
        this(task, cfg, cfg.init() == Init.PYTORCH ? task.init(cfg.cell()) : cfg.init());
    }

    private Trainer(Task task, TrainConfig cfg, Init init) {
        this(task, cfg, init.create(cfg.regularisation().shape(task.config(cfg.cell(), cfg.hidden(), cfg.layers())),
                cfg.seed()));
    }

    /** Trains an existing model (its architecture must fit the task). */
    public Trainer(Task task, TrainConfig cfg, Model model) {
        this.task = task;
        this.cfg = cfg;
        this.model = model;
        this.stream = task.stream(cfg.seed() * 0x9E3779B97F4A7C15L + 1);
        int rows = model.config().numLayers() * model.config().directions();
        carryH = new DMatrixRMaj(rows, model.config().hiddenSize());
        carryC = new DMatrixRMaj(rows, model.config().hiddenSize());
        stream.bindState(carryH, carryC);
        Sequence first = stream.next();
        this.run = runFor(first.length());
        this.run.load(first);
        pending = first;
        if (cfg.batch() == 1) {
            batchGrads = null;
            grads = run.gradients();
        } else {
            batchGrads = Parameters.zeros(model.config());
            grads = batchGrads;
        }
        this.optimizer = Optimizer.create(cfg.optimizer(), model.params(), grads, cfg.lr());
        this.clipper = new Clipper(grads, cfg.clipMode(), cfg.clip());
        this.best = model.params().copy();
        // the configuration's remedies and schedule (NONE leaves the optimiser's own decay, e.g. adamw's 0.01)
        if (!Regularisation.NONE.equals(cfg.regularisation())) {
            setRegularisation(cfg.regularisation());
        }
        setSchedule(cfg.schedule());
    }

    private Sequence pending;
    private final DMatrixRMaj carryH;
    private final DMatrixRMaj carryC;

    private Run runFor(int length) {
        Run r = runs.get(length);
        if (r == null) {
            r = new Run(model, length);
            runs.put(length, r);
        }
        return r;
    }

    /** The learning-rate schedule of the next steps (the base rate is the configuration's). */
    public void setSchedule(LrSchedule s) {
        this.schedule = s == null ? LrSchedule.CONSTANT : s;
    }

    public LrSchedule schedule() {
        return schedule;
    }

    /** Dropout and weight decay for the next steps. */
    public void setRegularisation(Regularisation r) {
        Regularisation reg = r == null ? Regularisation.NONE : r;
        optimizer.setWeightDecay(reg.weightDecay(), reg.decoupled());
        this.regularisation = reg;
        if (reg.dropout() > 0 && dropoutRng == null) {
            dropoutRng = new java.util.SplittableRandom(cfg.seed() * 0xD1B54A32D192ED03L + 31);
        }
        if (reg.dropout() == 0) {
            for (Run r2 : runs.values()) {
                r2.setDropout(0, false, null);
            }
        }
    }

    public Regularisation regularisation() {
        return regularisation;
    }

    /** The learning rate the last step used (the schedule's rate at that step). */
    public double lastLearningRate() {
        return optimizer.learningRate();
    }

    /**
     * A snapshot of the dropout masks the last step used (those of its batch's last sequence), or null
     * before the first step or without dropout. Allocates: call it now and then (e.g. per progress report),
     * on the training thread, between steps.
     */
    public DropoutMask dropoutMask() {
        if (step == 0 || regularisation.dropout() <= 0) {
            return null;
        }
        int layers = model.config().numLayers();
        int width = model.config().hiddenSize() * model.config().directions();
        boolean[][] dropped = new boolean[layers][];
        boolean any = false;
        for (int l = 0; l < layers; l++) {
            double[] k = run.dropoutScales(l);
            if (k != null) {
                boolean[] d = new boolean[k.length];
                for (int i = 0; i < k.length; i++) {
                    d[i] = k[i] == 0;
                }
                dropped[l] = d;
                any = true;
            }
        }
        return any ? new DropoutMask(step, regularisation.dropout(), run.length(), width, dropped) : null;
    }

    /**
     * The norm of all the model's parameters, ‖θ‖ = √(Σ θ²) over every weight matrix and bias (what
     * weight decay shrinks). Reads every parameter once.
     */
    public double weightNorm() {
        double s = 0;
        for (DMatrixRMaj m : model.params().asMap().values()) {
            double[] d = m.data;
            int n = m.getNumElements();
            for (int i = 0; i < n; i++) {
                s += d[i] * d[i];
            }
        }
        return Math.sqrt(s);
    }

    /** The sequence the last step trained on (its batch's last one; null before the first step). */
    public Sequence lastSequence() {
        return lastSequence;
    }

    private Sequence lastSequence;

    /** One optimisation step. */
    public StepResult step() {
        advance();
        return new StepResult(step, lastLoss, lastNorm, lastClips, lastTokens, lastProblem);
    }

    /**
     * One optimisation step without allocating: the results are in {@link #lastLoss()} and friends.
     * Returns false (and leaves the weights as they were) when training must stop; {@link #lastProblem()}
     * says why.
     */
    public boolean advance() {
        step++;
        double lossSum = 0;
        int targets = 0;
        int tokens = 0;
        for (int b = 0; b < cfg.batch(); b++) {
            Sequence s = pending != null ? pending : stream.next();
            pending = null;
            if (s.length() != run.length()) {
                run = runFor(s.length());
                if (cfg.batch() == 1) {
                    throw new IllegalStateException("batch 1 needs sequences of one length");
                }
            }
            run.load(s);
            lastSequence = s;
            if (regularisation.dropout() > 0) {
                run.setDropout(regularisation.dropout(), regularisation.outputDropout(), dropoutRng);
            }
            lossSum += run.forwardBackward();
            if (stream.carriesState()) {
                run.finalState(carryH, carryC);
            }
            targets += s.targetCount();
            tokens += s.length();
            if (batchGrads != null) {
                addInto(batchGrads, run.gradients(), b == 0, 1.0 / cfg.batch());
            }
        }
        lastLoss = lossSum / targets;
        lastTokens = tokens;
        lastClips = clipper.clip();
        lastNorm = clipper.lastNorm();
        lastProblem = null;
        if (Double.isNaN(firstLoss)) {
            firstLoss = lastLoss;
        }
        if (!Double.isFinite(lastLoss) || !Double.isFinite(lastNorm)) {
            lastProblem = explain(lastLoss, lastNorm) + restoreBest();
            return false;
        }
        if (diverged(lastLoss)) {
            lastProblem = String.format(Locale.ROOT, "training diverged at step %d: the loss %.3g is more than %.0f "
                    + "times the lowest so far (%.3g at step %d); try a smaller learning rate or clipping", step,
                    lastLoss, DIVERGE_FACTOR, bestLoss, bestStep) + restoreBest();
            return false;
        }
        if (lastLoss < bestLoss) {
            best.setFrom(model.params()); // the weights that gave this loss, before this step changes them
            bestLoss = lastLoss;
            bestStep = step;
        }
        if (!schedule.isConstant()) {
            optimizer.setLearningRate(schedule.rate(cfg.lr(), step, cfg.steps()));
        }
        if (!optimizer.step()) {
            lastProblem = String.format(Locale.ROOT, "weights overflowed at step %d (gradient norm %.2g); try a "
                    + "smaller learning rate or clipping", step, lastNorm) + restoreBest();
            return false;
        }
        return true;
    }

    /** Whether {@code loss} is far above the best so far: more than DIVERGE_FACTOR × best, and above the first loss. */
    private boolean diverged(double loss) {
        return bestStep > 0 && loss > DIVERGE_FACTOR * bestLoss && loss > firstLoss;
    }

    /** Gives the model back the best weights seen; the text says which. */
    private String restoreBest() {
        if (bestStep == 0) {
            model.params().setFrom(best); // the weights training started from
            return "; kept the starting weights";
        }
        model.params().setFrom(best);
        return String.format(Locale.ROOT, "; restored the best weights seen (those of step %d, loss %.4g)", bestStep,
                bestLoss);
    }

    /** The lowest finite loss seen so far (infinite before the first step). */
    public double bestLoss() {
        return bestLoss;
    }

    private double lastLoss = Double.NaN;
    private double lastNorm = Double.NaN;
    private int lastClips;
    private int lastTokens;
    private String lastProblem;

    /** Mean loss per target step of the last step. */
    public double lastLoss() {
        return lastLoss;
    }

    public String lastProblem() {
        return lastProblem;
    }

    /** A loss this many times the best so far (and above the first) means training diverged. */
    public static final double DIVERGE_FACTOR = 1e3;

    private String explain(double loss, double norm) {
        if (!Double.isFinite(norm) || norm > 1e6) {
            return String.format(Locale.ROOT, "gradients exploded at step %d: norm %.2g; try clipping "
                    + "(e.g. at norm 5) or a smaller learning rate", step, norm);
        }
        return String.format(Locale.ROOT, "loss became %s at step %d; try a smaller learning rate", loss, step);
    }

    /** acc = (first ? 0 : acc) + f · g */
    private static void addInto(Parameters acc, Parameters g, boolean first, double f) {
        for (var e : acc.asMap().entrySet()) {
            double[] a = e.getValue().data;
            double[] d = g.get(e.getKey()).data;
            for (int i = 0; i < a.length; i++) {
                a[i] = (first ? 0 : a[i]) + f * d[i];
            }
        }
    }

    /** The task's metric on held-out data (a fixed evaluation seed, so values are comparable). */
    public Metric evaluate() {
        return task.evaluate(model, cfg.seed() + 7919);
    }

    public Model model() {
        return model;
    }

    public Task task() {
        return task;
    }

    public TrainConfig config() {
        return cfg;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public long steps() {
        return step;
    }
}
