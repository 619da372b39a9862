package rnnlab.training.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.AttentionKind;

class Seq2SeqExperimentTest {
    @Test
    void everyLengthAttentionAndSeedGivesOneRowAndTheCsvHasAnAttentionColumn() {
        Seq2SeqTrainer.Settings base = Seq2SeqTrainer.Settings.defaults(AttentionKind.NONE, 1).withSteps(3);
        Seq2SeqExperiment ex = new Seq2SeqExperiment("s2s-copy", List.of(2, 3), List.of(AttentionKind.NONE,
                AttentionKind.DOT), 2, base, 20);
        assertThat(ex.totalRuns()).isEqualTo(8);
        int[] calls = {0};
        List<Seq2SeqExperiment.Row> rows = ex.run((d, t, r) -> {
            calls[0]++;
            assertThat(d).isEqualTo(calls[0]);
            assertThat(t).isEqualTo(8);
        }, () -> false);
        assertThat(rows).hasSize(8);
        assertThat(rows).extracting(Seq2SeqExperiment.Row::length).containsExactly(2, 2, 2, 2, 3, 3, 3, 3);
        assertThat(rows).extracting(Seq2SeqExperiment.Row::attention).containsExactly(AttentionKind.NONE,
                AttentionKind.NONE, AttentionKind.DOT, AttentionKind.DOT, AttentionKind.NONE, AttentionKind.NONE,
                AttentionKind.DOT, AttentionKind.DOT);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.steps()).isEqualTo(3);
            assertThat(r.tokenAccuracy()).isBetween(0.0, 1.0);
        });
        String csv = Seq2SeqExperiment.csv(rows);
        String[] lines = csv.strip().split("\n");
        assertThat(lines[0]).startsWith("task,attention,length,seed,");
        assertThat(lines).hasSize(9);
        assertThat(lines[3]).startsWith("s2s-copy,dot,2,1,3,");
        String table = Seq2SeqExperiment.table(rows);
        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table.lines().findFirst().orElseThrow()).contains("none").contains("dot");
    }

    @Test
    void cancellingStopsBetweenRuns() {
        Seq2SeqExperiment ex = new Seq2SeqExperiment("sort", List.of(3), List.of(AttentionKind.NONE), 3,
                Seq2SeqTrainer.Settings.defaults(AttentionKind.NONE, 1).withSteps(2), 5);
        int[] n = {0};
        List<Seq2SeqExperiment.Row> rows = ex.run((d, t, r) -> n[0]++, () -> n[0] >= 1);
        assertThat(rows).hasSize(1);
    }
}
