package rnnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.io.InputException;
import rnnlab.io.Limits;
import rnnlab.io.MemoryBudget;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.training.optim.Clipper;
import rnnlab.training.Init;
import rnnlab.training.tasks.RecallTask;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;
import rnnlab.training.TrainConfig;

/** The options train and experiment share; unset options keep the task's defaults. */
public final class TrainOptions {
    @Option(names = "--task", required = true, completionCandidates = TaskNames.class,
            description = "${COMPLETION-CANDIDATES}")
    String task;
    @Option(names = "--text", description = "charlm: a UTF-8 text file (default: the text that ships with RNN Lab)")
    Path text;
    @Option(names = "--input", defaultValue = "onehot", description = "charlm input: onehot or embedding")
    String input;
    @Option(names = "--vocab", defaultValue = "64", description = "charlm: keep this many commonest characters "
            + "(the rest share one symbol); Chinese text needs hundreds")
    int vocab;
    @Option(names = "--cell", description = "rnn_tanh, rnn_relu, lstm or gru")
    String cell;
    @Option(names = "--hidden", description = "hidden size H")
    Integer hidden;
    @Option(names = "--layers", description = "stacked layers")
    Integer layers;
    @Option(names = "--steps", description = "optimisation steps")
    Integer steps;
    @Option(names = "--optimizer", description = "sgd, momentum, adagrad or adam")
    String optimizer;
    @Option(names = "--lr", description = "learning rate")
    Double lr;
    @Option(names = "--clip", description = "clip threshold (0 = no clipping)")
    Double clip;
    @Option(names = "--clip-mode", defaultValue = "norm", description = "norm (global norm) or value (element-wise)")
    String clipMode;
    @Option(names = "--batch", description = "sequences per step")
    Integer batch;
    @Option(names = "--seed", description = "seed of the weights and the data")
    Long seed;
    @Option(names = "--init", description = "pytorch (U(±1/√H), the default) or xavier")
    String init;
    @Option(names = "--orthogonal", description = "orthogonal recurrent weight blocks")
    boolean orthogonal;
    @Option(names = "--forget-bias", description = "LSTM forget-gate bias (default 1 for most tasks)")
    Double forgetBias;
    @Option(names = "--attention", description = "encoder–decoder tasks: none (the classic context vector), additive, "
            + "dot or general; experiment takes a comma list")
    String attention;
    @Option(names = "--decoder-cell", description = "encoder–decoder tasks: the decoder's cell (default: --cell)")
    String decoderCell;
    @Option(names = "--bidirectional", description = "encoder–decoder tasks: a bidirectional encoder")
    boolean bidirectional;
    @Option(names = "--recurrent-scale", description = "multiply W_hh by this (dials its spectral radius)")
    Double recurrentScale;
    @Option(names = "--dropout", description = "dropout p in [0, 1): each layer's output is zeroed with probability p "
            + "while training (between stacked layers as nn.LSTM(dropout=p), and before the output head); off when "
            + "validating and testing")
    Double dropout;
    @Option(names = "--residual", description = "residual connections between stacked layers: each layer above the "
            + "first adds its input to its output (needs --layers 2 or more)")
    boolean residual;
    @Option(names = "--layer-norm", description = "layer normalisation inside the cell (Ba et al. 2016): W_ih x and "
            + "W_hh h normalised with learned gains (and c_t in the LSTM)")
    boolean layerNorm;
    @Option(names = "--weight-decay", description = "weight decay λ: L2 (λ/2)‖θ‖² added to the loss, or with --adamw "
            + "decoupled decay (default with --adamw: 0.01, as torch.optim.AdamW)")
    Double weightDecay;
    @Option(names = "--adamw", description = "Adam with decoupled weight decay (AdamW, Loshchilov & Hutter 2019)")
    boolean adamw;
    @Option(names = "--schedule", description = "learning-rate schedule: constant, step (halve every quarter of the "
            + "run) or cosine (down to 0 at the last step)")
    String schedule;
    @Option(names = "--warmup", description = "linear learning-rate warm-up over this many steps")
    Integer warmup;

    String readText() throws IOException, InputException {
        return text == null ? null : CharLmTask.readText(text);
    }

    boolean embedding() {
        return switch (input) {
            case "onehot" -> false;
            case "embedding" -> true;
            default -> throw new IllegalArgumentException("--input must be onehot or embedding, got '" + input + "'");
        };
    }

    Task task(int length) throws IOException, InputException {
        if (attention != null || bidirectional || decoderCell != null) {
            throw new IllegalArgumentException("--attention, --decoder-cell and --bidirectional are for the encoder–decoder tasks ("
                    + rnnlab.catalog.TaskRegistry.listSeq2Seq() + "), not '" + task + "'");
        }
        return Tasks.create(task, length, readText(), embedding(), range("--vocab", vocab, 2, CharLmTask.MAX_COMMON));
    }

    /**
     * The task's length from {@code --seq} (0 = the task's default when the option is absent); a value
     * outside 1 … {@link Limits#MAX_STEPS} is refused (0 used to mean the default silently).
     */
    static int length(Integer seq) {
        if (seq == null) {
            return 0;
        }
        return range("--seq", seq, 1, Limits.MAX_STEPS);
    }

    /** {@code value} when it is from {@code min} to {@code max}; else the option, the allowed range and the value. */
    public static int range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", found " + value);
        }
        return value;
    }

    /** Refuses out-of-range sizes at once, before a model or a task is built. */
    void checkRanges() {
        if (hidden != null) {
            range("--hidden", hidden, 1, Limits.MAX_HIDDEN);
        }
        if (layers != null) {
            range("--layers", layers, 1, Limits.MAX_LAYERS);
        }
        if (batch != null) {
            range("--batch", batch, 1, Limits.MAX_BATCH);
        }
        if (steps != null) {
            range("--steps", steps, 1, Integer.MAX_VALUE);
        }
    }

    /**
     * Refuses a training run whose memory estimate (weights, states over the sequence, gradients, the
     * last good weights, the batch's gradients, the optimiser's moments) does not fit in the heap.
     */
    static void checkMemory(Task t, TrainConfig c) {
        ModelConfig mc = c.regularisation().shape(t.config(c.cell(), c.hidden(), c.layers()));
        int steps = t instanceof RecallTask r ? r.steps() : t.length();
        String problem = MemoryBudget.check(MemoryBudget.training(mc, steps, c.batch(), c.optimizer()),
                "training " + c.cell().id() + " H=" + c.hidden() + (c.layers() > 1 ? " with " + c.layers() + " layers" : "")
                        + " over " + steps + " steps");
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static CellType cellType(String s) {
        CellType c = CellType.fromId(s);
        if (c == null) {
            throw new IllegalArgumentException("unknown cell '" + s + "': expected rnn_tanh, rnn_relu, lstm or gru");
        }
        return c;
    }

    /** The task's defaults with the options given on the command line. */
    TrainConfig config(Task t) {
        checkRanges();
        TrainConfig c = t.defaults();
        if (cell != null) {
            c = c.withCell(cellType(cell));
        }
        if (hidden != null) {
            c = c.withHidden(hidden);
        }
        if (layers != null) {
            c = c.withLayers(layers);
        }
        if (steps != null) {
            c = c.withSteps(steps);
        }
        if (optimizer != null || lr != null) {
            c = c.withOptimizer(optimizer != null ? optimizer : c.optimizer(), lr != null ? lr : c.lr());
        }
        if (clip != null) {
            Clipper.Mode m = switch (clipMode) {
                case "norm" -> Clipper.Mode.NORM;
                case "value" -> Clipper.Mode.VALUE;
                default -> throw new IllegalArgumentException("--clip-mode must be norm or value, got '" + clipMode + "'");
            };
            c = clip == 0 ? c.withClip(Clipper.Mode.NONE, 0) : c.withClip(m, clip);
        }
        if (batch != null) {
            c = c.withBatch(batch);
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        if (init != null || orthogonal || forgetBias != null || recurrentScale != null) {
            Init base = t.init(c.cell());
            if (init != null) {
                base = switch (init) {
                    case "pytorch" -> new Init(Init.Scheme.PYTORCH, false, base.forgetBias(), 1.0);
                    case "xavier" -> new Init(Init.Scheme.XAVIER, false, base.forgetBias(), 1.0);
                    default -> throw new IllegalArgumentException("--init must be pytorch or xavier, got '" + init + "'");
                };
            }
            base = base.withOrthogonalRecurrent(orthogonal);
            if (forgetBias != null) {
                base = base.withForgetBias(forgetBias);
            }
            if (recurrentScale != null) {
                base = base.withRecurrentScale(recurrentScale);
            }
            c = c.withInit(base);
        }
        c = remedies(c);
        checkMemory(t, c);
        return c;
    }

    /** Dropout, weight decay (L2 or AdamW) and the learning-rate schedule from the options. */
    TrainConfig remedies(TrainConfig c) {
        if (adamw) {
            if (optimizer != null && !optimizer.equalsIgnoreCase("adam") && !optimizer.equalsIgnoreCase("adamw")) {
                throw new IllegalArgumentException("--adamw is Adam with decoupled weight decay; it cannot be used "
                        + "with --optimizer " + optimizer);
            }
            c = c.withOptimizer("adam", c.lr());
        }
        boolean decoupled = adamw || "adamw".equals(c.optimizer());
        double p = dropout == null ? 0 : dropout;
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("--dropout must be from 0 to below 1, got " + dropout);
        }
        double wd = weightDecay != null ? weightDecay : decoupled ? rnnlab.training.optim.Adam.ADAMW_DECAY : 0;
        if (!(wd >= 0) || !Double.isFinite(wd)) {
            throw new IllegalArgumentException("--weight-decay must be a number ≥ 0, got " + weightDecay);
        }
        if (p > 0 || wd > 0 || decoupled || residual || layerNorm) {
            if (residual && c.layers() < 2) {
                throw new IllegalArgumentException("--residual joins stacked layers: it needs --layers 2 or more, got "
                        + c.layers());
            }
            c = c.withRegularisation(new rnnlab.training.optim.Regularisation(p, p > 0, wd, decoupled)
                    .withArchitecture(residual, layerNorm));
        }
        if (warmup != null && (warmup < 0 || warmup > c.steps())) {
            throw new IllegalArgumentException("--warmup must be from 0 to the number of steps (" + c.steps()
                    + "), got " + warmup);
        }
        if (schedule != null || warmup != null) {
            c = c.withSchedule(rnnlab.training.optim.LrSchedule.parse(schedule == null ? "constant" : schedule,
                    warmup == null ? 0 : warmup, c.steps()));
        }
        return c;
    }

    /** The task names for the help text, from the one task registry. */
    static final class TaskNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return rnnlab.catalog.TaskRegistry.NAMES.iterator();
        }
    }
}
