package rnnlab.training;

import rnnlab.training.optim.Clipper;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.training.tasks.DataStream;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

class TrainerTest {
    static long[] curve(Task task, TrainConfig cfg, int steps) {
        Trainer tr = new Trainer(task, cfg);
        long[] bits = new long[steps];
        for (int i = 0; i < steps; i++) {
            bits[i] = Double.doubleToRawLongBits(tr.step().loss());
        }
        return bits;
    }

    @Test
    void sameSeedGivesTheSameLossCurveBitForBit() {
        Task adding = Tasks.create("adding", 15);
        TrainConfig a = adding.defaults().withCell(CellType.GRU).withSeed(11);
        assertThat(curve(adding, a, 60)).containsExactly(curve(adding, a, 60));
        assertThat(curve(adding, a, 60)).isNotEqualTo(curve(adding, a.withSeed(12), 60));
        Task chars = Tasks.create("charlm", 20);
        TrainConfig c = chars.defaults().withHidden(16).withSeed(5);
        assertThat(curve(chars, c, 40)).containsExactly(curve(chars, c, 40));
    }

    @Test
    void truncatedBpttCarriesTheHiddenStateIntoTheNextWindow() {
        CharLmTask task = new CharLmTask(CharLmTask.defaultText(), 10, false);
        // a learning rate so small that the weights do not move: the losses depend only on the state
        TrainConfig cfg = new TrainConfig(CellType.LSTM, 8, 1, 2, "sgd", 1e-300, Clipper.Mode.NONE, 0, 1, 3, null);
        Trainer tr = new Trainer(task, cfg);
        Model before = tr.model().copy();
        double l1 = tr.step().loss();
        double l2 = tr.step().loss();

        DataStream s = task.stream(cfg.seed() * 0x9E3779B97F4A7C15L + 1);
        DMatrixRMaj h = new DMatrixRMaj(1, 8);
        DMatrixRMaj c = new DMatrixRMaj(1, 8);
        s.bindState(h, c);
        Run run = new Run(before, 10);
        Sequence w1 = s.next();
        run.load(w1);
        assertThat(run.forwardBackward() / 10).isEqualTo(l1);
        run.finalState(h, c);
        assertThat(h.data[0]).isNotZero();
        Sequence w2 = s.next();
        run.load(w2);
        assertThat(run.forwardBackward() / 10).isEqualTo(l2);
        // from a zero state the second window's loss differs: the state really was carried
        Sequence fresh = Sequence.ofTokens(w2.tokens(), w2.classTargets(), w2.targetSteps());
        run.load(fresh);
        assertThat(run.forwardBackward() / 10).isNotEqualTo(l2);
    }

    @Test
    void explodingTrainingStopsWithAnExplanationAndKeepsFiniteWeights() {
        Task task = Tasks.create("adding", 50);
        TrainConfig cfg = new TrainConfig(CellType.RNN_RELU, 16, 1, 50, "sgd", 1e6, Clipper.Mode.NONE, 0, 4, 1, null);
        Trainer tr = new Trainer(task, cfg);
        StepResult r = null;
        for (int i = 0; i < 50; i++) {
            r = tr.step();
            if (!r.ok()) {
                break;
            }
        }
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).containsAnyOf("gradients exploded at step", "loss became", "weights overflowed");
        assertThat(r.problem()).contains("step " + r.step());
        assertThat(tr.model().params().allFinite()).isTrue();
    }

    @Test
    void batchAveragesTheGradientsOfItsSequences() {
        Task task = Tasks.create("binary-addition", 4);
        TrainConfig cfg = task.defaults().withBatch(3).withSeed(2);
        Trainer tr = new Trainer(task, cfg);
        StepResult r = tr.step();
        assertThat(r.tokens()).isEqualTo(3 * 5);
        assertThat(r.gradNorm()).isPositive().isFinite();
    }
}
