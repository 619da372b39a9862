package rnnlab.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;

/** Frames share the rows that did not change, and hold exactly the values of a fresh copy. */
class FrameBuilderTest {

    @Test
    void aStepSharesUnchangedRowsAndCopiesTheChangedOne() {
        Model m = GradientAnalysisTest.model(CellType.LSTM, 0.8);
        Run run = new Run(m, 8);
        run.load(GradientAnalysisTest.seq());
        run.seekForward(3);
        Frame before = FrameBuilder.build(run, null, null);
        run.stepForward();
        Frame after = FrameBuilder.build(run, null, before);
        Frame fresh = FrameBuilder.build(run, null, null);
        Frame.LayerFrame a = after.layer(0, 0);
        Frame.LayerFrame b = before.layer(0, 0);
        // steps 0..2 did not change: the same arrays; step 3 was just computed: a new array
        assertThat(a.h()[2]).isSameAs(b.h()[2]);
        assertThat(a.gates()[1][0]).isSameAs(b.gates()[1][0]);
        assertThat(a.h()[3]).isNotSameAs(b.h()[3]);
        assertThat(after.weights().get("rnn.weight_hh_l0")[5]).isSameAs(before.weights().get("rnn.weight_hh_l0")[5]);
        assertThat(after.weights().get("rnn.bias_hh_l0")[0]).isSameAs(before.weights().get("rnn.bias_hh_l0")[0]);
        // and the shared frame says exactly what a fresh copy says
        for (int t = 0; t < 8; t++) {
            assertThat(a.h()[t]).containsExactly(fresh.layer(0, 0).h()[t]);
            assertThat(a.c()[t]).containsExactly(fresh.layer(0, 0).c()[t]);
            for (int g = 0; g < 4; g++) {
                assertThat(a.gates()[g][t]).containsExactly(fresh.layer(0, 0).gates()[g][t]);
            }
            assertThat(after.outputs()[t]).containsExactly(fresh.outputs()[t]);
        }
        assertThat(after.weights().get("fc.bias")[0]).containsExactly(m.param("fc.bias").data);
        assertThat(a.h()[3][0]).isEqualTo(run.layer(0, 0).hidden(3, 0));
    }
}
