package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.gradcheck.GradientCheck;

class GateOverrideTest {

    static Model model(CellType cell, int h) {
        ModelConfig cfg = new ModelConfig(cell, 3, h, 1, false, 0, 3, Activation.SOFTMAX, null);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(11);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.getNumElements(); i++) {
                w.data[i] = r.nextDouble() * 1.6 - 0.8;
            }
        }
        return m;
    }

    static Sequence seq() {
        return Sequence.ofTokens(new int[] {0, 1, 2, 1, 0, 2, 1}, new int[] {1, 2, 1, 0, 2, 1, 0}, TargetSteps.ALL);
    }

    @Test
    void forgetGatePinnedToZeroCutsTheConveyorBelt() {
        Model m = model(CellType.LSTM, 4);
        Run run = new Run(m, 7);
        run.load(seq());
        run.setGateOverrides(List.of(new GateOverride(0, 0, 4, "f", -1, 0.0)));
        run.forwardBackward();
        LayerState s = run.layer(0, 0);
        for (int u = 0; u < 4; u++) {
            // c_4 = 0 ⊙ c_3 + i ⊙ g
            assertThat(s.gate(4, 1, u)).isEqualTo(0.0);
            assertThat(s.cell(4, u)).isEqualTo(s.gate(4, 0, u) * s.gate(4, 2, u));
            // the pinned gate gets no delta, and its pre-activation is still recorded
            assertThat(s.gateDelta(4, 1, u)).isEqualTo(0.0);
            assertThat(s.preActivation(4, 1, u)).isNotEqualTo(0.0);
            assertThat(s.isPinned(4, 1, u)).isTrue();
        }
        // Unpinned, the same run differs: the pin really acted.
        Run plain = new Run(m, 7);
        plain.load(seq());
        plain.forwardBackward();
        assertThat(plain.loss()).isNotEqualTo(run.loss());
    }

    @Test
    void bpttWithPinnedGatesMatchesNumericGradients() {
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU)) {
            String gate = cell == CellType.LSTM ? "o" : "z";
            List<GateOverride> pins = List.of(new GateOverride(0, 0, 2, gate, 1, 0.9),
                    new GateOverride(0, 0, 5, cell == CellType.LSTM ? "f" : "r", -1, 0.1));
            GradientCheck.Result r = GradientCheck.check(model(cell, 3), seq(), pins, 1000, 1);
            assertThat(r.maxRelativeError()).as(cell + " " + r).isLessThan(1e-6);
        }
    }

    @Test
    void unknownGateIsRefusedClearly() {
        Run run = new Run(model(CellType.GRU, 3), 7);
        assertThatThrownBy(() -> run.setGateOverrides(List.of(new GateOverride(0, 0, 1, "f", 0, 0.5))))
                .hasMessage("a gru cell has no gate \"f\"");
    }
}
