package rnnlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rnnlab.training.TrainConfig;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

class RunsTableTest {
    private static RunRecord run(String id, Object dropout, Object cell, Double val) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("dropout", dropout);
        s.put("cell", cell);
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("val_loss", val);
        return new RunRecord(id, s, r, List.of());
    }

    @Test
    void groupsAreOrderedNumbersFirstAndTheScatterSkipsRunsWithoutBothValues() {
        List<RunRecord> runs = List.of(run("a", 0.5, "lstm", 0.3), run("b", 0.0, "gru", 0.2), run("c", 0.25, "gru", null),
                run("d", 10.0, "gru", 0.1), run("e", null, "gru", 0.4));
        assertThat(RunsTable.groups(runs, "dropout")).containsExactly("0", "0.25", "0.5", "10", "");
        assertThat(RunsTable.groups(runs, "cell")).containsExactly("gru", "lstm");
        assertThat(RunsTable.groups(runs, null)).containsExactly("");
        assertThat(RunsTable.format(0.123456)).isEqualTo("0.1235");
        assertThat(RunsTable.format(1e-5)).isEqualTo("1.000e-05");
        assertThat(RunsTable.format(128.0)).isEqualTo("128");
        List<RunsTable.ScatterPoint> pts = RunsTable.scatter(runs, "dropout", "val_loss", "cell");
        assertThat(pts).containsExactly(new RunsTable.ScatterPoint("a", 0.5, 0.3, "lstm"),
                new RunsTable.ScatterPoint("b", 0.0, 0.2, "gru"), new RunsTable.ScatterPoint("d", 10.0, 0.1, "gru"));
        List<RunRecord> sorted = new ArrayList<>(runs);
        sorted.sort(RunsTable.byGroup(runs, "dropout"));
        assertThat(sorted).extracting(RunRecord::id).containsExactly("b", "c", "a", "d", "e");
    }

    @Test
    void aSweepRunnerRunsEveryPointTimesSeedsAndACancelledRunIsNotRecorded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Task task = Tasks.create("adding", 10);
        TrainConfig base = task.defaults().withHidden(4).withSteps(5);
        SweepRunner r = new SweepRunner(task, base, Sweep.parse(List.of("hidden=3,5")), 2, new RunsFolder(dir), 5, 0);
        assertThat(r.configs()).extracting(c -> c.hidden() + "/" + c.seed())
                .containsExactly("3/" + base.seed(), "3/" + (base.seed() + 1), "5/" + base.seed(), "5/" + (base.seed() + 1));
        List<String> told = new ArrayList<>();
        List<RunRecord> done = r.run((i, n, p, rec) -> told.add(i + "/" + n + " " + p.get("hidden")));
        assertThat(told).containsExactly("1/4 3.0", "2/4 3.0", "3/4 5.0", "4/4 5.0");
        assertThat(done).hasSize(4);
        assertThat(new RunsFolder(dir).list(new ArrayList<>())).hasSize(4);
        // cancelled while its first run trains: the run cut short is not recorded
        java.nio.file.Path d2 = dir.resolve("second");
        SweepRunner c = new SweepRunner(task, base.withSteps(200_000), Sweep.parse(List.of("seed=1,2")), 1,
                new RunsFolder(d2), 0, 0);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.cancel();
        });
        t.start();
        assertThat(c.run((i, n, p, rec) -> { })).isEmpty();
        t.join();
        assertThat(c.isCancelled()).isTrue();
        assertThat(new RunsFolder(d2).list(new ArrayList<>())).isEmpty();
    }
}
