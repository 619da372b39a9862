package rnnlab.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rnnlab.io.InputException;

/**
 * {@link EngineThread#plan}: a user action made of several commands (dropping a model and a sequence)
 * is one trip to the engine thread. The result thread here is a queue nobody drains while the plan
 * runs, so a plan that needed a hop back to it (the old engine → FX → engine way) would never finish.
 */
class EngineThreadPlanTest {
    private final ConcurrentLinkedQueue<Runnable> resultThread = new ConcurrentLinkedQueue<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final EngineThread engine = new EngineThread(resultThread::add, errors::add, busy -> { });

    @AfterEach
    void stop() {
        engine.shutdown();
    }

    private void drainResults() {
        for (Runnable r; (r = resultThread.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void everyTaskRunsOnTheEngineThreadInOrderWithoutTheResultThread() throws Exception {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        engine.plan(() -> List.of(
                () -> ran.add("scenario " + Thread.currentThread().getName()),
                () -> ran.add("model " + Thread.currentThread().getName()),
                () -> {
                    ran.add("sequence " + Thread.currentThread().getName());
                    done.countDown();
                }));
        assertThat(done.await(5, TimeUnit.SECONDS)).as("the plan finished with the result thread idle").isTrue();
        assertThat(ran).containsExactly("scenario rnnlab-engine", "model rnnlab-engine", "sequence rnnlab-engine");
    }

    @Test
    void eachTaskIsReportedAsItsOwnCommandSoTheLastOutcomeStays() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        engine.plan(() -> List.of(
                () -> {
                    throw new InputException("model.json", "line 3", "expected a number");
                },
                done::countDown));
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch after = new CountDownLatch(1);
        engine.quick(after::countDown); // runs after the plan has queued all its reports
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        drainResults();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("model.json").contains("expected a number");
        assertThat(errors.get(1)).isNull();
    }

    @Test
    void aFailingPlanRunsNothingAndGivesOneMessage() throws Exception {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch after = new CountDownLatch(1);
        engine.plan(() -> {
            throw new SequenceText.Problem("error.unknownFormat", "notes.docx", "?");
        });
        engine.quick(after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        drainResults();
        assertThat(ran).isEmpty();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("notes.docx");
    }

    @Test
    void commandsAndPlansAfterShutdownAreDroppedNotThrown() {
        // a comparison window closed at once: its columns' first command reaches a stopped engine thread
        List<String> busy = Collections.synchronizedList(new ArrayList<>());
        EngineThread stopped = new EngineThread(resultThread::add, errors::add, b -> busy.add(String.valueOf(b)));
        stopped.shutdown();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        stopped.command(() -> ran.add("command"));
        stopped.plan(() -> List.of(() -> ran.add("plan")));
        stopped.quick(() -> ran.add("quick"));
        drainResults();
        assertThat(ran).isEmpty();
        assertThat(busy).as("nothing was begun, so nothing stays busy").isEmpty();
        assertThat(errors).isEmpty();
    }
}
