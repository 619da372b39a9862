package rnnlab.ui.viewmodel.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rnnlab.training.LengthExperiment;

/** The window opens on exactly the configuration LengthExperimentTest checks. */
class ExperimentDefaultsTest {
    @Test
    void theWindowOpensOnTheLengthExperimentDefaults() {
        ExperimentViewModel vm = new ExperimentViewModel();
        assertThat(vm.taskProperty().get()).isEqualTo("adding");
        assertThat(vm.lengthsProperty().get()).isEqualTo("10, 20, 40");
        assertThat(vm.seedsProperty().get()).isEqualTo(LengthExperiment.SEEDS);
        assertThat(vm.stepsProperty().get()).isEqualTo(LengthExperiment.base("adding").steps()).isEqualTo(1200);
        assertThat(vm.hiddenProperty().get()).isEqualTo(32);
        for (String c : ExperimentViewModel.SWEEP_CELLS) {
            assertThat(vm.cellProperty(c).get()).as(c).isTrue();
        }
    }
}
