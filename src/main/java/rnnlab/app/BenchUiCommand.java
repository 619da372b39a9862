package rnnlab.app;

import java.util.concurrent.Callable;
import rnnlab.i18n.Messages;
import rnnlab.io.InputException;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnnlab bench-ui}: opens the main window with the chosen views visible, plays an LSTM
 * step by step and prints the frame rate, frame-interval percentiles, dropped frames and step latency.
 */
@Command(name = "bench-ui", mixinStandardHelpOptions = true,
        description = "Measure the frame rate of the main window while an LSTM plays (needs a display; use xvfb-run).")
public final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--hidden", defaultValue = "128", description = "hidden size H (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--length", defaultValue = "100", description = "time steps T (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--steps", defaultValue = "100", description = "timeline steps to play (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--interval-ms", defaultValue = "200",
            description = "time between step commands; 200 = the fastest play speed, 4× (default ${DEFAULT-VALUE})")
    int intervalMs;

    @Option(names = "--warmup-steps", defaultValue = "10", description = "steps played before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--views", defaultValue = "target",
            description = "view ids to show, comma-separated; 'target' = unrolled, heatmap, LSTM cell, belt, formulas, "
                    + "output (the set the 60 fps target is stated for); 'all' = every view (default ${DEFAULT-VALUE})")
    String viewList;

    @Option(names = "--training", description = "train a character LSTM (H = --hidden) in the background with the "
            + "training panel shown, the views following its weights")
    boolean training;

    @Option(names = "--refresh-ms", defaultValue = "250",
            description = "with --training: how often the views get the trained weights, 0 = never (default ${DEFAULT-VALUE})")
    long refreshMs;

    @Option(names = "--busy-share", defaultValue = "0.25",
            description = "with --training: share of the time training runs while the views animate, 1 = always (default ${DEFAULT-VALUE})")
    double busyShare;

    @Option(names = "--no-charts", description = "with --training: keep the training panel (and its charts) hidden")
    boolean noCharts;

    @Option(names = "--poll", arity = "0..1", fallbackValue = "60", defaultValue = "0",
            description = "run a class poll on 127.0.0.1 meanwhile, with N simulated students on loopback (--poll = 60)")
    int pollStudents;

    @Option(names = "--seq2seq", arity = "0..1", fallbackValue = "", paramLabel = "MODEL",
            description = "instead: open the encoder–decoder window (attention matrix, unrolled encoder–decoder, equations) "
                    + "with MODEL (a .s2s.json; default the shipped dates-additive with \"March 5, 2021\" → \"2021-03-05\") "
                    + "and step its cursor through encoder, decoder and BPTT")
    String seq2seqModel;

    @Option(names = "--s2s-input", paramLabel = "TEXT", description = "with --seq2seq MODEL: the input (default the window's example)")
    String s2sInput;

    @Option(names = "--s2s-target", paramLabel = "TEXT", description = "with --seq2seq MODEL: a target, so BPTT is stepped too")
    String s2sTarget;

    @Option(names = "--text-lab", arity = "0..1", fallbackValue = "", paramLabel = "MODEL",
            description = "instead: open View > What did the network learn? with the character model MODEL (default "
                    + "assets/models/code-lstm.model.json) over --text-lab-text and scroll its long text view "
                    + "continuously, measuring --steps × --interval-ms after --warmup-steps × --interval-ms")
    String textLabModel;

    @Option(names = "--text-lab-text", paramLabel = "FILE",
            description = "with --text-lab: a UTF-8 text of at least " + MIN_TEXT_LAB_CHARS + " characters (default "
                    + "assets/corpora/rnnlab-java.txt, of which the window reads the last 50,000)")
    java.nio.file.Path textLabText;

    /** The shortest text {@code --text-lab} scrolls (a shorter one barely scrolls in the window). */
    static final int MIN_TEXT_LAB_CHARS = 2000;

    @Override
    public Integer call() throws Exception {
        if (hidden < 1 || length < 2 || steps < 1 || intervalMs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--hidden, --length, --steps and --interval-ms must be positive");
        }
        java.util.List<String> ids = switch (viewList) {
            case "target" -> UiBenchmark.TARGET_VIEWS;
            case "all" -> null;
            default -> java.util.Arrays.stream(viewList.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        };
        if (pollStudents < 0 || pollStudents > 500) {
            throw new IllegalArgumentException("--poll takes 0 to 500 students");
        }
        UiBenchmark.withPoll(pollStudents);
        if (textLabModel != null || textLabText != null) {
            UiBenchmark.TextLab d = UiBenchmark.defaultTextLab();
            UiBenchmark.TextLab t = new UiBenchmark.TextLab(textLabModel == null || textLabModel.isBlank() ? d.model()
                    : java.nio.file.Path.of(textLabModel), textLabText == null ? d.text() : textLabText);
            check(t);
            UiBenchmark.withTextLab(t);
        }
        if (seq2seqModel != null) {
            UiBenchmark.Seq2Seq d = UiBenchmark.defaultSeq2Seq();
            UiBenchmark.Seq2Seq s = seq2seqModel.isBlank()
                    ? new UiBenchmark.Seq2Seq(d.model(), s2sInput == null ? d.input() : s2sInput, s2sTarget == null ? d.target() : s2sTarget)
                    : new UiBenchmark.Seq2Seq(java.nio.file.Path.of(seq2seqModel), s2sInput, s2sTarget);
            check(s);
            UiBenchmark.withSeq2Seq(s);
        }
        UiBenchmark.Result r = UiBenchmark.run(new UiBenchmark.Options(hidden, length, steps, intervalMs, warmup, training,
                refreshMs, !noCharts, busyShare, ids));
        System.out.println(r.report());
        return r.ok() ? 0 : 1;
    }

    /**
     * Reads the model and the text as the text lab window will, before any window opens: a missing or broken
     * file, a model that is not a character model, a text it cannot read or one too short to scroll fails at
     * once with one message.
     */
    static void check(UiBenchmark.TextLab t) throws Exception {
        rnnlab.engine.Model m;
        try {
            m = rnnlab.io.imports.ModelFiles.read(t.model()).modelFor(rnnlab.engine.LossType.CROSS_ENTROPY);
        } catch (InputException e) {
            String where = e.where() == null || e.where().isEmpty() ? "--text-lab" : e.where();
            throw new InputException(e.file(), where, e.problem()
                    + "; bench-ui --text-lab expects a character model (*.model.json, as in assets/models)");
        }
        String text = rnnlab.training.tasks.CharLmTask.readText(t.text());
        rnnlab.analysis.CharText ct;
        try {
            ct = rnnlab.analysis.CharText.encode(text, m.config());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--text-lab " + t.model() + " with --text-lab-text " + t.text() + ": "
                    + e.getMessage());
        }
        if (ct.length() < MIN_TEXT_LAB_CHARS) {
            throw new IllegalArgumentException("--text-lab-text " + t.text() + ": " + ct.length()
                    + " characters; the scrolling benchmark needs at least " + MIN_TEXT_LAB_CHARS);
        }
    }

    /**
     * Reads the model and the input and target as the window will, before any window opens: a missing or
     * broken file, or a symbol the model does not know, fails at once with one message (file, place and
     * what was expected) instead of a window that never becomes ready.
     */
    static void check(UiBenchmark.Seq2Seq s) throws InputException {
        Seq2SeqPlayback p;
        try {
            p = Seq2SeqPlayback.read(s.model());
        } catch (InputException e) {
            String where = e.where() == null || e.where().isEmpty() ? "--seq2seq" : e.where();
            throw new InputException(e.file(), where, e.problem()
                    + "; bench-ui --seq2seq expects an encoder-decoder model (*.s2s.json, format " + rnnlab.io.Seq2SeqIO.FORMAT + ")");
        }
        try {
            if (s.input() != null && !s.input().isBlank()) {
                p.tokens(s.input());
            }
        } catch (Seq2SeqPlayback.Problem e) {
            throw new IllegalArgumentException("--s2s-input \"" + s.input() + "\" for " + s.model().getFileName() + ": "
                    + Messages.format(e.key(), e.args()));
        }
        try {
            if (s.target() != null && !s.target().isBlank()) {
                p.targetTokens(s.target());
            }
        } catch (Seq2SeqPlayback.Problem e) {
            throw new IllegalArgumentException("--s2s-target \"" + s.target() + "\" for " + s.model().getFileName() + ": "
                    + Messages.format(e.key(), e.args()));
        }
    }
}
