package rnnlab.training;

import rnnlab.training.optim.Clipper;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacerTest {
    @Test
    void thePacerSeesEveryStepAndItsProgressCarriesPerStepNormsAndClips() throws Exception {
        Task task = Tasks.create("binary-addition", 8);
        Trainer tr = new Trainer(task, task.defaults().withSteps(120).withClip(Clipper.Mode.NORM, 0.05));
        SessionTest.Recorder rec = new SessionTest.Recorder();
        TrainingSession s = new TrainingSession(tr, 120, 0, rec);
        AtomicInteger calls = new AtomicInteger();
        s.setPacer(nanos -> {
            assertThat(nanos).isPositive();
            calls.incrementAndGet();
        });
        s.start();
        assertThat(s.await()).isEqualTo(TrainingSession.Outcome.COMPLETED);
        assertThat(calls.get()).isEqualTo(120);
        int steps = 0;
        for (Progress p : rec.events) {
            assertThat(p.gradHistory()).hasSameSizeAs(p.lossHistory());
            assertThat(p.clipHistory()).hasSameSizeAs(p.lossHistory());
            steps += p.lossHistory().length;
        }
        assertThat(steps).isEqualTo(120);
        // clipping at norm 0.05 clips every step; the gradient norms are those before clipping
        Progress last = rec.events.get(rec.events.size() - 1);
        assertThat(java.util.Arrays.stream(last.clipHistory()).allMatch(c -> c > 0)).isTrue();
        assertThat(java.util.Arrays.stream(last.gradHistory()).allMatch(n -> n > 0.05)).isTrue();
        assertThat(last.gradHistory()[last.gradHistory().length - 1]).isEqualTo(last.gradNorm());
    }
}
