package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.session.EngineSession;
import rnnlab.session.EngineThread;
import rnnlab.session.Frame;
import rnnlab.session.FrameFactory;
import rnnlab.session.Initialiser;

/**
 * Weights streamed from training (issue 12): snapshots coalesce, their analysis is computed off the
 * engine thread, a step asked for meanwhile is not held up by it, and every frame's analysis is that of
 * the weights it shows. The worker thread is a queue run by hand here; the engine thread is real.
 */
class TrainedWeightsTest {
    private static final String WHH = "rnn.weight_hh_l0";

    private record Published(Frame frame, boolean animate, boolean withInfo) {
    }

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final EngineThread engine = new EngineThread(Runnable::run, e -> {
        if (e != null) {
            errors.add(e);
        }
    }, b -> { });
    private final EngineSession session = new EngineSession();
    private final FrameFactory frames = new FrameFactory();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final EngineSide side = new EngineSide(engine, session,
            (animate, t0, withInfo, status) -> published.add(new Published(frames.build(session.run, null), animate, withInfo)));
    private final ArrayDeque<Runnable> workerQueue = new ArrayDeque<>();
    /** The analyses the worker computed, in order. */
    private final List<Frame.Analysis> prepared = new CopyOnWriteArrayList<>();
    private final TrainedWeights trained = new TrainedWeights(side, frames, workerQueue::add, (m, seq) -> {
        Frame.Analysis a = FrameFactory.compute(m, seq);
        prepared.add(a);
        return a;
    });

    /** Waits until the engine thread has run everything queued so far. */
    private void engineIdle() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        engine.quick(done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).as("engine errors").isEmpty();
    }

    private void runWorker() {
        while (!workerQueue.isEmpty()) {
            workerQueue.poll().run();
        }
    }

    private Model withWhh00(Model base, double v) {
        Model m = base.copy();
        m.param(WHH).set(0, 0, v);
        return m;
    }

    /** A session showing a trained model's first snapshot (adopted), stepped to {@code pos}. */
    private Model started(int pos) throws Exception {
        engine.quick(() -> {
            try {
                session.buildForText(new EngineSession.Shape(CellType.RNN_TANH, 3, 1, false, Initialiser.PYTORCH_DEFAULT, 1),
                        "hello world");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        engineIdle();
        Model first = session.model.copy();
        trained.show(first.copy(), false);
        runWorker();
        engineIdle();
        engine.quick(() -> session.run.seek(pos));
        engineIdle();
        published.clear();
        return first;
    }

    private void step() {
        engine.quick(() -> {
            session.run.seek(session.run.position() + 1);
            side.frames().publish(true, 1, false);
        });
    }

    @Test
    void manySnapshotsCoalesceIntoOneRecomputeAndTheLastIsShown() throws Exception {
        Model first = started(4);
        for (int i = 1; i <= 5; i++) {
            trained.show(withWhh00(first, 0.1 * i), i == 5);
        }
        assertThat(workerQueue).as("one preparation for five snapshots").hasSize(1);
        runWorker();
        engineIdle();
        assertThat(published).as("one frame for five snapshots").hasSize(1);
        assertThat(prepared).as("one analysis for five snapshots").hasSize(1);
        assertThat(published.get(0).frame().analysis()).as("the worker's, not computed again on the engine thread")
                .isSameAs(prepared.get(0));
        Published p = published.get(0);
        assertThat(p.frame().weights().get(WHH)[0][0]).isEqualTo(0.5);
        assertThat(p.frame().position()).as("the cursor stays where it was").isEqualTo(4);
        assertThat(p.withInfo()).as("training's last weights refresh the panels too").isTrue();
        // the analysis shown is that of the weights shown, not of an earlier snapshot
        Frame.Analysis expected = FrameFactory.compute(withWhh00(first, 0.5), session.sequence);
        assertThat(p.frame().analysis().spectra().get(0).radius()).isEqualTo(expected.spectra().get(0).radius());
        assertThat(p.frame().analysis().spectra().get(0).radius())
                .isNotEqualTo(FrameFactory.compute(withWhh00(first, 0.1), session.sequence).spectra().get(0).radius());
    }

    @Test
    void weightsStillBeingPreparedWhenTheModelBeforeTrainingComesBackAreDropped() throws Exception {
        Model first = started(1);
        double before = session.model.param(WHH).get(0, 0);
        trained.show(withWhh00(first, 0.9), true);
        // training ended with the shown model restored while its last weights were on the worker
        // (TrainingPanelTest saw the trained model come back after the restored one)
        trained.discardPending();
        runWorker();
        engineIdle();
        assertThat(published).as("nothing shown for the dropped snapshot").isEmpty();
        assertThat(session.model.param(WHH).get(0, 0)).isEqualTo(before);
        // a later training's weights are shown again
        trained.show(withWhh00(first, 0.3), false);
        runWorker();
        engineIdle();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).frame().weights().get(WHH)[0][0]).isEqualTo(0.3);
    }

    @Test
    void aStepWhileNewWeightsArePreparedIsServedAtOnceAndLaterStepsReuseTheirAnalysis() throws Exception {
        Model first = started(2);
        double before = session.model.param(WHH).get(0, 0);
        trained.show(withWhh00(first, 0.75), false);
        // the snapshot waits on the worker; the step does not wait for it
        step();
        engineIdle();
        assertThat(published).hasSize(1);
        Frame stepped = published.get(0).frame();
        assertThat(stepped.position()).isEqualTo(3);
        assertThat(stepped.weights().get(WHH)[0][0]).as("the step shows the weights of before").isEqualTo(before);

        runWorker();
        engineIdle();
        assertThat(published).hasSize(2);
        Frame refreshed = published.get(1).frame();
        assertThat(refreshed.weights().get(WHH)[0][0]).isEqualTo(0.75);
        assertThat(refreshed.position()).isEqualTo(3);
        assertThat(refreshed.analysis()).as("prepared off the engine thread").isSameAs(prepared.get(prepared.size() - 1));

        // steps after new weights use the analysis prepared with them: not computed again on the engine thread
        // (before issue 12 every step after new weights computed it again: 100 ms of engine time a step)
        step();
        step();
        engineIdle();
        assertThat(published).hasSize(4);
        assertThat(published.get(2).frame().analysis()).isSameAs(refreshed.analysis());
        assertThat(published.get(3).frame().analysis()).isSameAs(refreshed.analysis());
        assertThat(published.get(3).frame().position()).isEqualTo(5);
    }

    @Test
    void whenTheSequenceChangedMeanwhileTheAnalysisIsComputedForTheNewOne() throws Exception {
        Model first = started(0);
        trained.show(withWhh00(first, -0.5), true);
        // the worker prepares for the sequence shown now ...
        Runnable prepare = workerQueue.poll();
        // ... but the text changes before the weights reach the engine thread
        engine.quick(() -> {
            try {
                session.editText("hello world hello");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        engineIdle();
        prepare.run();
        engineIdle();
        Frame f = published.get(published.size() - 1).frame();
        assertThat(f.weights().get(WHH)[0][0]).isEqualTo(-0.5);
        assertThat(f.length()).isEqualTo(session.sequence.length());
        Frame.Analysis expected = FrameFactory.compute(withWhh00(first, -0.5), session.sequence);
        assertThat(f.analysis().flows().get(0).rho()).isEqualTo(expected.flows().get(0).rho());
        assertThat(f.analysis().lastStepGradNorms().get(0)).hasSize(session.sequence.length());
    }

    @Test
    void weightsArrivingAfterTheWindowClosedAreDropped() throws Exception {
        Model first = started(1);
        engine.shutdown();
        // training's last weights come after the engine thread stopped: nothing runs, nothing is thrown
        trained.show(withWhh00(first, 0.25), true);
        runWorker();
        assertThat(published).isEmpty();
        assertThat(errors).isEmpty();
    }
}
