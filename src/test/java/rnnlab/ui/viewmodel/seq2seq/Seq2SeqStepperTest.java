package rnnlab.ui.viewmodel.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The encoder–decoder window's cursor computes on its worker, never on the FX thread, and what it
 * publishes is exactly what {@link Seq2SeqPlayback#at} computed synchronously before (every array of every
 * snapshot, forward and BPTT, bit for bit).
 */
class Seq2SeqStepperTest extends ApplicationTest {
    private static final String INPUT = "31415926";
    private static final String TARGET = "62951413";
    private Seq2SeqStepper stepper;

    @Override
    public void start(Stage s) {
        // no window: the stepper alone, its results on the FX thread
    }

    @AfterEach
    void shutDownTheWorker() {
        if (stepper != null) {
            stepper.shutdown();
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static Seq2SeqPlayback model() throws Exception {
        return Seq2SeqPlayback.read(Path.of(Seq2SeqStepperTest.class.getResource(
                "/rnnlab/ui/seq2seq/s2s-reverse-additive.s2s.json").toURI()));
    }

    private Seq2SeqStepper.Shown shownAt(long load, int position) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            Seq2SeqStepper.Shown s = stepper.shownProperty().get();
            return s != null && s.load() == load && s.snapshot().position() == position;
        }));
        return fx(() -> stepper.shownProperty().get());
    }

    @Test
    void decodingAndSteppingRunOnTheWorkerWhileTheFxThreadGoesOn() throws Exception {
        Seq2SeqPlayback base = model();
        stepper = fx(Seq2SeqStepper::new);
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        stepper.beforeCompute(() -> {
            threads.add(Thread.currentThread().getName());
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // the worker is held at its first computation: if the FX thread computed, these calls could not return
        long load = fx(() -> stepper.load(base, INPUT, TARGET));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !threads.isEmpty());
        fx(() -> {
            stepper.seek(5);
            stepper.seek(12);
            stepper.seek(30);
            return null;
        });
        assertThat(fx(() -> stepper.shownProperty().get())).isNull();
        assertThat(fx(() -> Platform.isFxApplicationThread())).isTrue();
        gate.countDown();
        Seq2SeqStepper.Shown s = shownAt(load, 30);
        // decode, position 0 of the decode, then only the latest seek (30): 5 and 12 were never computed
        assertThat(threads).hasSize(3).containsOnly("rnnlab-seq2seq");
        Seq2SeqPlayback sync = model();
        sync.load(INPUT, TARGET);
        assertSame(s.snapshot(), sync.at(30));
        assertThat(s.snapshot().backward()).isTrue();
        assertThat(s.output()).isEqualTo(sync.outputText());
        assertThat(s.playback().totalSteps()).isEqualTo(sync.totalSteps());
    }

    @Test
    void everyPositionForwardAndBackIsExactlyTheSynchronousSnapshot() throws Exception {
        Seq2SeqPlayback base = model();
        stepper = fx(Seq2SeqStepper::new);
        long greedy = fx(() -> stepper.load(base, INPUT, ""));
        Seq2SeqPlayback sync = model();
        sync.load(INPUT);
        assertThat(shownAt(greedy, 0).output()).isEqualTo(sync.outputText()).isEqualTo(TARGET);
        for (int p = 0; p <= sync.totalSteps(); p++) {
            int at = p;
            fx(() -> {
                stepper.seek(at);
                return null;
            });
            assertSame(shownAt(greedy, p).snapshot(), sync.at(p));
        }
        long forced = fx(() -> stepper.load(base, INPUT, TARGET));
        sync.load(INPUT, TARGET);
        int total = sync.totalSteps();
        assertThat(total).isEqualTo(2 * (8 + 9));
        // backwards from the end of BPTT (each step back reloads and steps again) and a few jumps
        int[] order = new int[total + 5];
        for (int i = 0; i <= total; i++) {
            order[i] = total - i;
        }
        order[total + 1] = total;
        order[total + 2] = 17;
        order[total + 3] = 18;
        order[total + 4] = 3;
        for (int p : order) {
            fx(() -> {
                stepper.seek(p);
                return null;
            });
            Seq2SeqPlayback.Snapshot got = shownAt(forced, p).snapshot();
            assertSame(got, sync.at(p));
        }
    }

    @Test
    void aBadTargetOnTheWorkerBecomesOneMessage() throws Exception {
        Seq2SeqPlayback base = model();
        stepper = fx(Seq2SeqStepper::new);
        fx(() -> stepper.load(base, INPUT, "12x"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> stepper.problemProperty().get() != null));
        assertThat(fx(() -> stepper.problemProperty().get())).contains("“x”").contains("3");
        assertThat(fx(() -> stepper.shownProperty().get())).isNull();
    }

    /** Every component of two snapshots (and of their BPTT part) equal: arrays element by element, doubles bit for bit. */
    static void assertSame(Object got, Object want) {
        assertThat(got).isNotNull();
        for (RecordComponent c : got.getClass().getRecordComponents()) {
            try {
                Object a = c.getAccessor().invoke(got);
                Object b = c.getAccessor().invoke(want);
                if (a != null && a.getClass().isRecord()) {
                    assertSame(a, b);
                } else {
                    assertThat(java.util.Objects.deepEquals(a, b)).as(c.getName()).isTrue();
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void beamSearchRunsOnTheWorkerAndAStaleOneIsDropped() throws Exception {
        Seq2SeqPlayback base = model();
        stepper = fx(Seq2SeqStepper::new);
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        stepper.beforeCompute(() -> {
            threads.add(Thread.currentThread().getName());
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // a search held on the worker, then cleared (greedy chosen): its result must not appear
        fx(() -> stepper.beam(base, INPUT, 3));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !threads.isEmpty());
        fx(() -> {
            stepper.clearBeam();
            return null;
        });
        long n = fx(() -> stepper.beam(base, "2718", 4));
        gate.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> stepper.beamProperty().get() != null));
        Seq2SeqStepper.Beam b = fx(() -> stepper.beamProperty().get());
        assertThat(b.number()).isEqualTo(n);
        assertThat(b.input()).isEqualTo("2718");
        assertThat(threads).isNotEmpty().allMatch("rnnlab-seq2seq"::equals);
        var ref = new rnnlab.training.seq2seq.BeamSearch(base.model()).search(base.tokens("2718"), 4, Seq2SeqPlayback.MAX_OUTPUT);
        assertThat(b.candidates()).hasSize(ref.candidates().size());
        for (int i = 0; i < b.candidates().size(); i++) {
            assertThat(b.candidates().get(i).logProb()).isEqualTo(ref.candidates().get(i).logProb());
            assertThat(b.candidates().get(i).text()).isEqualTo(base.targetText(ref.candidates().get(i).tokens()));
            assertThat(b.candidates().get(i).chosen()).isEqualTo(i == 0);
        }
        // the stale search (number n − 2) finished first on the one worker and was handed over first: dropped
        assertThat(fx(() -> stepper.beamProperty().get().number())).isEqualTo(n);
        // widths outside 2…8 are the window's to refuse: the stepper throws
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> stepper.beam(base, INPUT, 9)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
