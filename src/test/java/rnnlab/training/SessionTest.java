package rnnlab.training;

import rnnlab.training.optim.Clipper;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;

class SessionTest {
    static final class Recorder implements SessionListener {
        final List<Progress> events = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        volatile TrainingSession.Outcome outcome;
        volatile String message;

        @Override
        public void progress(Progress p) {
            events.add(p);
        }

        @Override
        public void finished(TrainingSession.Outcome o, String m, Progress last) {
            outcome = o;
            message = m;
            done.countDown();
        }
    }

    @Test
    void pauseResumeAndCancel() throws Exception {
        Task task = Tasks.create("binary-addition", 8);
        Trainer tr = new Trainer(task, task.defaults());
        Recorder rec = new Recorder();
        TrainingSession s = new TrainingSession(tr, Long.MAX_VALUE, 0, rec);
        s.start();
        Thread.sleep(300);
        s.pause();
        Thread.sleep(100);
        long paused = tr.steps();
        Thread.sleep(300);
        assertThat(tr.steps()).isEqualTo(paused).isPositive();
        s.resume();
        Thread.sleep(300);
        assertThat(tr.steps()).isGreaterThan(paused);
        s.cancel();
        assertThat(rec.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(rec.outcome).isEqualTo(TrainingSession.Outcome.CANCELLED);
        assertThat(s.await()).isEqualTo(TrainingSession.Outcome.CANCELLED);
        assertThat(s.isRunning()).isFalse();
        // ≤ 20 events a second (+ the ones at pause and at the end)
        assertThat(rec.events.size()).isLessThanOrEqualTo(20 + 3).isGreaterThan(3);
        long steps = 0;
        for (Progress p : rec.events) {
            steps += p.lossHistory().length;
            assertThat(p.tokensPerSec()).isPositive();
        }
        assertThat(steps).isEqualTo(tr.steps());
    }

    @Test
    void completesAndEvaluates() throws Exception {
        Task task = Tasks.create("sentiment", 8);
        Trainer tr = new Trainer(task, task.defaults());
        Recorder rec = new Recorder();
        TrainingSession s = new TrainingSession(tr, 250, 100, rec);
        s.start();
        assertThat(s.await()).isEqualTo(TrainingSession.Outcome.COMPLETED);
        Progress last = rec.events.get(rec.events.size() - 1);
        assertThat(last.step()).isEqualTo(250);
        assertThat(last.metric().value()).isGreaterThan(0.9);
    }

    @Test
    void divergenceStopsTheSessionWithTheMessage() throws Exception {
        Task task = Tasks.create("adding", 50);
        TrainConfig cfg = new TrainConfig(CellType.RNN_RELU, 16, 1, 1000, "sgd", 1e6, Clipper.Mode.NONE, 0, 4, 1, null);
        Trainer tr = new Trainer(task, cfg);
        Recorder rec = new Recorder();
        TrainingSession s = new TrainingSession(tr, 1000, 0, rec);
        s.start();
        assertThat(s.await()).isEqualTo(TrainingSession.Outcome.DIVERGED);
        assertThat(rec.message).containsAnyOf("exploded", "became", "overflowed");
        assertThat(tr.model().params().allFinite()).isTrue();
        assertThat(tr.steps()).isLessThan(1000);
    }
}
