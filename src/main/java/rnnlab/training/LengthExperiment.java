package rnnlab.training;

import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import java.util.List;
import rnnlab.engine.CellType;

/**
 * The defaults of the length-experiment window, headless, so the window and the test that checks the
 * defaults teach the right thing build the very same {@link Experiment}: the task's quick configuration
 * with {@link Task#windowSteps()} steps, T = 10, 20, 40, two seeds (1 and 2), vanilla RNN, LSTM and GRU.
 */
public final class LengthExperiment {
    public static final List<Integer> LENGTHS = List.of(10, 20, 40);
    public static final int SEEDS = 2;
    public static final List<CellType> CELLS = List.of(CellType.RNN_TANH, CellType.LSTM, CellType.GRU);
    /**
     * Wall-clock minutes the adding problem's defaults took here (18 runs, 2 shared cores, while other
     * builds ran); the window states it so a teacher knows what to expect.
     */
    public static final int ADDING_MINUTES = 3;

    private LengthExperiment() {
    }

    /** The configuration every run of the window's sweep starts from (cell and seed vary per run). */
    public static TrainConfig base(String taskName) {
        Task t = Tasks.create(taskName, 0);
        return t.defaults().withSteps(t.windowSteps());
    }

    /** The window's default sweep for a task, restricted to {@code lengths} (tests use a subset). */
    public static Experiment of(String taskName, List<CellType> cells, List<Integer> lengths, int seeds) {
        return new Experiment(taskName, null, cells, lengths, seeds, base(taskName));
    }

    /** Exactly what the window runs when opened and Run is pressed. */
    public static Experiment defaults(String taskName) {
        return of(taskName, CELLS, LENGTHS, SEEDS);
    }
}
