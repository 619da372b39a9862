package rnnlab.training;

import rnnlab.training.optim.Clipper;
import rnnlab.training.optim.LrSchedule;
import rnnlab.training.optim.Regularisation;

import java.util.Locale;
import rnnlab.engine.CellType;

/**
 * Everything that defines a training run besides the task: the model size, the optimiser, clipping,
 * batch size, the seed (which fixes the weights, the data and so the whole loss curve) and the
 * initialisation, and the remedies against overfitting (dropout, weight decay) and the learning-rate
 * schedule ({@link Regularisation#NONE} and {@link LrSchedule#CONSTANT} when not given).
 */
public record TrainConfig(CellType cell, int hidden, int layers, int steps, String optimizer, double lr,
                          Clipper.Mode clipMode, double clip, int batch, long seed, Init init,
                          Regularisation regularisation, LrSchedule schedule) {

    /** Without regularisation and with a constant rate. */
    public TrainConfig(CellType cell, int hidden, int layers, int steps, String optimizer, double lr,
                       Clipper.Mode clipMode, double clip, int batch, long seed, Init init) {
        this(cell, hidden, layers, steps, optimizer, lr, clipMode, clip, batch, seed, init, null, null);
    }

    public TrainConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell is required");
        }
        if (hidden < 1 || layers < 1 || steps < 0 || batch < 1) {
            throw new IllegalArgumentException("hidden, layers and batch must be at least 1, steps at least 0");
        }
        if (clipMode != Clipper.Mode.NONE && !(clip > 0)) {
            throw new IllegalArgumentException("clip threshold must be positive, got " + clip);
        }
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (init == null) {
            init = Init.PYTORCH;
        }
        if (regularisation == null) {
            regularisation = Regularisation.NONE;
        }
        if (schedule == null) {
            schedule = LrSchedule.CONSTANT;
        }
        if (regularisation.decoupled() && !"adam".equals(optimizer) && !"adamw".equals(optimizer)) {
            throw new IllegalArgumentException("decoupled weight decay (AdamW) needs the adam optimizer, not " + optimizer);
        }
    }

    public TrainConfig withCell(CellType c) {
        return new TrainConfig(c, hidden, layers, steps, optimizer, lr, clipMode, clip, batch, seed, init, regularisation, schedule);
    }

    public TrainConfig withHidden(int h) {
        return new TrainConfig(cell, h, layers, steps, optimizer, lr, clipMode, clip, batch, seed, init, regularisation, schedule);
    }

    public TrainConfig withLayers(int l) {
        return new TrainConfig(cell, hidden, l, steps, optimizer, lr, clipMode, clip, batch, seed, init, regularisation, schedule);
    }

    public TrainConfig withSteps(int s) {
        return new TrainConfig(cell, hidden, layers, s, optimizer, lr, clipMode, clip, batch, seed, init, regularisation, schedule);
    }

    public TrainConfig withOptimizer(String o, double rate) {
        return new TrainConfig(cell, hidden, layers, steps, o, rate, clipMode, clip, batch, seed, init, regularisation, schedule);
    }

    public TrainConfig withClip(Clipper.Mode m, double c) {
        return new TrainConfig(cell, hidden, layers, steps, optimizer, lr, m, c, batch, seed, init, regularisation, schedule);
    }

    public TrainConfig withBatch(int b) {
        return new TrainConfig(cell, hidden, layers, steps, optimizer, lr, clipMode, clip, b, seed, init, regularisation, schedule);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(cell, hidden, layers, steps, optimizer, lr, clipMode, clip, batch, s, init, regularisation, schedule);
    }

    public TrainConfig withInit(Init i) {
        return new TrainConfig(cell, hidden, layers, steps, optimizer, lr, clipMode, clip, batch, seed, i, regularisation, schedule);
    }

    public TrainConfig withRegularisation(Regularisation r) {
        return new TrainConfig(cell, hidden, layers, steps, optimizer, lr, clipMode, clip, batch, seed, init, r, schedule);
    }

    public TrainConfig withSchedule(LrSchedule s) {
        return new TrainConfig(cell, hidden, layers, steps, optimizer, lr, clipMode, clip, batch, seed, init,
                regularisation, s);
    }
}
