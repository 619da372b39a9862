package rnnlab.training;

import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;

class ExperimentTest {
    @Test
    void sweepsLengthsCellsAndSeedsIntoATableAndCsv() {
        Task t = Tasks.create("adding", 10);
        TrainConfig base = t.defaults().withSteps(30).withHidden(8);
        Experiment ex = new Experiment("adding", null, List.of(CellType.RNN_TANH, CellType.LSTM), List.of(5, 10), 2, base);
        int[] calls = {0};
        List<Experiment.Row> rows = ex.run((done, total, row) -> {
            calls[0]++;
            assertThat(total).isEqualTo(8);
            assertThat(done).isEqualTo(calls[0]);
        });
        assertThat(rows).hasSize(8);
        String table = Experiment.table(rows);
        // rnn_tanh H=8, input 2, head 1: 8·2 + 8·8 + 8 + 8 + 8 + 1 = 105; LSTM has 4× the recurrent weights
        assertThat(table).contains("rnn_tanh", "105", "lstm", "393", "T=5", "T=10", "/2]");
        String csv = Experiment.csv(rows);
        assertThat(csv.lines()).hasSize(9);
        assertThat(csv).startsWith("task,cell,length,seed");
    }

    @Test
    void cancelStopsAfterTheCurrentRun() {
        Task t = Tasks.create("binary-addition", 4);
        Experiment ex = new Experiment("binary-addition", null, List.of(CellType.GRU), List.of(3, 4), 3,
                t.defaults().withSteps(20));
        List<Experiment.Row> rows = ex.run((done, total, row) -> ex.cancel());
        assertThat(rows).hasSize(1);
        assertThat(ex.isCancelled()).isTrue();
    }
}
