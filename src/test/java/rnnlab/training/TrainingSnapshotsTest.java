package rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.training.optim.LrSchedule;
import rnnlab.training.optim.Regularisation;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

/**
 * What training publishes for the panel and the views besides the loss (issue 17): the dropout masks
 * of the latest step, the weight norm and the learning rate of every step.
 */
class TrainingSnapshotsTest {
    private static Trainer trainer(Regularisation reg, int layers, long seed) {
        Task t = Tasks.create("adding", 10);
        return new Trainer(t, t.defaults().withCell(CellType.LSTM).withLayers(layers).withHidden(8).withBatch(1)
                .withSteps(50).withSeed(seed).withRegularisation(reg));
    }

    /** Replays a mask: Network draws "dropped" when nextDouble() < p, layer by layer, element by element. */
    private static RandomGenerator replay(DropoutMask m, boolean[] flipFirst) {
        List<Boolean> draws = new ArrayList<>();
        for (boolean[] layer : m.dropped()) {
            if (layer != null) {
                for (boolean b : layer) {
                    draws.add(b);
                }
            }
        }
        if (flipFirst[0]) {
            draws.set(0, !draws.get(0));
        }
        int[] i = {0};
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return draws.get(i[0]++) ? 0.0 : 0.999_999;
            }
        };
    }

    @Test
    void theMaskPublishedIsTheMaskTheStepUsed() {
        Regularisation reg = new Regularisation(0.3, true, 0, false);
        Trainer tr = trainer(reg, 2, 5);
        assertThat(tr.dropoutMask()).isNull(); // before the first step
        for (int i = 0; i < 3; i++) {
            assertThat(tr.advance()).isTrue();
        }
        Model before = tr.model().copy();
        assertThat(tr.advance()).isTrue();
        DropoutMask m = tr.dropoutMask();
        Sequence s = tr.lastSequence();
        assertThat(m.step()).isEqualTo(4);
        assertThat(m.p()).isEqualTo(0.3);
        assertThat(m.length()).isEqualTo(s.length());
        assertThat(m.width()).isEqualTo(8);
        assertThat(m.drops(0)).isTrue();
        assertThat(m.drops(1)).isTrue(); // dropout before the head too
        assertThat(m.droppedShare(0) + m.droppedShare(1)).isBetween(2 * 0.15, 2 * 0.45);
        // the weights before the step, the same sequence and this mask give the step's loss exactly
        Run r = new Run(before, s.length());
        r.load(s);
        r.setDropout(0.3, true, replay(m, new boolean[] {false}));
        assertThat(r.forwardBackward() / s.targetCount()).isEqualTo(tr.lastLoss());
        // and another mask does not
        Run other = new Run(before, s.length());
        other.load(s);
        other.setDropout(0.3, true, replay(m, new boolean[] {true}));
        assertThat(other.forwardBackward() / s.targetCount()).isNotEqualTo(tr.lastLoss());
        // a snapshot: the next step draws new masks, the one handed out stays as it was
        boolean[] kept = m.dropped()[0].clone();
        assertThat(tr.advance()).isTrue();
        assertThat(m.dropped()[0]).containsExactly(kept);
        assertThat(tr.dropoutMask().dropped()[0]).isNotEqualTo(kept);
    }

    @Test
    void withoutDropoutThereIsNoMaskAndTheTopLayerIsNotDroppedWithoutOutputDropout() {
        Trainer plain = trainer(Regularisation.NONE, 1, 5);
        plain.advance();
        assertThat(plain.dropoutMask()).isNull();
        Trainer between = trainer(new Regularisation(0.5, false, 0, false), 2, 5);
        between.advance();
        DropoutMask m = between.dropoutMask();
        assertThat(m.drops(0)).isTrue();
        assertThat(m.drops(1)).isFalse();
        assertThat(m.dropped(1, 0, 0)).isFalse();
        assertThat(m.layer(1)).isNull();
        boolean[][] l0 = m.layer(0);
        assertThat(l0[2][3]).isEqualTo(m.dropped()[0][2 * 8 + 3]);
    }

    @Test
    void theWeightNormIsTheNormOfEveryParameterAndWeightDecayShrinksIt() {
        Trainer plain = trainer(Regularisation.NONE, 1, 9);
        Trainer decayed = trainer(new Regularisation(0, false, 0.5, true), 1, 9);
        assertThat(decayed.weightNorm()).isEqualTo(plain.weightNorm()); // same seed, same start
        for (int i = 0; i < 50; i++) {
            plain.advance();
            decayed.advance();
        }
        double sum = 0;
        for (DMatrixRMaj w : plain.model().params().asMap().values()) {
            for (int i = 0; i < w.getNumElements(); i++) {
                sum += w.data[i] * w.data[i];
            }
        }
        assertThat(plain.weightNorm()).isCloseTo(Math.sqrt(sum), within(1e-12));
        assertThat(decayed.weightNorm()).isLessThan(0.9 * plain.weightNorm());
    }

    @Test
    void progressCarriesTheRateOfEveryStepTheWeightNormAndTheMask() throws Exception {
        Task t = Tasks.create("adding", 10);
        LrSchedule cosine = LrSchedule.cosine(5);
        TrainConfig cfg = t.defaults().withHidden(8).withBatch(1).withSteps(40).withSeed(3)
                .withRegularisation(new Regularisation(0.3, true, 1e-4, false)).withSchedule(cosine);
        Trainer tr = new Trainer(t, cfg);
        List<Progress> reports = new ArrayList<>();
        TrainingSession s = new TrainingSession(tr, 40, 0, new SessionListener() {
            @Override
            public synchronized void progress(Progress p) {
                reports.add(p);
            }

            @Override
            public void finished(TrainingSession.Outcome outcome, String message, Progress last) {
            }
        });
        s.start();
        assertThat(s.await()).isEqualTo(TrainingSession.Outcome.COMPLETED);
        List<Double> rates = new ArrayList<>();
        for (Progress p : reports) {
            assertThat(p.lrHistory()).hasSameSizeAs(p.lossHistory());
            for (double r : p.lrHistory()) {
                rates.add(r);
            }
            assertThat(p.weightNorm()).isPositive();
            assertThat(p.dropout().step()).isEqualTo(p.step());
        }
        assertThat(rates).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(rates.get(i)).isEqualTo(cosine.rate(cfg.lr(), i + 1, 40));
        }
        Progress last = reports.get(reports.size() - 1);
        assertThat(last.weightNorm()).isEqualTo(tr.weightNorm());
    }
}
