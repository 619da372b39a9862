package rnnlab.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.NumberText;

class FrameMaskTest {
    static double[][] rows(double... firsts) {
        double[][] a = new double[firsts.length][];
        for (int t = 0; t < firsts.length; t++) {
            a[t] = new double[] {firsts[t], -firsts[t]};
        }
        return a;
    }

    /** An LSTM frame, H = 2, T = 3, gates i f g o. */
    static Frame lstm() {
        double[][][] gates = {rows(0.1, 0.2, 0.3), rows(0.4, 0.5, 0.6), rows(0.7, 0.8, 0.9), rows(0.15, 0.25, 0.35)};
        Frame.LayerFrame lf = new Frame.LayerFrame(0, 0, rows(0.11, 0.22, 0.33), rows(1.1, 2.2, 3.3), gates,
                rows(0, 0, 0), rows(0, 0, 0), gates, new double[2], new double[2]);
        return new Frame("lstm", 2, 1, 1, 3, 2, 2, "softmax", new String[] {"i", "f", "g", "o"}, List.of("a", "b"),
                new String[] {"a", "b", "a"}, new int[] {0, 1, 0}, rows(1, 0, 1), Frame.Phase.FORWARD, 2, 3, 0,
                List.of(lf), rows(0.6, 0.7, 0.8), new double[] {0.5, 0.4, 0.3}, new boolean[] {true, true, true},
                new int[] {1, 0, 1}, null, 1.2, Map.of(), Map.of(), 3, 6, null);
    }

    @Test
    void theMaskedNumberIsOneNaNTheViewsCanTellFromARealNaN() {
        assertThat(Double.doubleToRawLongBits(FrameMask.MASKED)).isEqualTo(Palette.MASKED_BITS);
        assertThat(FrameMask.masked(FrameMask.MASKED)).isTrue();
        assertThat(FrameMask.masked(Double.NaN)).isFalse();
        assertThat(Palette.badText(FrameMask.MASKED)).isEqualTo("?");
        assertThat(Palette.badText(Double.NaN)).isEqualTo("NaN");
        assertThat(NumberText.num(FrameMask.MASKED)).isEqualTo("?");
        assertThat(rnnlab.ui.views.ValuesTable.num(FrameMask.MASKED)).isEqualTo("?");
    }

    @Test
    void masksTheNamedPartsFromTheQuestionsStepOnAndLeavesTheInputsAndTheRest() {
        Frame f = lstm();
        Frame m = new FrameMask(Set.of("h", "gate f"), 1).apply(f);
        Frame.LayerFrame lf = m.layer(0, 0);
        assertThat(lf.h()[0]).containsExactly(0.11, -0.11); // h_{t−1}: an input of the question
        assertThat(FrameMask.masked(lf.h()[1][0])).isTrue();
        assertThat(FrameMask.masked(lf.h()[2][1])).isTrue();
        assertThat(lf.gates()[1][0]).containsExactly(0.4, -0.4);
        assertThat(FrameMask.masked(lf.gates()[1][1][0])).isTrue(); // f is block 1 (i f g o)
        assertThat(lf.gates()[0][2]).containsExactly(0.3, -0.3); // i is not masked
        assertThat(lf.c()[2]).containsExactly(3.3, -3.3);
        assertThat(m.outputs()[2]).containsExactly(0.8, -0.8);
        assertThat(m.loss()).isEqualTo(1.2);
        // the run's own frame is untouched
        assertThat(f.layer(0, 0).h()[2][0]).isEqualTo(0.33);
        assertThat(f.layer(0, 0).gates()[1][2][0]).isEqualTo(0.6);
    }

    @Test
    void outputMasksProbabilitiesAndLossesAndNothingMasksNothing() {
        Frame f = lstm();
        Frame m = new FrameMask(Set.of("output", "gates", "c"), 0).apply(f);
        assertThat(FrameMask.masked(m.outputs()[0][0])).isTrue();
        assertThat(FrameMask.masked(m.stepLoss()[0])).isTrue();
        assertThat(FrameMask.masked(m.loss())).isTrue();
        assertThat(FrameMask.masked(m.layer(0, 0).gates()[3][0][1])).isTrue();
        assertThat(FrameMask.masked(m.layer(0, 0).c()[0][0])).isTrue();
        assertThat(m.layer(0, 0).h()[0][0]).isEqualTo(0.11);
        assertThat(FrameMask.NONE.apply(f)).isSameAs(f);
    }
}
