package rnnlab.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 60 students on 127.0.0.1 load the page, read the question and answer within 5 s, a third of them
 * changing their mind once: every device is counted exactly once, with its last answer.
 */
@Timeout(60)
class PollLoadTest {
    static final int STUDENTS = 60;

    @Test
    void sixtyStudentsAnswerWithinFiveSecondsAndEachIsCountedOnce() throws Exception {
        PollSession session = new PollSession();
        try (PollServer server = new PollServer(session, "K4TQ", Interfaces.loopback(), 0)) {
            server.start();
            // the teacher tries the page first (the first request loads classes: about a second on a busy machine)
            session.ask(Questions.choice("warm-up"));
            PollClient teacher = new PollClient(server, "K4TQ");
            teacher.page("en");
            teacher.state();
            teacher.answer("warm-up", 1, "0");
            session.ask(Questions.choice("q1"));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                int n = i;
                students.add(pool.submit(() -> {
                    PollClient c = new PollClient(server, "K4TQ");
                    go.await();
                    assertThat(c.page("en").statusCode()).isEqualTo(200);
                    assertThat(c.state().statusCode()).isEqualTo(200);
                    String first = String.valueOf(n % 3);
                    HttpResponse<String> r = c.answer("q1", 1, first);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    if (n % 3 == 0) { // changes its mind: option 0 -> option 1
                        assertThat(c.answer("q1", 1, "1").statusCode()).isEqualTo(200);
                        return 1;
                    }
                    return n % 3;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            int[] expected = new int[3];
            for (Future<Integer> f : students) {
                expected[f.get(10, TimeUnit.SECONDS)]++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdownNow();
            System.out.printf("class poll load: %d students answered in %.2f s (%d requests)%n", STUDENTS, seconds,
                    STUDENTS * 3 + STUDENTS / 3);
            assertThat(seconds).isLessThan(5.0);
            assertThat(session.count()).isEqualTo(STUDENTS);
            assertThat(session.distribution("en").counts().get(0)).containsExactly(expected);
            assertThat(expected).containsExactly(0, 40, 20);
            assertThat(server.refused()).isZero();
        }
    }
}
