package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogAxisTest {
    private static final LogAxis EMPTY = new LogAxis(-4, 0);

    @Test
    void wholeDecadesAroundTheFinitePositiveValues() {
        LogAxis a = LogAxis.around(List.of(new double[] {0.003, 0.5}, new double[] {Double.NaN, 0, -1, 20}), 0, 30, EMPTY);
        assertThat(a).isEqualTo(new LogAxis(-3, 2));
        assertThat(LogAxis.around(List.of(new double[] {Double.NaN, 0}), 0, 30, EMPTY)).isSameAs(EMPTY);
    }

    @Test
    void aFloorCountsTinyValuesAndTheSpanKeepsItsTop() {
        assertThat(LogAxis.around(List.of(new double[] {0, 1e-20, 5}), 1e-12, 300, EMPTY)).isEqualTo(new LogAxis(-12, 1));
        assertThat(LogAxis.around(List.of(new double[] {1e-40, 9}), 0, 30, EMPTY)).isEqualTo(new LogAxis(-30, 1));
        // one value on a decade still gets one decade of height
        assertThat(LogAxis.around(List.of(new double[] {1}), 0, 30, EMPTY)).isEqualTo(new LogAxis(0, 1));
    }

    @Test
    void positionsAreLogarithmicAndClamped() {
        LogAxis a = new LogAxis(-4, 0);
        assertThat(a.fraction(1e-2)).isCloseTo(0.5, within(1e-12));
        assertThat(a.fraction(1e-3)).isCloseTo(0.25, within(1e-12));
        assertThat(a.fraction(1e-9)).isZero();
        assertThat(a.fraction(50)).isEqualTo(1.0);
        assertThat(a.fraction(0)).isZero();
        assertThat(a.fraction(Double.NaN)).isZero();
    }

    @Test
    void ticksThatFitAndLabelsAsOnABlackboard() {
        LogAxis a = new LogAxis(-12, 0);
        assertThat(a.ticks(1000, 20)).containsExactly(-12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0);
        assertThat(a.ticks(100, 20)).containsExactly(-12, -9, -6, -3, 0);
        assertThat(LogAxis.label(-3)).isEqualTo("10⁻³");
        assertThat(LogAxis.label(0)).isEqualTo("1");
        assertThat(LogAxis.label(12)).isEqualTo("10¹²");
    }
}
