package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.cli.TrainingCommandsTest.lastJson;
import static rnnlab.cli.TrainingCommandsTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;

/** {@code train --runs DIR} and {@code experiment --sweep … --runs DIR}. */
class RunsCommandTest {
    @Test
    void trainRecordsItsSettingsCurveAndResults(@TempDir Path dir) throws Exception {
        TrainingCommandsTest.Out r = run(RemediesCommandTest.with("--steps", "40", "--dropout", "0.3",
                "--val-every", "10", "--runs", dir.toString()));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = lastJson(r.out());
        List<RunRecord> runs = new RunsFolder(dir).list(new ArrayList<>());
        assertThat(runs).hasSize(1);
        RunRecord rec = runs.get(0);
        assertThat(rec.id()).isEqualTo("adding-gru-h16-s2");
        assertThat(rec.number("dropout")).isEqualTo(0.3);
        assertThat(rec.number("seq")).isEqualTo(10);
        assertThat(rec.curve()).hasSize(40);
        assertThat(rec.curve().get(9).valLoss()).isFinite().isPositive();
        assertThat(rec.curve().get(8).valLoss()).isNaN();
        assertThat(rec.number("val_loss")).isCloseTo(j.get("val_loss").asDouble(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(rec.curve().get(39).loss()).isCloseTo(j.get("final_loss").asDouble(), org.assertj.core.data.Offset.offset(1e-5));
        // a second run with the same settings gets its own folder
        run(RemediesCommandTest.with("--steps", "5", "--runs", dir.toString()));
        assertThat(new RunsFolder(dir).list(new ArrayList<>())).extracting(RunRecord::id)
                .containsExactly("adding-gru-h16-s2", "adding-gru-h16-s2-2");
    }

    @Test
    void experimentSweepsAGridOfDropoutAndHiddenSizeAndRecordsEveryRun(@TempDir Path dir) throws Exception {
        TrainingCommandsTest.Out r = run("experiment", "--task", "adding", "--seq", "10", "--cell", "gru", "--steps", "20",
                "--seeds", "1", "--sweep", "dropout=0,0.5", "--sweep", "hidden=8,16", "--val-every", "10",
                "--runs", dir.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<RunRecord> runs = new RunsFolder(dir).list(new ArrayList<>());
        assertThat(runs).hasSize(4);
        assertThat(runs).extracting(x -> x.number("hidden") + "/" + x.number("dropout"))
                .containsExactlyInAnyOrder("8.0/0.0", "8.0/0.5", "16.0/0.0", "16.0/0.5");
        for (RunRecord x : runs) {
            assertThat(x.curve()).hasSize(20);
            assertThat(x.number("best_step")).isIn(10.0, 20.0);
        }
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("dropout").contains("hidden").contains("val_loss");
        assertThat(lines.get(4)).startsWith("0.5").contains("16");
        assertThat(r.err()).contains("[4/4]");
    }

    @Test
    void badSweepIsOneClearMessage() {
        TrainingCommandsTest.Out r = run("experiment", "--task", "adding", "--sweep", "colour=1,2");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--sweep").contains("colour").doesNotContain("Exception");
    }
}
