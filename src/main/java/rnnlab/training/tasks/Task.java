package rnnlab.training.tasks;

import rnnlab.training.Init;
import rnnlab.training.Metric;
import rnnlab.training.TrainConfig;

import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/**
 * A learning problem: how its data are generated from a seed, the architecture that fits it, a
 * sensible default configuration that learns it within seconds, and a metric a student understands.
 */
public interface Task {
    /** The command-line name, e.g. "adding". */
    String name();

    /** One sentence: what this task teaches. */
    String teaches();

    /** The sequence length, or the lag for memory tasks (what an experiment sweeps). */
    int length();

    /** The architecture: input and output widths come from the task. */
    ModelConfig config(CellType cell, int hidden, int layers);

    /** A configuration that learns the task within seconds. */
    TrainConfig defaults();

    /** Training data from a seed. */
    DataStream stream(long seed);

    /** The metric of {@code model} on fresh held-out data generated from {@code seed}. */
    Metric evaluate(Model model, long seed);

    /**
     * Validation data: by default a stream of its own seed (generated tasks never repeat an example);
     * a task drawing from one fixed text returns its validation part, never seen in training.
     */
    default DataStream validationStream(long seed) {
        return stream(seed);
    }

    /** The metric on validation data (by default {@link #evaluate} with the validation seed). */
    default Metric validationMetric(Model model, long seed) {
        return evaluate(model, seed);
    }

    /** Steps per run in an experiment sweep (long lengths need more than the quick default). */
    default int experimentSteps() {
        return defaults().steps();
    }

    /**
     * Steps per run in the length-experiment window, whose default lengths are short (T = 10, 20, 40)
     * so a class sees the result within minutes; enough that the gated cells learn the longest of them
     * on every default seed (see {@link LengthExperiment}).
     */
    default int windowSteps() {
        return defaults().steps();
    }

    /** The initialisation this task's models use by default. */
    default Init init(CellType cell) {
        return cell == CellType.LSTM ? Init.PYTORCH.withForgetBias(1.0) : Init.PYTORCH;
    }
}
