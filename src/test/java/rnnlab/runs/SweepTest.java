package rnnlab.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rnnlab.training.TrainConfig;
import rnnlab.training.tasks.Tasks;

class SweepTest {
    @Test
    void twoAxesMakeAGridAndEachPointSetsItsValues() {
        Sweep s = Sweep.parse(List.of("dropout=0,0.2,0.5", "hidden=32,128"));
        List<Map<String, Double>> pts = s.points();
        assertThat(pts).hasSize(6);
        assertThat(pts.get(0)).containsExactly(Map.entry("dropout", 0.0), Map.entry("hidden", 32.0));
        assertThat(pts.get(5)).containsExactly(Map.entry("dropout", 0.5), Map.entry("hidden", 128.0));
        TrainConfig base = Tasks.create("adding", 10).defaults();
        TrainConfig c = Sweep.apply(base, pts.get(3));
        assertThat(c.regularisation().dropout()).isEqualTo(0.2);
        assertThat(c.regularisation().outputDropout()).isTrue();
        assertThat(c.hidden()).isEqualTo(128);
        assertThat(c.lr()).isEqualTo(base.lr());
        TrainConfig d = Sweep.apply(base, Sweep.parse(List.of("weight-decay=0.001", "lr=0.003", "warmup=5")).points().get(0));
        assertThat(d.regularisation().weightDecay()).isEqualTo(0.001);
        assertThat(d.lr()).isEqualTo(0.003);
        assertThat(d.schedule().warmup()).isEqualTo(5);
    }

    @Test
    void badSpecsAreClearMessages() {
        assertThatThrownBy(() -> Sweep.parse(List.of("colour=1,2"))).hasMessageContaining("NAME one of dropout");
        assertThatThrownBy(() -> Sweep.parse(List.of("dropout=0,x"))).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Sweep.parse(List.of("hidden=1", "hidden=2"))).hasMessageContaining("twice");
        TrainConfig base = Tasks.create("adding", 10).defaults();
        assertThatThrownBy(() -> Sweep.apply(base, Map.of("hidden", 2.5))).hasMessageContaining("whole numbers");
    }
}
