package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import rnnlab.engine.Model;
import rnnlab.lessons.LessonParser;

/**
 * Mutated model, sequence, scenario and lesson files fed to the readers: the only outcome allowed is
 * a clean {@link InputException} (or, for lessons, a list of problems), never another exception, a hang
 * (each read has 10 s) or unbounded memory. Mutations: byte flips, truncation, a key duplicated, huge
 * numbers, deep nesting, bad UTF-8, inserted control bytes, trailing data. 60 tries per property in CI
 * (jqwik.tries.default in junit-platform.properties); a longer run: {@code mvn -Djqwik.tries.default=5000
 * test -Dtest=ReaderFuzzTest}.
 */
class ReaderFuzzTest {
    static Path dir;
    static ExecutorService pool;
    static byte[] model;
    static byte[] sequence;
    static byte[] scenario;
    static byte[] lesson;

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("fuzz");
        pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        model = Files.readAllBytes(Fixtures.path("lstm_onehot_ce.model.json"));
        sequence = Files.readAllBytes(Fixtures.path("lstm_onehot_ce.seq.json"));
        scenario = ScenarioNamesTest.scenario().toString().getBytes(StandardCharsets.UTF_8);
        lesson = Files.readAllBytes(Path.of("src/test/resources/lessons/good/01-forget.en.md"));
    }

    @AfterContainer
    static void tearDown() {
        pool.shutdownNow();
    }

    @Provide
    Arbitrary<byte[]> mutatedModel() {
        return mutations(() -> model);
    }

    @Provide
    Arbitrary<byte[]> mutatedSequence() {
        return mutations(() -> sequence);
    }

    @Provide
    Arbitrary<byte[]> mutatedScenario() {
        return mutations(() -> scenario);
    }

    @Provide
    Arbitrary<byte[]> mutatedLesson() {
        return mutations(() -> lesson);
    }

    interface Source {
        byte[] get();
    }

    static Arbitrary<byte[]> mutations(Source src) {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 3000)).as((kind, where, b, n) -> {
            byte[] s = src.get();
            int at = (int) (where * s.length);
            String text = new String(s, StandardCharsets.UTF_8);
            int ta = Math.min(text.length(), (int) (where * text.length()));
            return switch (kind) {
                case 0 -> {            // byte flip
                    byte[] c = s.clone();
                    c[Math.min(at, c.length - 1)] = (byte) b.intValue();
                    yield c;
                }
                case 1 -> java.util.Arrays.copyOf(s, at);                       // truncation
                case 2 -> {            // a key duplicated
                    int q = text.indexOf("\",", ta);
                    int k = q < 0 ? -1 : text.lastIndexOf(",\"", q);
                    yield (k < 0 ? text : text.substring(0, q + 2) + text.substring(k + 1, q + 2) + text.substring(q + 2))
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 3 -> (text.substring(0, ta) + "1" + "9".repeat(n) + "e" + n + text.substring(ta))
                        .getBytes(StandardCharsets.UTF_8);                     // a huge number
                case 4 -> (text.substring(0, ta) + "[".repeat(n * 2) + text.substring(ta))
                        .getBytes(StandardCharsets.UTF_8);                     // deep nesting
                case 5 -> {            // bad UTF-8
                    byte[] c = new byte[s.length + 2];
                    System.arraycopy(s, 0, c, 0, at);
                    c[at] = (byte) 0xC3;
                    c[at + 1] = (byte) 0x28;
                    System.arraycopy(s, at, c, at + 2, s.length - at);
                    yield c;
                }
                case 6 -> (text.substring(0, ta) + (char) (b % 32) + text.substring(ta)).getBytes(StandardCharsets.UTF_8);
                default -> (text + text.substring(0, ta)).getBytes(StandardCharsets.UTF_8);   // trailing data
            };
        });
    }

    interface Read {
        void read(Path p) throws Exception;
    }

    /** Reads within 10 s; anything but success or an InputException fails the property. */
    static void onlyCleanErrors(byte[] content, String name, Read read) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        Future<Throwable> f = pool.submit(() -> {
            try {
                read.read(p);
                return null;
            } catch (InputException e) {
                assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u0000");
                assertThat(e.getMessage().length()).isLessThan(1500);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t;
        try {
            t = f.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("reading " + name + " did not finish in 10 s");
        }
        if (t != null) {
            throw new AssertionError("reading a mutated " + name + " threw " + t, t);
        }
    }

    @Property
    void models(@ForAll("mutatedModel") byte[] content) throws Exception {
        onlyCleanErrors(content, "m.model.json", ModelIO::read);
    }

    @Property
    void sequences(@ForAll("mutatedSequence") byte[] content) throws Exception {
        Model m = ModelIO.read(Fixtures.path("lstm_onehot_ce.model.json"));
        onlyCleanErrors(content, "s.seq.json", p -> SequenceIO.read(p, m.config()));
    }

    @Property
    void scenarios(@ForAll("mutatedScenario") byte[] content) throws Exception {
        onlyCleanErrors(content, "s.rnnlab.json", ScenarioIO::read);
    }

    @Property
    void lessons(@ForAll("mutatedLesson") byte[] content) throws Exception {
        onlyCleanErrors(content, "01-forget.en.md", p -> {
            Path good = Path.of("src/test/resources/lessons/good");
            LessonParser.Result r = LessonParser.parse(good.resolve("01-forget.en.md"), good,
                    new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            assertThat(r.lesson() != null || !r.problems().isEmpty()).isTrue();
            r.problems().forEach(x -> assertThat(x.toString()).doesNotContain("\u0000"));
        });
    }
}
