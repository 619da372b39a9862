package rnnlab.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import rnnlab.session.Frame;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.LabView;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.ViewCatalog;

/**
 * The frame benchmark behind {@code rnnlab bench-ui}: the real main window with every catalog view
 * visible, an LSTM stepped like the play button does, pulse intervals measured with an
 * {@link AnimationTimer} and the latency from a step command to the views updated (frame applied
 * and the next pulse laid out).
 */
public final class UiBenchmark extends Application {
    /** What to play. */
    public record Options(int hidden, int length, int steps, int intervalMs, int warmupSteps, boolean training,
                          long refreshMs, boolean charts, double busyShare, List<String> viewIds) {
        public Options(int hidden, int length, int steps, int intervalMs, int warmupSteps) {
            this(hidden, length, steps, intervalMs, warmupSteps, false, 0, false, 1, TARGET_VIEWS);
        }
    }

    /** The views the frame-rate target is stated for: unrolled, heatmap, LSTM cell, belt, formulas, output. */
    public static final List<String> TARGET_VIEWS = List.of("view.unrolled", "view.heatmap", "view.lstm", "view.belt",
            "view.formulas", "view.output");

    /** The measurements and a printable report. */
    public record Result(String report, boolean ok) {
    }

    private static Options options;
    /** Simulated students answering a class poll on loopback while the benchmark runs (0 = no poll). */
    private static int pollStudents;
    private PollLoad pollLoad;

    /** {@code bench-ui --poll}: runs a class poll on 127.0.0.1 with this many simulated students meanwhile. */
    static void withPoll(int students) {
        pollStudents = students;
    }
    private static CompletableFuture<Result> RESULT = new CompletableFuture<>();
    /** False when a test runs the benchmark on its own toolkit: then JavaFX keeps running afterwards. */
    private static boolean exitWhenDone = true;

    /** {@code bench-ui --seq2seq}: the encoder–decoder window, its model, input and teacher-forced target (blank: none). */
    record Seq2Seq(java.nio.file.Path model, String input, String target) {
    }

    private static Seq2Seq seq2seq;
    private rnnlab.ui.seq2seq.Seq2SeqWindow s2s;

    /** {@code bench-ui --text-lab}: the "What did the network learn?" window's model and long text. */
    record TextLab(java.nio.file.Path model, java.nio.file.Path text) {
    }

    /** Pixels the long text view scrolls every frame in {@code --text-lab} (a steady scroll, a new picture each frame). */
    static final double TEXT_LAB_SCROLL_PX = 6;
    private static TextLab textLab;
    private rnnlab.ui.textlab.TextLabWindow lab;

    /** {@code bench-ui --text-lab}: scrolls the long text view of the text lab window instead of playing the LSTM. */
    static void withTextLab(TextLab t) {
        textLab = t;
    }

    /** The shipped code LSTM over the Java corpus (the window reads its last 50,000 characters). */
    static TextLab defaultTextLab() {
        return new TextLab(java.nio.file.Path.of("assets", "models", "code-lstm.model.json"),
                java.nio.file.Path.of("assets", "corpora", "rnnlab-java.txt"));
    }

    /** {@code bench-ui --seq2seq}: steps the encoder–decoder window's cursor instead of the main window's LSTM. */
    static void withSeq2Seq(Seq2Seq s) {
        seq2seq = s;
    }

    /** The shipped attention model bench-ui --seq2seq opens by default, with a date and its answer as target. */
    static Seq2Seq defaultSeq2Seq() {
        return new Seq2Seq(rnnlab.lessons.LessonLibrary.builtInFolder().resolve("models/dates-additive.s2s.json"),
                "March 5, 2021", "2021-03-05");
    }

    /** For tests: runs on a toolkit already started (call on the FX thread), on this stage, leaving JavaFX running. */
    static CompletableFuture<Result> startOn(Stage stage, Options o) {
        options = o;
        RESULT = new CompletableFuture<>();
        exitWhenDone = false;
        new UiBenchmark().start(stage);
        return RESULT;
    }

    private final List<Long> pulses = new ArrayList<>();
    /** For every measured pulse: the CPU the FX thread and the renderer had used, and the GC pauses so far. */
    private final List<PulseCost> pulseCosts = new ArrayList<>();
    private final List<Long> idlePulses = new ArrayList<>();
    private boolean idle;
    private final List<Long> latencies = new ArrayList<>();
    private final List<Long> builds = new ArrayList<>();
    private long pendingCommand = -1;
    /** {@link rnnlab.ui.controls.LabCanvasSkin#fullPaintsDeferred()} at the last pulse. */
    private long lastDeferred;
    private boolean measuring;
    private int commands;
    private List<LabView> views;
    private MainWindow window;
    private boolean textSet;
    private long trainStepsAtStart;
    /** Bytes allocated per thread name when the measurement started. */
    private java.util.Map<String, Long> allocAtStart = java.util.Map.of();
    /** CPU nanoseconds per thread name when the measurement started. */
    private java.util.Map<String, Long> cpuAtStart = java.util.Map.of();

    /** Launches the benchmark stage and blocks until it has finished. */
    public static Result run(Options o) {
        options = o;
        NativeLibraries.prepare();
        Application.launch(UiBenchmark.class);
        return RESULT.getNow(new Result("bench-ui: the window closed before the benchmark finished", false));
    }

    @Override
    public void start(Stage stage) {
        rnnlab.ui.formula.TexRenderer.useBackgroundThread(true);
        rnnlab.ui.formula.TexRenderer.warmUp();
        List<LabView> all = ViewCatalog.createAll();
        List<String> wanted = options.viewIds() == null ? all.stream().map(LabView::id).toList() : options.viewIds();
        views = all.stream().filter(v -> wanted.contains(v.id())).toList();
        MainWindow w = new MainWindow(stage, all);
        window = w;
        w.showViewsByHand(seq2seq != null || textLab != null ? List.of() : views.stream().map(LabView::id).toList());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.show();
        if (textLab != null) {
            startTextLab(w, stage);
            return;
        }
        if (seq2seq != null) {
            startSeq2Seq(w, stage);
            return;
        }
        RunViewModel vm = w.viewModel();
        vm.presetProperty().set(null);
        vm.cellTypeProperty().set("lstm");
        vm.hiddenSizeProperty().set(options.hidden());
        vm.sequenceTextProperty().set(text(options.length() + 1));
        vm.speedProperty().set(4.0);
        if (options.training()) {
            startTraining(w);
        }
        if (pollStudents > 0) {
            try {
                pollLoad = new PollLoad(pollStudents);
            } catch (java.io.IOException e) {
                RESULT.complete(new Result("bench-ui --poll: the poll could not start on 127.0.0.1: " + e.getMessage(), false));
                if (exitWhenDone) {
                    Platform.exit();
                }
                return;
            }
        }
        vm.setOnFrameApplied((cmd, build) -> {
            if (measuring) {
                pendingCommand = cmd;
                builds.add(build);
            }
        });
        w.scene().addPostLayoutPulseListener(() -> {
            // a view whose full paint waits for the next pulse has not shown the step yet (LabCanvasSkin spreads a
            // step's full paints over pulses): the step is seen in the first pulse that made every view's paint
            long deferred = rnnlab.ui.controls.LabCanvasSkin.fullPaintsDeferred();
            boolean waiting = deferred != lastDeferred;
            lastDeferred = deferred;
            if (pendingCommand >= 0 && !waiting) {
                latencies.add(System.nanoTime() - pendingCommand);
                pendingCommand = -1;
            }
        });
        AnimationTimer timer = pulseTimer();
        timer.start();
        Timeline ready = new Timeline(new KeyFrame(Duration.millis(100), e -> { }));
        ready.setCycleCount(Timeline.INDEFINITE);
        ready.getKeyFrames().setAll(new KeyFrame(Duration.millis(100), e -> {
            Frame f = vm.frameProperty().get();
            if (options.training() && !textSet) {
                // the views show the model being trained; give it a text over its own vocabulary
                boolean adopted = rnnlab.i18n.Messages.get("training.status.viewsFollow").equals(vm.statusProperty().get());
                if (f != null && adopted && f.hiddenSize() == options.hidden() && !vm.busyProperty().get()) {
                    vm.sequenceTextProperty().set(textOver(vm.vocab(), options.length() + 1));
                    textSet = true;
                }
                return;
            }
            if (f != null && f.isLstm() && f.hiddenSize() == options.hidden() && f.length() == options.length()
                    && !vm.busyProperty().get()) {
                ready.stop();
                // 3 s with nothing happening: the machine's own pulse floor, for comparison
                idle = true;
                Timeline wait = new Timeline(new KeyFrame(Duration.seconds(3), ev -> {
                    idle = false;
                    play(vm::stepForward, () -> vm.positionProperty().get() < vm.timelineLengthProperty().get(),
                            () -> report(lstmHeader(), finalPosition(vm)), timer, stage);
                }));
                wait.play();
            }
        }));
        ready.play();
    }

    /** The frame timer: pulse times while measuring, and over the idle baseline. */
    private AnimationTimer pulseTimer() {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (measuring) {
                    pulses.add(System.nanoTime());
                    pulseCosts.add(PulseCost.now(commands));
                } else if (idle) {
                    idlePulses.add(System.nanoTime());
                }
            }
        };
    }

    /**
     * {@code --seq2seq}: the main window as the app opens it, the encoder–decoder window opened from it
     * (View ▸ Encoder–decoder and attention…) with the model and input, and its cursor stepped forward
     * through encoder, decoder and BPTT, from the start again after the last step. Step latency: from the
     * step command to the pulse laid out after its numbers reached the views; frame build: the step computed
     * on the window's worker thread.
     */
    private void startSeq2Seq(MainWindow w, Stage stage) {
        views = List.of();
        s2s = w.showSeq2Seq();
        s2s.setInput(seq2seq.input() == null ? "" : seq2seq.input());
        s2s.setTarget(seq2seq.target() == null ? "" : seq2seq.target());
        s2s.openFile(seq2seq.model(), seq2seq.input());
        s2s.setOnStepShown((cmd, compute) -> {
            if (measuring) {
                pendingCommand = cmd;
                builds.add(compute);
            }
        });
        s2s.scene().addPostLayoutPulseListener(() -> {
            if (pendingCommand >= 0) {
                latencies.add(System.nanoTime() - pendingCommand);
                pendingCommand = -1;
            }
        });
        AnimationTimer timer = pulseTimer();
        timer.start();
        Timeline ready = new Timeline();
        ready.setCycleCount(Timeline.INDEFINITE);
        long deadline = System.nanoTime() + 60_000_000_000L;
        ready.getKeyFrames().setAll(new KeyFrame(Duration.millis(100), e -> {
            if (!s2s.ready()) {
                String why = s2s.problem();
                if (why != null) {
                    // the window said what is wrong (it cannot read the file, or the input): no point waiting
                    ready.stop();
                    timer.stop();
                    RESULT.complete(new Result("bench-ui --seq2seq: " + seq2seq.model() + ": " + why, false));
                    finish(stage);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    ready.stop();
                    timer.stop();
                    RESULT.complete(new Result("bench-ui --seq2seq: " + seq2seq.model() + " did not open in 60 s", false));
                    finish(stage);
                }
                return;
            }
            ready.stop();
            idle = true;
            Timeline wait = new Timeline(new KeyFrame(Duration.seconds(3), ev -> {
                idle = false;
                play(s2s::stepOrRestart, () -> true, () -> report(String.format(Locale.ROOT,
                        "bench-ui --seq2seq: %s, input \"%s\"%s, %d steps measured after %d warm-up steps, a step every %d ms%n",
                        seq2seq.model().getFileName(), seq2seq.input() == null ? "(the window's example)" : seq2seq.input(),
                        seq2seq.target() == null || seq2seq.target().isBlank() ? ", no target (no BPTT)"
                                : ", target \"" + seq2seq.target() + "\" (forward, then BPTT)",
                        options.steps(), options.warmupSteps(), options.intervalMs()),
                        "final cursor: " + cursorText(s2s.cursorAndTotal())), timer, stage);
            }));
            wait.play();
        }));
        ready.play();
    }

    /**
     * {@code --text-lab}: the main window as the app opens it, View ▸ What did the network learn? opened from it
     * with the model and text (the model runs over the text and the best inside-quotes unit shades it, as when a
     * student opens the window), then the long text view scrolled {@link #TEXT_LAB_SCROLL_PX} every frame, down
     * and back up at the ends: warm-up {@code warmupSteps × intervalMs}, measured {@code steps × intervalMs}.
     */
    private void startTextLab(MainWindow w, Stage stage) {
        views = List.of();
        lab = rnnlab.ui.textlab.TextLabWindow.show(stage, w.scene(), null);
        lab.choose(textLab.model(), textLab.text());
        AnimationTimer timer = pulseTimer();
        timer.start();
        Timeline ready = new Timeline();
        ready.setCycleCount(Timeline.INDEFINITE);
        long deadline = System.nanoTime() + 120_000_000_000L;
        ready.getKeyFrames().setAll(new KeyFrame(Duration.millis(100), e -> {
            if (lab.busy()) {
                if (System.nanoTime() > deadline) {
                    ready.stop();
                    timer.stop();
                    RESULT.complete(new Result("bench-ui --text-lab: " + textLab.model() + " over " + textLab.text()
                            + " did not finish its forward pass in 120 s", false));
                    finish(stage);
                }
                return;
            }
            ready.stop();
            if (lab.activations() == null) {
                // the window said what is wrong: no point waiting
                timer.stop();
                RESULT.complete(new Result("bench-ui --text-lab: " + textLab.model() + " over " + textLab.text() + ": "
                        + lab.status(), false));
                finish(stage);
                return;
            }
            idle = true;
            Timeline wait = new Timeline(new KeyFrame(Duration.seconds(3), ev -> {
                idle = false;
                scroll(timer, stage);
            }));
            wait.play();
        }));
        ready.play();
    }

    /** Scrolls the long text view every pulse; measures after the warm-up, reports at the end. */
    private void scroll(AnimationTimer timer, Stage stage) {
        rnnlab.ui.textlab.LongTextView view = lab.text();
        long warmNs = (long) options.warmupSteps() * options.intervalMs() * 1_000_000L;
        long measureNs = (long) options.steps() * options.intervalMs() * 1_000_000L;
        long[] t0 = {-1};
        long[] drawnAtStart = {0};
        double[] dir = {1};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (t0[0] < 0) {
                    t0[0] = now;
                }
                long t = now - t0[0];
                if (!measuring && t >= warmNs && t < warmNs + measureNs) {
                    measuring = true;
                    cpuAtStart = threadCpu();
                    drawnAtStart[0] = view.frames();
                }
                if (t >= warmNs + measureNs) {
                    stop();
                    measuring = false;
                    timer.stop();
                    int frames = Math.max(1, pulses.size() - 1);
                    cpuPerStep = cpuReport(cpuAtStart, threadCpu(), frames, "CPU ms per frame by thread:");
                    long drawn = view.frames() - drawnAtStart[0];
                    RESULT.complete(textLabReport(view, drawn));
                    finish(stage);
                    return;
                }
                double y = view.scrollYProperty().get() + dir[0] * TEXT_LAB_SCROLL_PX;
                if (y >= view.maxScroll() || y <= 0) {
                    dir[0] = -dir[0];
                }
                view.scrollBy(dir[0] * TEXT_LAB_SCROLL_PX);
            }
        }.start();
    }

    private Result textLabReport(rnnlab.ui.textlab.LongTextView view, long drawn) {
        double[] iv = intervals(pulses);
        double[] idleIv = intervals(idlePulses);
        double span = pulses.size() < 2 ? 0 : (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9;
        double fps = span == 0 ? 0 : iv.length / span;
        long dropped = Arrays.stream(iv).filter(v -> v > 25).count();
        var layout = view.layoutInfo();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "bench-ui --text-lab: %s over %s (%d characters in %d lines of %d columns%s), the long text view %.0f×%.0f px "
                        + "scrolled %.0f px every frame for %.1f s after %.1f s of warm-up%n",
                textLab.model().getFileName(), textLab.text().getFileName(), layout.length(), layout.lines(), layout.columns(),
                view.values() == null ? ", unshaded" : ", shaded by the best inside-quotes unit",
                view.getWidth(), view.getHeight(), TEXT_LAB_SCROLL_PX, options.steps() * options.intervalMs() / 1000.0,
                options.warmupSteps() * options.intervalMs() / 1000.0));
        sb.append(String.format(Locale.ROOT, "frames: %d in %.1f s, average %.1f fps%n", iv.length, span, fps));
        sb.append(String.format(Locale.ROOT, "frame interval ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                pct(iv, 50), pct(iv, 95), pct(iv, 99), pct(iv, 100)));
        sb.append(String.format(Locale.ROOT, "dropped frames (> 25 ms): %d of %d (%.2f %%)%n", dropped, iv.length,
                iv.length == 0 ? 0 : 100.0 * dropped / iv.length));
        sb.append(String.format(Locale.ROOT, "long text view: %d redraws while measured (%.2f per frame)%n", drawn,
                iv.length == 0 ? 0 : (double) drawn / iv.length));
        sb.append(cpuPerStep).append('\n');
        sb.append(String.format(Locale.ROOT,
                "idle baseline (same windows, 3 s, no scrolling): %.1f fps, p95 %.1f ms, p99 %.1f ms, %d of %d over 25 ms%n",
                idleIv.length / Math.max(1e-9, Arrays.stream(idleIv).sum() / 1000), pct(idleIv, 95), pct(idleIv, 99),
                Arrays.stream(idleIv).filter(v -> v > 25).count(), idleIv.length));
        sb.append(String.format(Locale.ROOT, "final scroll position: %.0f of %.0f px", view.scrollYProperty().get(),
                view.maxScroll()));
        return new Result(sb.toString(), iv.length > 0 && drawn > 0);
    }

    private void finish(Stage stage) {
        if (lab != null) {
            lab.stage().close();
        }
        if (s2s != null) {
            s2s.close();
        }
        stage.close();
        if (exitWhenDone) {
            Platform.exit();
        }
    }

    private void play(Runnable step, java.util.function.BooleanSupplier canStep, java.util.function.Supplier<Result> done,
                      AnimationTimer timer, Stage stage) {
        int total = options.warmupSteps() + options.steps();
        Timeline stepper = new Timeline();
        long[] last = {0};
        stepper.getKeyFrames().setAll(new KeyFrame(Duration.millis(options.intervalMs()), e -> {
            long now = System.nanoTime();
            if (now - last[0] < options.intervalMs() * 500_000L) {
                // a late pulse makes the timeline fire the key frames it missed all at once: one step a
                // pulse at most, else a stall of the machine put several steps (or all) into one frame
                return;
            }
            last[0] = now;
            if (commands == options.warmupSteps()) {
                measuring = true;
                cpuAtStart = threadCpu();
                allocAtStart = PulseCost.allocated();
                trainStepsAtStart = window.training().viewModel().stepProperty().get();
            }
            if (commands < total && canStep.getAsBoolean()) {
                commands++;
                step.run();
            } else {
                stepper.stop();
                measuring = false;
                timer.stop();
                cpuPerStep = cpuReport(cpuAtStart, threadCpu(), commands - options.warmupSteps()) + "\n"
                        + PulseCost.allocatedReport(allocAtStart, PulseCost.allocated(), commands - options.warmupSteps());
                if (pollLoad != null) {
                    cpuPerStep += "\n" + pollLoad.report();
                    pollLoad.close();
                }
                RESULT.complete(done.get());
                finish(stage);
            }
        }));
        stepper.setCycleCount(Timeline.INDEFINITE);
        stepper.play();
    }

    private static double[] intervals(List<Long> pulses) {
        double[] iv = new double[Math.max(0, pulses.size() - 1)];
        for (int i = 1; i < pulses.size(); i++) {
            iv[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
        }
        return iv;
    }

    private String lstmHeader() {
        return String.format(Locale.ROOT, "bench-ui: LSTM H=%d T=%d, %d steps measured after %d warm-up steps, a step every %d ms%n",
                options.hidden(), options.length(), options.steps(), options.warmupSteps(), options.intervalMs());
    }

    private static String finalPosition(RunViewModel vm) {
        return "final position: " + vm.positionProperty().get() + " of " + vm.timelineLengthProperty().get();
    }

    private Result report(String header, String finalPosition) {
        double[] iv = intervals(pulses);
        double[] idleIv = intervals(idlePulses);
        double span = pulses.size() < 2 ? 0 : (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9;
        double fps = span == 0 ? 0 : iv.length / span;
        long dropped = Arrays.stream(iv).filter(v -> v > 25).count();
        double[] lat = latencies.stream().mapToDouble(n -> n / 1e6).toArray();
        double[] bld = builds.stream().mapToDouble(n -> n / 1e6).toArray();
        StringBuilder sb = new StringBuilder();
        List<String> ids = views.stream().map(LabView::id).toList();
        sb.append(header);
        sb.append(s2s != null ? "views: the encoder–decoder window (" + String.join(", ", rnnlab.catalog.ViewRegistry.PREFIX
                + "seq2seq", rnnlab.catalog.ViewRegistry.PREFIX + "attention") + ", equations and values) over the main window\n"
                : ids.isEmpty() ? "views: none (the view catalog is empty: this measures the shell only)\n"
                : "views: " + ids.size() + " visible " + ids + "\n");
        sb.append(String.format(Locale.ROOT, "frames: %d in %.1f s, average %.1f fps%n", iv.length, span, fps));
        sb.append(String.format(Locale.ROOT, "frame interval ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                pct(iv, 50), pct(iv, 95), pct(iv, 99), pct(iv, 100)));
        sb.append(String.format(Locale.ROOT, "dropped frames (> 25 ms): %d of %d (%.2f %%)%n", dropped, iv.length,
                iv.length == 0 ? 0 : 100.0 * dropped / iv.length));
        sb.append(String.format(Locale.ROOT,
                "step latency ms (command -> frame built, published and painted by every view, that pulse laid out): p50 %.1f, p95 %.1f, max %.1f (%d steps)%n",
                pct(lat, 50), pct(lat, 95), pct(lat, 100), lat.length));
        sb.append(String.format(Locale.ROOT, "frame build ms (%s): p50 %.2f, p95 %.2f%n",
                s2s != null ? "the step computed on the window's worker thread" : "engine thread", pct(bld, 50), pct(bld, 95)));
        sb.append(cpuPerStep).append('\n');
        sb.append(PulseCost.longFrames(pulses, pulseCosts));
        sb.append(String.format(Locale.ROOT,
                "idle baseline (same window, 3 s, no steps): %.1f fps, p95 %.1f ms, p99 %.1f ms, %d of %d over 25 ms%n",
                idleIv.length / Math.max(1e-9, Arrays.stream(idleIv).sum() / 1000), pct(idleIv, 95), pct(idleIv, 99),
                Arrays.stream(idleIv).filter(v -> v > 25).count(), idleIv.length));
        if (options.training()) {
            var t = window.training().viewModel();
            sb.append(String.format(Locale.ROOT,
                    "training in the background: charlm LSTM H=%d (training panel with live charts %s), %d steps during "
                            + "the measurement, %.0f tokens/s, state %s; weights to the views every %d ms; while the views animate, training runs %.0f %% of the time%n",
                    options.hidden(), options.charts() ? "shown" : "hidden", t.stepProperty().get() - trainStepsAtStart,
                    t.tokensPerSecondProperty().get(), t.stateProperty().get(), t.weightsInterval(), 100 * options.busyShare()));
            t.shutdown();
        }
        sb.append(finalPosition);
        return new Result(sb.toString(), iv.length > 0 && lat.length > 0);
    }

    private String cpuPerStep = "";

    /**
     * CPU time of every live thread by name (threads of one pool summed). Less sensitive to other
     * processes on the machine than frame intervals: it says what the window itself costs.
     */
    private static java.util.Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        if (!mx.isThreadCpuTimeSupported()) {
            return out;
        }
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti == null) {
                continue;
            }
            long ns = mx.getThreadCpuTime(ti.getThreadId());
            if (ns > 0) {
                out.merge(ti.getThreadName().replaceAll("-\\d+$", ""), ns, Long::sum);
            }
        }
        return out;
    }

    /** "CPU ms per step: FX 3.1, render 6.2, …" for the threads that used at least 0.1 ms a step. */
    private static String cpuReport(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int steps) {
        return cpuReport(before, after, steps, "CPU ms per step by thread:");
    }

    private static String cpuReport(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int steps,
                                    String title) {
        StringBuilder sb = new StringBuilder(title);
        double total = 0;
        for (var e : after.entrySet()) {
            double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / Math.max(1, steps);
            total += ms;
            if (ms >= 0.1) {
                sb.append(String.format(Locale.ROOT, " %s %.1f,", e.getKey(), ms));
            }
        }
        sb.append(String.format(Locale.ROOT, " all threads %.1f", total));
        return sb.toString();
    }

    private static double pct(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    /** Starts training a character LSTM (H as the benchmark's) with the training panel shown. */
    private void startTraining(MainWindow w) {
        var t = w.training().viewModel();
        w.training().shownProperty().set(options.charts());
        t.setWeightsInterval(options.refreshMs());
        t.setBusyShare(options.busyShare());
        t.taskProperty().set("charlm");
        t.cellProperty().set("lstm");
        t.hiddenProperty().set(options.hidden());
        t.stepsProperty().set(10_000_000);
        // trained on the benchmark's own kind of text, so the views show the same 16 symbols as without training
        t.textProperty().set(text(20_000));
        t.start();
    }

    /** n characters of the shipped text that are in the vocabulary (falls back to cycling the vocabulary). */
    private static String textOver(List<String> vocab, int n) {
        StringBuilder sb = new StringBuilder();
        String src = rnnlab.training.tasks.CharLmTask.defaultText();
        for (int i = 0; i < src.length() && sb.length() < n; i++) {
            String c = String.valueOf(src.charAt(i));
            if (vocab.contains(c) && !c.equals("\n")) {
                sb.append(c);
            }
        }
        for (int i = 0; sb.length() < n; i++) {
            sb.append(vocab.get(i % vocab.size()));
        }
        return sb.toString();
    }

    /** A text of n characters over a small alphabet (vocabulary of 16 symbols). */
    private static String text(int n) {
        String alphabet = "abcdefghijklmnop";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt((i * 7 + i / 3) % alphabet.length()));
        }
        return sb.toString();
    }

    /** "8 of 48" for the report, or "no model". */
    private static String cursorText(int[] cursorAndTotal) {
        return cursorAndTotal == null ? "no model" : cursorAndTotal[0] + " of " + cursorAndTotal[1];
    }
}
