package rnnlab.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import rnnlab.poll.Interfaces;
import rnnlab.poll.JoinCode;
import rnnlab.poll.PollQuestion;
import rnnlab.poll.PollServer;
import rnnlab.poll.PollSession;

/**
 * {@code bench-ui --poll}: a class poll running on 127.0.0.1 (never another address) while the benchmark
 * plays, with simulated students on loopback as the real page behaves: each loads the page once, asks
 * for the state every 1.5 s, answers within the first 5 s and changes its answer now and then. Bounded:
 * two client threads, a 5 s timeout per request, everything stops with {@link #close()}.
 */
final class PollLoad implements AutoCloseable {
    private final PollSession session = new PollSession();
    private final PollServer server;
    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-poll-students");
        t.setDaemon(true);
        return t;
    });
    /** The client's own two threads (sharing the schedulers' would deadlock: they wait in send). */
    private final java.util.concurrent.ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-poll-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(io).build();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final int students;
    private final long started = System.nanoTime();

    PollLoad(int students) throws java.io.IOException {
        this.students = students;
        session.ask(new PollQuestion("bench/1", PollQuestion.Kind.CHOICE, Map.of("en", "Will the forget gate stay above 0.5?"),
                Map.of("en", List.of("yes", "no", "it depends"))));
        server = new PollServer(session, JoinCode.random(), Interfaces.loopback(), 0);
        server.start();
        java.util.Random random = new java.util.Random(20);
        for (int s = 0; s < students; s++) {
            String[] cookie = new String[1];
            long firstAnswer = random.nextInt(5000);
            int student = s;
            clients.schedule(() -> send(get("/", cookie), cookie), random.nextInt(500), TimeUnit.MILLISECONDS);
            clients.scheduleAtFixedRate(() -> send(get("/state", cookie), cookie), 600 + random.nextInt(1500), 1500, TimeUnit.MILLISECONDS);
            clients.scheduleAtFixedRate(() -> {
                String body = "q=bench%2F1&r=1&a=" + (student + answers.get()) % 3;
                send(request("/answer", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), cookie);
                answers.incrementAndGet();
            }, 600 + firstAnswer, 10_000 + random.nextInt(5000), TimeUnit.MILLISECONDS);
        }
    }

    private HttpRequest get(String path, String[] cookie) {
        return request(path, cookie).GET().build();
    }

    private HttpRequest.Builder request(String path, String[] cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).header(PollServer.CODE_HEADER, server.code());
        if (cookie[0] != null) {
            b.header("Cookie", PollServer.COOKIE + "=" + cookie[0]);
        }
        return b;
    }

    private void send(HttpRequest r, String[] cookie) {
        try {
            HttpResponse<Void> resp = http.send(r, HttpResponse.BodyHandlers.discarding());
            requests.incrementAndGet();
            resp.headers().firstValue("Set-Cookie").ifPresent(c -> cookie[0] = c.substring(c.indexOf('=') + 1, c.indexOf(';')));
            if (resp.statusCode() != 200) {
                failed.incrementAndGet();
            }
        } catch (java.io.IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line for the report: students, requests per second, answers counted, failures. */
    String report() {
        double s = (System.nanoTime() - started) / 1e9;
        return String.format(Locale.ROOT, "poll: %d simulated students on 127.0.0.1:%d, %d requests in %.0f s (%.0f/s), "
                        + "%d answers sent, %d devices counted, %d refused or failed", students, server.port(), requests.get(), s,
                requests.get() / Math.max(s, 1e-9), answers.get(), session.count(), failed.get());
    }

    @Override
    public void close() {
        clients.shutdownNow();
        io.shutdownNow();
        server.close();
    }
}
