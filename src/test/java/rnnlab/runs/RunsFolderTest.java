package rnnlab.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsFolderTest {
    static RunRecord record(String id, int points, double dropout) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("task", "adding");
        s.put("cell", "gru");
        s.put("hidden", 16);
        s.put("seed", 2L);
        s.put("dropout", dropout);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("val_loss", 0.125);
        r.put("best_step", 40L);
        r.put("stopped", null);
        r.put("metric", Double.NaN);
        List<CurvePoint> c = new ArrayList<>();
        for (int i = 1; i <= points; i++) {
            c.add(new CurvePoint(i, 1.0 / i, 0.01, i % 10 == 0 ? 0.5 / i : Double.NaN, i % 10 == 0 ? 0.25 / i : Double.NaN));
        }
        return new RunRecord(id, s, r, c);
    }

    @Test
    void aRunIsWrittenAsPlainFilesAndReadBackWithItsValues(@TempDir Path dir) throws Exception {
        RunsFolder f = new RunsFolder(dir);
        f.write(record("a", 30, 0.3));
        assertThat(Files.readString(dir.resolve("a/curve.csv"))).startsWith("step,loss,lr,val_loss,val_metric\n1,1.0000000,0.010000000,,\n");
        List<String> problems = new ArrayList<>();
        List<RunRecord> runs = f.list(problems);
        assertThat(problems).isEmpty();
        assertThat(runs).hasSize(1);
        RunRecord r = runs.get(0);
        assertThat(r.number("dropout")).isEqualTo(0.3);
        assertThat(r.number("val_loss")).isEqualTo(0.125);
        assertThat(r.results().get("metric")).isNull(); // NaN is stored as null
        assertThat(r.curve()).hasSize(30);
        assertThat(r.curve().get(19).valLoss()).isEqualTo(0.025);
        assertThat(r.curve().get(18).valLoss()).isNaN();
        assertThat(r.curve().get(29).loss()).isCloseTo(1.0 / 30, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void renameDeleteAndCsvExport(@TempDir Path dir) throws Exception {
        RunsFolder f = new RunsFolder(dir);
        f.write(record("a", 5, 0));
        RunRecord b = f.rename(f.list(new ArrayList<>()).get(0), "dropout-none");
        f.write(record("c", 5, 0.5));
        assertThat(f.list(new ArrayList<>())).extracting(RunRecord::id).containsExactly("c", "dropout-none");
        String csv = RunsFolder.csv(f.list(new ArrayList<>()));
        assertThat(csv.lines().toList()).containsExactly("id,task,cell,hidden,seed,dropout,val_loss,best_step,stopped,metric",
                "c,adding,gru,16,2,0.50000000,0.12500000,40,,", "dropout-none,adding,gru,16,2,0.0000000,0.12500000,40,,");
        f.delete(b.id());
        assertThat(Files.exists(dir.resolve("dropout-none"))).isFalse();
        assertThatThrownBy(() -> f.rename(record("c", 1, 0), "../evil")).hasMessageContaining("run name");
    }

    @Test
    void aBrokenRunIsOneMessageNamingItsFileAndTheOthersStillList(@TempDir Path dir) throws Exception {
        RunsFolder f = new RunsFolder(dir);
        f.write(record("good", 3, 0));
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/run.json"), "{\"id\":\"bad\",\"settings\":[1]");
        Files.createDirectories(dir.resolve("badcurve"));
        Files.writeString(dir.resolve("badcurve/run.json"), "{\"id\":\"x\",\"settings\":{},\"results\":{}}");
        Files.writeString(dir.resolve("badcurve/curve.csv"), "step,loss,lr,val_loss,val_metric\n1,x,2,,\n");
        List<String> problems = new ArrayList<>();
        assertThat(f.list(problems)).extracting(RunRecord::id).containsExactly("good");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("bad").contains("run.json").contains("expected JSON");
        assertThat(problems.get(1)).contains("curve.csv line 2").contains("expected numbers");
    }

    /** A child JVM writes runs with large curves in a loop; kill -9 it at some moment; every listed run is whole. */
    @Test
    void theRunsFolderSurvivesKillNineMidWrite(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunsWriterMain.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        try {
            long until = System.currentTimeMillis() + 60_000;
            while (countRuns(dir) < 3 && System.currentTimeMillis() < until && p.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("the writer is still writing").isTrue();
            Thread.sleep(37); // somewhere inside the next write
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> problems = new ArrayList<>();
        List<RunRecord> runs = new RunsFolder(dir).list(problems);
        assertThat(problems).isEmpty();
        assertThat(runs.size()).isGreaterThanOrEqualTo(3);
        for (RunRecord r : runs) {
            assertThat(r.curve()).as(r.id()).hasSize(RunsWriterMain.POINTS);
            assertThat(r.number("val_loss")).isEqualTo(0.125);
        }
        // a later write into the folder removes what the killed process left (its temporary files)
        new RunsFolder(dir).write(record("after", 2, 0));
        try (var s = Files.walk(dir)) {
            assertThat(s.filter(x -> x.getFileName().toString().endsWith(".tmp")).count()).isLessThanOrEqualTo(1);
        }
    }

    private static long countRuns(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(d -> Files.exists(d.resolve(RunsFolder.RUN_FILE))).count();
        }
    }
}
