package rnnlab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;

/** The registries answer what the copies they replaced answered. */
class RegistriesTest {

    @Test
    void viewOfMapsElementIdsToTheirView() {
        assertThat(ViewRegistry.viewOf("lstm.gate.f.unit.2")).isEqualTo("view.lstm");
        assertThat(ViewRegistry.viewOf("formula.heading")).isEqualTo("view.formulas");
        assertThat(ViewRegistry.viewOf("formulas")).isEqualTo("view.formulas");
        assertThat(ViewRegistry.viewOf("view.lstm.x")).isEqualTo("view.lstm");
        assertThat(ViewRegistry.viewOf("view.decay")).isEqualTo("view.decay");
        assertThat(ViewRegistry.viewOf("timeline.play")).isNull();
        assertThat(ViewRegistry.viewOf(" ")).isNull();
    }

    @Test
    void everyCellsViewIsARegisteredView() {
        for (CellType c : CellType.values()) {
            assertThat(ViewRegistry.known(c.viewId())).as(c.id()).isTrue();
        }
        assertThat(ViewRegistry.builtInNames()).containsExactly("unrolled", "heatmap", "lstm", "belt", "gru", "rnn",
                "formulas", "output", "text", "decay", "weights");
    }

    @Test
    void taskNamesAreReadInAnySpelling() {
        assertThat(TaskRegistry.find("Binary_Addition").defaultLength()).isEqualTo(8);
        assertThat(TaskRegistry.find("parity")).isNull();
        assertThat(TaskRegistry.NAMES).hasSize(9).startsWith("charlm").endsWith("reverse");
    }

    @Test
    void cellTypeDeclaresEveryGateOnce() {
        assertThat(CellType.allGateNames()).containsExactly("i", "f", "g", "o", "r", "z", "n");
        assertThat(CellType.LSTM.gateIndex("g")).isEqualTo(2);
        assertThat(CellType.gate("n").sigmoid()).isFalse();
        assertThat(CellType.gate("z").colourKey()).isEqualTo("sky");
        assertThat(CellType.RNN_RELU.relu()).isTrue();
        assertThat(CellType.GRU.gated()).isTrue();
        assertThat(CellType.RNN_TANH.gated()).isFalse();
    }
}
