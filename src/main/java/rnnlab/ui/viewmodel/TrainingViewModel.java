package rnnlab.ui.viewmodel;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.*;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.training.optim.Clipper;
import rnnlab.training.Progress;
import rnnlab.training.tasks.Corpus;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;
import rnnlab.training.TrainConfig;
import rnnlab.training.Trainer;
import rnnlab.training.TrainingSession;
import rnnlab.i18n.Messages;

/**
 * Live training for the app: the settings as properties (defaults from the chosen task), a
 * {@link TrainingSession} on its own thread, and what it reports handed to the FX thread coalesced
 * (one hand-over in flight at a time, so a busy FX thread gets fewer, larger updates). Every 250 ms a
 * copy of the weights, made on the training thread between steps, goes to the weight sink (the main
 * window's {@link RunViewModel#showTrainedWeights}); a character model also writes samples every few
 * seconds. NaN or infinity stops training with a banner; the last good weights stay.
 *
 * <p>Call every method on the FX thread.
 */
public final class TrainingViewModel {
    /** Where a session is. */
    public enum State {
        IDLE, RUNNING, PAUSED, COMPLETED, STOPPED, DIVERGED, FAILED;

        public boolean active() {
            return this == RUNNING || this == PAUSED;
        }
    }

    public static final List<String> TASKS = rnnlab.catalog.TaskRegistry.NAMES;
    public static final List<String> CELLS = RunViewModel.CELL_TYPES;
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adagrad", "adam");
    public static final List<String> SCHEDULES = List.of("constant", "step", "cosine");
    /** The shipped texts the character model can train on: the essay, RNN Lab's Java sources, the Tang poems. */
    public static final List<String> CORPORA = java.util.Arrays.stream(Corpus.values()).map(Corpus::id).toList();
    /** How often the views get the latest weights while training. */
    public static final long WEIGHTS_EVERY_MS = 250;
    /** How often a character model writes a sample while training. */
    public static final long SAMPLE_EVERY_MS = 3000;
    static final int SAMPLE_LENGTH = 160;
    /** The share of the time training runs while the views animate (the rest is left to drawing). */
    public static final double BUSY_SHARE = 0.25;
    /** The FX thread applies what training reported at most this often (charts, figures). */
    public static final long HAND_OVER_MS = 100;
    static final int SAMPLES_KEPT = 4;

    /**
     * New chart points since the previous update (steps are the x values). {@code reset}: clear first.
     * {@code lr}: the learning rate of each of {@code steps}; {@code weightNorm}: ‖θ‖ at {@code normSteps};
     * {@code valLoss} and {@code valMetric}: the held-out validation at {@code valSteps} (every
     * {@link #validationInterval} steps and at the end).
     */
    public record Update(boolean reset, double[] steps, double[] loss, double[] smoothLoss, double[] gradNorm,
                         double[] clipSteps, double[] metricSteps, double[] metric, double[] lr,
                         double[] normSteps, double[] weightNorm, double[] valSteps, double[] valLoss,
                         double[] valMetric) {
    }

    /** The panel validates on held-out data every this many steps of a run of {@code steps} (20 times a run, as the sweep). */
    public static long validationInterval(long steps) {
        return Math.max(1, steps / 20);
    }

    /**
     * The validation interval the panel's field asks for in a run of {@code steps}: blank means
     * {@link #validationInterval} (steps/20); otherwise a whole number from 1 to {@code steps}, else an
     * {@link IllegalArgumentException} whose message says so (in the user's language).
     */
    public static long validationEvery(String text, long steps) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return validationInterval(steps);
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 1 || v > steps) {
            throw new IllegalArgumentException(Messages.format("training.error.valEvery", t, steps));
        }
        return v;
    }

    /** The patience the early-stopping field asks for: a whole number of validations, at least 1, else an explained {@link IllegalArgumentException}. */
    public static int patience(String text) {
        String t = text == null ? "" : text.trim();
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 1) {
            throw new IllegalArgumentException(Messages.format("training.error.patience", t));
        }
        return v;
    }

    /** Points of the learning-rate schedule a run with the panel's settings would follow (x: step, y: rate). */
    public record Curve(double[] steps, double[] values) {
        public static final Curve EMPTY = new Curve(new double[0], new double[0]);
    }

    /** At most this many points preview the schedule. */
    static final int PREVIEW_POINTS = 400;

    private final StringProperty task = new SimpleStringProperty(this, "task", "binary-addition");
    private final StringProperty cell = new SimpleStringProperty(this, "cell", "lstm");
    private final IntegerProperty hidden = new SimpleIntegerProperty(this, "hidden", 16);
    private final StringProperty optimizer = new SimpleStringProperty(this, "optimizer", "adam");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "lr", 0.01);
    /** Clip the global gradient norm at this value; 0: no clipping. */
    private final DoubleProperty clip = new SimpleDoubleProperty(this, "clip", 5);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 500);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    /** Dropout p while training (0: off). */
    private final DoubleProperty dropout = new SimpleDoubleProperty(this, "dropout", 0);
    /** Weight decay λ (0: off): L2, or decoupled with {@link #adamwProperty()}. */
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(this, "weightDecay", 0);
    private final BooleanProperty adamw = new SimpleBooleanProperty(this, "adamw", false);
    /** Residual connections between stacked layers (a model of its own with at least 2 layers). */
    private final BooleanProperty residual = new SimpleBooleanProperty(this, "residual", false);
    /** Layer normalisation inside the cell (Ba et al. 2016). */
    private final BooleanProperty layerNorm = new SimpleBooleanProperty(this, "layerNorm", false);
    /** constant, step or cosine ({@link #SCHEDULES}). */
    private final StringProperty schedule = new SimpleStringProperty(this, "schedule", "constant");
    private final IntegerProperty warmup = new SimpleIntegerProperty(this, "warmup", 0);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 0.8);
    /** The character model's training text (null: the text that ships with RNN Lab). */
    private final StringProperty text = new SimpleStringProperty(this, "text");
    /** Which shipped text the character model trains on ({@link #CORPORA}); choosing one sets {@link #textProperty()}. */
    private final StringProperty corpus = new SimpleStringProperty(this, "corpus", Corpus.MEMORY.id());
    /** "Validate every N steps" as typed (blank: steps/20, {@link #validationInterval}). */
    private final StringProperty validateEvery = new SimpleStringProperty(this, "validateEvery", "");
    /** Early stopping on the validation metric, keeping the best weights (off by default). */
    private final BooleanProperty earlyStop = new SimpleBooleanProperty(this, "earlyStop", false);
    /** Validations without a better one before stopping, as typed. */
    private final StringProperty patience = new SimpleStringProperty(this, "patience", "5");
    /** What is wrong with the validation interval or the patience ("" when nothing): one message for the panel. */
    private final ReadOnlyStringWrapper validationProblem = new ReadOnlyStringWrapper(this, "validationProblem", "");
    /** The best held-out validation of the current or last run (null before the first). */
    private final ReadOnlyObjectWrapper<rnnlab.training.Validation.Point> bestValidation =
            new ReadOnlyObjectWrapper<>(this, "bestValidation");
    /** ‖W‖_F of every weight matrix over the current or last run (null before the first run). */
    private final ReadOnlyObjectWrapper<rnnlab.training.NormHistory> normHistory =
            new ReadOnlyObjectWrapper<>(this, "normHistory");
    /** The step at which the last run stopped early (-1: it did not). */
    private final ReadOnlyLongWrapper stoppedEarlyAt = new ReadOnlyLongWrapper(this, "stoppedEarlyAt", -1);

    private final ReadOnlyStringWrapper teaches = new ReadOnlyStringWrapper(this, "teaches", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper loss = new ReadOnlyDoubleWrapper(this, "loss", Double.NaN);
    private final ReadOnlyStringWrapper metricText = new ReadOnlyStringWrapper(this, "metricText", "");
    private final ReadOnlyStringWrapper metricName = new ReadOnlyStringWrapper(this, "metricName", "");
    private final ReadOnlyDoubleWrapper solvedBelow = new ReadOnlyDoubleWrapper(this, "solvedBelow", Double.NaN);
    private final ReadOnlyDoubleWrapper tokensPerSecond = new ReadOnlyDoubleWrapper(this, "tokensPerSecond");
    private final ReadOnlyLongWrapper clipTotal = new ReadOnlyLongWrapper(this, "clipTotal");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner");
    private final ReadOnlyStringWrapper bannerDetail = new ReadOnlyStringWrapper(this, "bannerDetail", "");
    private final ReadOnlyStringWrapper samples = new ReadOnlyStringWrapper(this, "samples", "");
    private final ReadOnlyBooleanWrapper samplesAvailable = new ReadOnlyBooleanWrapper(this, "samplesAvailable");
    private final ReadOnlyObjectWrapper<Update> update = new ReadOnlyObjectWrapper<>(this, "update");
    private final ReadOnlyObjectWrapper<Curve> lrPreview = new ReadOnlyObjectWrapper<>(this, "lrPreview", Curve.EMPTY);
    private final ReadOnlyObjectWrapper<rnnlab.training.DropoutMask> dropoutMask =
            new ReadOnlyObjectWrapper<>(this, "dropoutMask");

    /** Reports of the training thread, collected until the FX thread applies them. */
    private final TrainingFeed feed = new TrainingFeed(() -> Platform.runLater(this::drain));
    private TrainingSession session;
    private WeightSink weightSink = (m, last) -> { };
    private volatile long weightsEveryMs = WEIGHTS_EVERY_MS;
    /** True while a step animates: new weights wait until it has finished (staggered, never mid-animation). */
    private volatile boolean viewsAnimating;
    private long lastDrain;
    private boolean drainScheduled;
    private final ViewsPacer pacer = new ViewsPacer(BUSY_SHARE);
    private final java.util.ArrayDeque<String> sampleLog = new java.util.ArrayDeque<>();
    /** The run being recorded for the runs folder (null before the first start). */
    private RunRecorder recorder;
    private java.nio.file.Path runsFolder = rnnlab.io.UserFiles.file("runs");
    private final ReadOnlyIntegerWrapper runsRecorded = new ReadOnlyIntegerWrapper(this, "runsRecorded");

    public TrainingViewModel() {
        task.addListener((o, a, t) -> applyTaskDefaults());
        corpus.addListener((o, a, c) -> {
            Corpus k = Corpus.of(c);
            text.set(k == null || k == Corpus.MEMORY ? null : k.text());
        });
        applyTaskDefaults();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {schedule, warmup, steps, learningRate}) {
            o.addListener(x -> previewSchedule());
        }
        previewSchedule();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {validateEvery, earlyStop, patience, steps}) {
            o.addListener(x -> checkValidation());
        }
    }

    /** Sets {@link #validationProblemProperty()} from the fields as they are now. */
    private void checkValidation() {
        String problem = "";
        try {
            validationEvery(validateEvery.get(), steps.get());
            if (earlyStop.get()) {
                patience(patience.get());
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        validationProblem.set(problem);
    }

    /** Recomputes the schedule preview from the settings (empty when they do not make a schedule). */
    private void previewSchedule() {
        lrPreview.set(schedulePreview(schedule.get(), warmup.get(), steps.get(), learningRate.get()));
    }

    /**
     * The rate of a run of {@code total} steps over its steps, at most {@link #PREVIEW_POINTS} of them
     * (always the first and the last, and both sides of every step decay and of the end of the warm-up).
     */
    static Curve schedulePreview(String kind, int warm, int total, double lr) {
        if (total < 1 || warm > total || !(lr > 0) || !Double.isFinite(lr)) {
            return Curve.EMPTY;
        }
        rnnlab.training.optim.LrSchedule s;
        try {
            s = rnnlab.training.optim.LrSchedule.parse(kind, warm, total);
        } catch (IllegalArgumentException e) {
            return Curve.EMPTY;
        }
        java.util.TreeSet<Long> at = new java.util.TreeSet<>();
        int n = Math.min(total, PREVIEW_POINTS);
        for (int i = 0; i < n; i++) {
            at.add(1 + Math.round((double) i * (total - 1) / Math.max(1, n - 1)));
        }
        // the corners of a staircase and of the warm-up, so that they stay sharp however few points there are
        if (warm > 0) {
            at.add((long) warm);
            at.add(Math.min(total, warm + 1L));
        }
        if (s.kind() == rnnlab.training.optim.LrSchedule.Kind.STEP) {
            for (long b = warm + 1L + s.stepSize(); b <= total; b += s.stepSize()) {
                at.add(b - 1);
                at.add(b);
            }
        }
        double[] xs = new double[at.size()];
        double[] ys = new double[at.size()];
        int i = 0;
        for (long x : at) {
            xs[i] = x;
            ys[i++] = s.rate(lr, x, total);
        }
        return new Curve(xs, ys);
    }

    /** Receives weight copies on the training thread (it must hand them on, not keep the thread). */
    public interface WeightSink {
        /** @param last true for the weights training ended with */
        void accept(Model copy, boolean last);
    }

    public void setWeightSink(WeightSink sink) {
        weightSink = sink == null ? (m, last) -> { } : sink;
    }

    /**
     * Tells training that the views are animating (a step or play): it then runs only {@link #BUSY_SHARE}
     * of the time, so on a two-core machine the drawing keeps its frame rate. Any thread.
     */
    public void setViewsBusy(boolean busy) {
        pacer.setViewsBusy(busy);
    }

    /** Tells training that the views got a new frame and repaint now: it yields for a moment. Any thread. */
    public void viewsRepainting() {
        pacer.viewsRepainting();
    }

    /** Tells training that a step is animating now: weight snapshots are held back until it ends. Any thread. */
    public void setViewsAnimating(boolean animating) {
        viewsAnimating = animating;
    }

    /** The share of time training runs while the views are busy (1: never yield). */
    public void setBusyShare(double share) {
        pacer.setShare(share);
    }

    /** How often the views get the latest weights while training (ms; 0: only when training ends). */
    public void setWeightsInterval(long ms) {
        weightsEveryMs = Math.max(0, ms);
    }

    public long weightsInterval() {
        return weightsEveryMs;
    }

    /** Where weight copies go (read on the training thread). */
    WeightSink weightSink() {
        return weightSink;
    }

    /** Whether a step is animating now (read on the training thread). */
    boolean viewsAnimating() {
        return viewsAnimating;
    }

    /** The chosen task's defaults: cell, size, optimiser, rate, clipping, steps. */
    public void applyTaskDefaults() {
        Task t = Tasks.create(task.get(), 0);
        TrainConfig d = t.defaults();
        cell.set(d.cell().id());
        hidden.set(d.hidden());
        optimizer.set(OPTIMIZERS.contains(d.optimizer()) ? d.optimizer() : "adam");
        learningRate.set(d.lr());
        clip.set(d.clipMode() == Clipper.Mode.NORM ? d.clip() : 0);
        steps.set(d.steps());
        teaches.set(MetricText.teaches(t));
        samplesAvailable.set("charlm".equals(t.name()));
    }

    /** The configuration with the panel's dropout, weight decay, AdamW, schedule and warm-up. */
    TrainConfig withRemedies(TrainConfig cfg) {
        double p = dropout.get();
        double wd = weightDecay.get();
        if (adamw.get() && !"adam".equals(cfg.optimizer())) {
            throw new IllegalArgumentException(Messages.get("training.adamw.tip"));
        }
        if (p > 0 || wd > 0 || adamw.get() || residual.get() || layerNorm.get()) {
            cfg = cfg.withRegularisation(new rnnlab.training.optim.Regularisation(p, p > 0, wd, adamw.get())
                    .withArchitecture(residual.get(), layerNorm.get()));
        }
        if (warmup.get() > cfg.steps()) {
            throw new IllegalArgumentException(Messages.get("training.warmup") + " > " + Messages.get("training.steps"));
        }
        return cfg.withSchedule(rnnlab.training.optim.LrSchedule.parse(schedule.get(), warmup.get(), cfg.steps()));
    }

    /** The configuration {@link #start()} would train with now (for tests and the runs folder). */
    public TrainConfig currentConfig() {
        Task t = Tasks.create(task.get(), 0);
        CellType c = CellType.fromId(cell.get());
        TrainConfig d = t.defaults();
        double cl = clip.get();
        return withRemedies(new TrainConfig(c == null ? d.cell() : c, hidden.get(), layersFor(d.layers()), steps.get(),
                optimizer.get(), learningRate.get(), cl > 0 ? Clipper.Mode.NORM : Clipper.Mode.NONE,
                cl > 0 ? cl : 0, d.batch(), seed.get(), null));
    }

    /** The task's layers, or 2 when residual connections are on and the task has one (they join stacked layers). */
    int layersFor(int taskLayers) {
        return residual.get() ? Math.max(2, taskLayers) : taskLayers;
    }

    /** Whether a model already has the residual / layer-norm options the panel asks for. */
    private boolean sameOptions(rnnlab.engine.ModelConfig mc) {
        return mc.residual() == residual.get() && mc.layerNorm() == layerNorm.get();
    }

    /** Where the model the views show comes from, and where training says it has ended (issue 12). */
    public interface ShownModel {
        /** Hands a copy of the model shown to {@code then} on the FX thread. */
        void fetch(java.util.function.Consumer<Model> then);

        /** Training ended; {@code restore}: it trained a model of its own, bring back the one shown before. */
        void ended(boolean restore);
    }

    private ShownModel shownModel;
    /** The session trains a model of its own (the one shown did not fit the task): restore it at the end. */
    private boolean ownModel;
    private boolean fetching;
    /** The patience of the current or last run (0: no early stopping). */
    private int patienceUsed;

    /** Training starts from the model the views show when it fits the task (null: always a fresh model). */
    public void setShownModel(ShownModel source) {
        shownModel = source;
    }

    /** Whether a model with this structure can learn the task as it is (its inputs and outputs fit). */
    static boolean fits(Task t, rnnlab.engine.ModelConfig mc) {
        return !mc.bidirectional() && t.config(mc.cell(), mc.hiddenSize(), mc.numLayers()).equals(mc);
    }

    /**
     * Starts training: the model the views show when it fits the task (its cell and size, its weights),
     * else a fresh model from the panel's settings, saying so; the model shown comes back at the end.
     */
    public void start() {
        if (state.get().active() || fetching) {
            return;
        }
        // the fields are checked now, not when the model shown arrives: a Start refused for a bad field was
        // otherwise carried out a moment later with the fields as they were then (a test that set them right
        // meanwhile saw a run it had not started, then its own Start began another, and it read that one's
        // start message after the first one's end)
        String problem = fieldProblem();
        if (problem != null) {
            status.set(Messages.format("training.error.settings", problem));
            return;
        }
        if (shownModel == null) {
            start(null);
            return;
        }
        fetching = true;
        shownModel.fetch(m -> {
            fetching = false;
            start(m);
        });
    }

    /**
     * What is wrong with the panel's fields, checked as {@link #start(Model)} checks them (the optimizer for
     * AdamW, the warm-up, the learning rate, the validation interval and the patience), or null: nothing.
     */
    String fieldProblem() {
        try {
            if (adamw.get() && !"adam".equals(optimizer.get())) {
                throw new IllegalArgumentException(Messages.get("training.adamw.tip"));
            }
            if (warmup.get() > steps.get()) {
                throw new IllegalArgumentException(Messages.get("training.warmup") + " > " + Messages.get("training.steps"));
            }
            rnnlab.training.optim.LrSchedule.parse(schedule.get(), warmup.get(), steps.get());
            if (!(learningRate.get() > 0) || !Double.isFinite(learningRate.get())) {
                throw new IllegalArgumentException(Messages.get("training.error.lr"));
            }
            validationEvery(validateEvery.get(), steps.get());
            if (earlyStop.get()) {
                patience(patience.get());
            }
            return null;
        } catch (IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Starts on {@code shown} when it fits the task, else on a fresh model ({@code shown} null: fresh, nothing to restore). */
    public void start(Model shown) {
        if (state.get().active()) {
            return;
        }
        Trainer trainer;
        String started;
        boolean own;
        long valEvery;
        int valPatience;
        try {
            Corpus k = chosenCorpus();
            Task t = Tasks.create(task.get(), 0, text.get(), k != null && k.embedding(),
                    k == null ? rnnlab.training.tasks.CharVocab.DEFAULT_COMMON : k.vocab());
            boolean trainShown = shown != null && fits(t, shown.config()) && sameOptions(shown.config());
            CellType c = trainShown ? shown.config().cell() : CellType.fromId(cell.get());
            TrainConfig d = t.defaults();
            double cl = clip.get();
            int h = trainShown ? shown.config().hiddenSize() : hidden.get();
            int layers = trainShown ? shown.config().numLayers() : layersFor(d.layers());
            TrainConfig cfg = new TrainConfig(c == null ? d.cell() : c, h, layers, steps.get(),
                    optimizer.get(), learningRate.get(), cl > 0 ? Clipper.Mode.NORM : Clipper.Mode.NONE,
                    cl > 0 ? cl : 0, d.batch(), seed.get(), null);
            cfg = withRemedies(cfg);
            if (!(cfg.lr() > 0) || !Double.isFinite(cfg.lr())) {
                throw new IllegalArgumentException(Messages.get("training.error.lr"));
            }
            valEvery = validationEvery(validateEvery.get(), cfg.steps());
            valPatience = earlyStop.get() ? patience(patience.get()) : 0;
            trainer = trainShown ? new Trainer(t, cfg, shown) : new Trainer(t, cfg);
            recorder = new RunRecorder(t.name(), t.length(), cfg, valEvery, valPatience);
            String cellName = Messages.get("cell." + cfg.cell().id());
            if (trainShown) {
                started = Messages.format("training.status.shown", task.get(), cellName, h);
            } else if (shown != null) {
                rnnlab.engine.ModelConfig need = t.config(cfg.cell(), h, layers);
                started = Messages.format("training.status.own", task.get(), need.inputSize(), need.outputSize(), cellName, h);
            } else {
                started = Messages.format("training.status.started", task.get(), cell.get(), hidden.get());
            }
            own = !trainShown && shown != null;
        } catch (IllegalArgumentException e) {
            status.set(Messages.format("training.error.settings", String.valueOf(e.getMessage())));
            if (shownModel != null && shown != null) {
                shownModel.ended(false);
            }
            return;
        }
        ownModel = own;
        banner.set(null);
        bannerDetail.set("");
        sampleLog.clear();
        samples.set("");
        step.set(0);
        progress.set(0);
        loss.set(Double.NaN);
        metricText.set("");
        tokensPerSecond.set(0);
        clipTotal.set(0);
        solvedBelow.set(Double.NaN);
        metricName.set("");
        bestValidation.set(null);
        stoppedEarlyAt.set(-1);
        normHistory.set(rnnlab.training.NormHistory.empty(rnnlab.training.NormHistory.weightNames(trainer.model().params())));
        double[] none = new double[0];
        update.set(new Update(true, none, none, none, none, none, none, none, none, none, none, none, none, none));
        dropoutMask.set(null);
        feed.clear();
        weightSink.accept(trainer.model().copy(), false);
        long total = trainer.config().steps();
        long evalEvery = Math.max(1, total / 40);
        feed.reset(evalEvery);
        Corpus k = chosenCorpus();
        TrainingListener l = new TrainingListener(this, feed, trainer, temperature.get(), samplesAvailable.get(), seed.get(),
                k == null ? Corpus.MEMORY.prime() : k.prime());
        session = new TrainingSession(trainer, total, evalEvery, l);
        patienceUsed = valPatience;
        session.setValidation(new rnnlab.training.Validation(trainer.task(), trainer.config().seed()), valEvery,
                valPatience);
        session.setPacer(pacer::pace);
        state.set(State.RUNNING);
        status.set(started);
        session.start();
    }

    public void pause() {
        if (state.get() == State.RUNNING) {
            session.pause();
            state.set(State.PAUSED);
            status.set(Messages.format("training.status.paused", step.get()));
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED) {
            session.resume();
            state.set(State.RUNNING);
            status.set(Messages.get("training.status.resumed"));
        }
    }

    /** Start when idle or ended, pause when running, resume when paused (one key for all three). */
    public void startOrTogglePause() {
        switch (state.get()) {
            case RUNNING -> pause();
            case PAUSED -> resume();
            default -> start();
        }
    }

    /** Ends the session; the model keeps the weights it has. */
    public void stop() {
        if (session != null && state.get().active()) {
            session.cancel();
        }
    }

    /** The window is closing. */
    public void shutdown() {
        if (session != null) {
            session.cancel();
        }
    }

    /** Waits (off the FX thread) until the current session has ended. */
    public void awaitEnd() throws InterruptedException {
        TrainingSession s = session;
        if (s != null) {
            s.await();
        }
    }

    // ---- the training thread's side ---------------------------------------------------------------

    // ---- FX side ----------------------------------------------------------------------------------

    private void drain() {
        long now = System.nanoTime();
        long wait = HAND_OVER_MS - (now - lastDrain) / 1_000_000;
        boolean ending = feed.ending();
        if (wait > 0 && !ending) {
            // too soon after the previous hand-over: apply it a little later (pending keeps collecting)
            if (!drainScheduled) {
                drainScheduled = true;
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(wait));
                later.setOnFinished(e -> {
                    drainScheduled = false;
                    drain();
                });
                later.play();
            }
            return;
        }
        lastDrain = now;
        TrainingFeed.Pending q = feed.take();
        if (q == null) {
            return;
        }
        if (q.steps.size() > 0 || q.metric.size() > 0 || q.valSteps.size() > 0) {
            update.set(new Update(false, q.steps.toArray(), q.loss.toArray(), q.smooth.toArray(), q.grad.toArray(),
                    q.clips.toArray(), q.metricSteps.toArray(), q.metric.toArray(), q.lr.toArray(),
                    q.normSteps.toArray(), q.norm.toArray(), q.valSteps.toArray(), q.valLoss.toArray(),
                    q.valMetric.toArray()));
            for (rnnlab.training.Validation.Point v : q.validations) {
                if (bestValidation.get() == null || rnnlab.training.Validation.better(v, bestValidation.get())) {
                    bestValidation.set(v);
                }
            }
            if (recorder != null) {
                recorder.add(q.steps.toArray(), q.loss.toArray(), q.metricSteps.toArray(), q.metric.toArray(),
                        q.validations);
            }
        }
        rnnlab.training.NormHistory nh = normHistory.get();
        if (nh != null && (q.matrixNormSteps.size() > 0 || q.outcome != null)) {
            normHistory.set(nh.with(q.matrixNormSteps.toArray(), q.matrixNorms, q.outcome != null));
        }
        if (q.dropout != null && q.outcome == null) {
            dropoutMask.set(q.dropout);
        }
        Progress p = q.last;
        if (p != null) {
            step.set(p.step());
            progress.set(p.totalSteps() <= 0 ? 1 : Math.min(1, (double) p.step() / p.totalSteps()));
            loss.set(p.loss());
            tokensPerSecond.set(p.tokensPerSec());
            clipTotal.set(p.clipTotal());
            if (p.metric() != null) {
                metricText.set(MetricText.display(p.metric()));
                metricName.set(MetricText.name(p.metric()));
                solvedBelow.set(p.metric().solvedBelow());
            }
        }
        if (q.sample != null) {
            sampleLog.addFirst(Messages.format("training.sample.header", q.sampleStep, temperature.get(), q.sample));
            while (sampleLog.size() > SAMPLES_KEPT) {
                sampleLog.removeLast();
            }
            samples.set(String.join("\n\n", sampleLog));
        }
        if (q.outcome != null) {
            finished(q.outcome, q.message, p);
        }
    }

    private void finished(TrainingSession.Outcome o, String message, Progress p) {
        long at = p == null ? step.get() : p.step();
        dropoutMask.set(null); // nothing is dropped once training has ended
        if (shownModel != null) {
            shownModel.ended(ownModel);
        }
        boolean restored = ownModel;
        ownModel = false;
        if (recorder != null) {
            RunRecorder r = recorder;
            recorder = null;
            r.finish(runsFolder, o.name().toLowerCase(Locale.ROOT), metricName.get(), problem -> Platform.runLater(() -> {
                if (problem == null) {
                    runsRecorded.set(runsRecorded.get() + 1);
                } else {
                    status.set(Messages.format("runs.error.write", problem));
                }
            }));
        }
        switch (o) {
            case EARLY_STOPPED -> {
                state.set(State.COMPLETED);
                stoppedEarlyAt.set(at);
                rnnlab.training.Validation.Point best = bestValidation.get();
                status.set(Messages.format("training.status.earlyStopped", at, patienceUsed,
                        best == null ? at : best.step())
                        + (restored ? " " + Messages.get("training.status.restored") : ""));
            }
            case COMPLETED -> {
                state.set(State.COMPLETED);
                status.set(Messages.format("training.status.completed", at)
                        + (restored ? " " + Messages.get("training.status.restored") : ""));
            }
            case CANCELLED -> {
                state.set(State.STOPPED);
                status.set(restored ? Messages.format("training.status.stoppedRestored", at)
                        : Messages.format("training.status.stopped", at));
            }
            case DIVERGED -> {
                state.set(State.DIVERGED);
                double norm = p == null ? Double.NaN : p.gradNorm();
                double l = p == null ? Double.NaN : p.loss();
                if (!Double.isFinite(norm) || norm > 1e6) {
                    banner.set(Messages.format("training.diverged.gradients", at, number(norm)));
                } else if (!Double.isFinite(l)) {
                    banner.set(Messages.format("training.diverged.loss", at, number(l)));
                } else {
                    banner.set(Messages.format("training.diverged.weights", at, number(norm)));
                }
                bannerDetail.set(Messages.get(restored ? "training.diverged.restored" : "training.diverged.kept"));
                status.set(Messages.format("training.status.diverged", at));
            }
            case FAILED -> {
                state.set(State.FAILED);
                banner.set(Messages.format("training.failed", message));
                bannerDetail.set(Messages.get(restored ? "training.diverged.restored" : "training.diverged.kept"));
            }
        }
    }

    /** 3.1e+12, or ∞ / NaN spelled out. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "\u2212\u221e";
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }

    // ---- properties -------------------------------------------------------------------------------

    /** The task's name, one of {@link #TASKS}; changing it loads the task's defaults. */
    public StringProperty taskProperty() { return task; }
    public StringProperty cellProperty() { return cell; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public StringProperty optimizerProperty() { return optimizer; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public DoubleProperty clipProperty() { return clip; }
    public IntegerProperty stepsProperty() { return steps; }
    public IntegerProperty seedProperty() { return seed; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public DoubleProperty dropoutProperty() { return dropout; }
    /** Where finished runs are recorded (default: the user folder's runs). */
    public java.nio.file.Path runsFolder() { return runsFolder; }
    public void setRunsFolder(java.nio.file.Path dir) { runsFolder = dir; }
    /** Runs this panel has recorded so far (counts up when one is written). */
    public ReadOnlyIntegerProperty runsRecordedProperty() { return runsRecorded.getReadOnlyProperty(); }
    public DoubleProperty weightDecayProperty() { return weightDecay; }
    public BooleanProperty adamwProperty() { return adamw; }

    public BooleanProperty residualProperty() { return residual; }

    public BooleanProperty layerNormProperty() { return layerNorm; }
    public StringProperty scheduleProperty() { return schedule; }
    public IntegerProperty warmupProperty() { return warmup; }
    /** The character model's training text (null: the shipped text). */
    public StringProperty textProperty() { return text; }

    /** The shipped text the character model trains on, one of {@link #CORPORA}; choosing one sets the text. */
    public StringProperty corpusProperty() { return corpus; }

    /** The chosen corpus when the text is still its text (null: a text set by other means, read as plain one-hot). */
    private Corpus chosenCorpus() {
        Corpus k = Corpus.of(corpus.get());
        if (k == null) {
            return null;
        }
        String t = text.get();
        return (k == Corpus.MEMORY ? t == null : t == k.text()) ? k : null;
    }
    /** "Validate every N steps" as typed; blank: steps/20. */
    public StringProperty validateEveryProperty() { return validateEvery; }
    /** Stop early after {@link #patienceProperty()} validations without a better one, keeping the best weights. */
    public BooleanProperty earlyStopProperty() { return earlyStop; }
    public StringProperty patienceProperty() { return patience; }
    /** One message when the validation interval or the patience cannot be used ("" when both can). */
    public ReadOnlyStringProperty validationProblemProperty() { return validationProblem.getReadOnlyProperty(); }
    /** The best held-out validation so far in the current or last run (null: none yet). */
    public ReadOnlyObjectProperty<rnnlab.training.Validation.Point> bestValidationProperty() { return bestValidation.getReadOnlyProperty(); }
    /**
     * ‖W‖_F of every weight matrix at each report of the current or last run (computed on the training thread;
     * set once per hand-over; null before the first run). The weights view draws it.
     */
    public ReadOnlyObjectProperty<rnnlab.training.NormHistory> normHistoryProperty() { return normHistory.getReadOnlyProperty(); }
    /** The step at which the last run stopped early; -1 when it did not. */
    public ReadOnlyLongProperty stoppedEarlyAtProperty() { return stoppedEarlyAt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty teachesProperty() { return teaches.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyLongProperty stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty lossProperty() { return loss.getReadOnlyProperty(); }
    public ReadOnlyStringProperty metricTextProperty() { return metricText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty metricNameProperty() { return metricName.getReadOnlyProperty(); }
    /** The metric's "solved" threshold (NaN: none). */
    public ReadOnlyDoubleProperty solvedBelowProperty() { return solvedBelow.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty tokensPerSecondProperty() { return tokensPerSecond.getReadOnlyProperty(); }
    public ReadOnlyLongProperty clipTotalProperty() { return clipTotal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Why training stopped by itself (NaN, infinity); null while all is well. */
    public ReadOnlyStringProperty bannerProperty() { return banner.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bannerDetailProperty() { return bannerDetail.getReadOnlyProperty(); }
    public void dismissBanner() { banner.set(null); }
    /** The latest samples of a character model, newest first. */
    public ReadOnlyStringProperty samplesProperty() { return samples.getReadOnlyProperty(); }
    /** Whether the task writes samples (the character model). */
    public ReadOnlyBooleanProperty samplesAvailableProperty() { return samplesAvailable.getReadOnlyProperty(); }
    /** The schedule's learning rate over the run's steps, from the settings (before and while training). */
    public ReadOnlyObjectProperty<Curve> lrPreviewProperty() { return lrPreview.getReadOnlyProperty(); }
    /**
     * The dropout masks of the latest training step handed over (at most every {@link #HAND_OVER_MS}); null
     * when not training or training without dropout.
     */
    public ReadOnlyObjectProperty<rnnlab.training.DropoutMask> dropoutMaskProperty() { return dropoutMask.getReadOnlyProperty(); }
    /** New chart points, set once per hand-over on the FX thread. */
    public ReadOnlyObjectProperty<Update> updateProperty() { return update.getReadOnlyProperty(); }
}
