package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElementIdsTest {
    @Test
    void knowsViewsPartsAndWindowControls() {
        assertThat(ElementIds.known("view.lstm")).isTrue();
        assertThat(ElementIds.known("lstm.gate.f.unit.3")).isTrue();
        assertThat(ElementIds.known("heatmap.unit.12")).isTrue();
        assertThat(ElementIds.known("timeline.play")).isTrue();
        assertThat(ElementIds.known("lstm.gate.z")).isFalse();
        assertThat(ElementIds.known("heatmap.unit.0")).isFalse();
        assertThat(ElementIds.known("view.nothing")).isFalse();
    }

    @Test
    void lessonNumbersCountFromOneTheViewsFromZero() {
        assertThat(ElementIds.toRegion("lstm.gate.f.unit.3")).isEqualTo("lstm.gate.f.unit.2");
        assertThat(ElementIds.toRegion("unrolled.step.1.h")).isEqualTo("unrolled.step.0.h");
        assertThat(ElementIds.toRegion("view.lstm")).isEqualTo("view.lstm");
        assertThat(ElementIds.viewOf("formula.heading")).isEqualTo("view.formulas");
        assertThat(ElementIds.viewOf("belt.unit.2")).isEqualTo("view.belt");
        assertThat(ElementIds.viewOf("timeline.play")).isNull();
    }

    @Test
    void quantitiesReadLikeWords() {
        assertThat(Quantity.parse("grad_h step 1 / grad_h step 12").divisor().step()).isEqualTo(12);
        assertThat(Quantity.parse("prob \" \" step 3").symbol()).isEqualTo(" ");
        assertThat(Quantity.parse("hidden unit 2 step 3 layer 2 direction backward").text())
                .isEqualTo("hidden unit 2 step 3 layer 2 direction backward");
        assertThatThrownBy(() -> Quantity.parse("gate f unit 2")).hasMessage("\"gate\" needs a unit and a step: gate f unit 1 step 2");
        assertThatThrownBy(() -> Quantity.parse("hiden unit 2 step 3")).hasMessageStartingWith("unknown quantity \"hiden\"");
        assertThat(Tolerance.parse("x10").accepts(0.05, 0.4)).isTrue();
        assertThat(Tolerance.parse("x10").accepts(0.03, 0.4)).isFalse();
        assertThat(Tolerance.parse("5%").accepts(1.04, 1.0)).isTrue();
        assertThat(Tolerance.parse("5%").accepts(1.06, 1.0)).isFalse();
        assertThat(Tolerance.parse("0.1").accepts(0.45, 0.5)).isTrue();
        assertThat(Tolerance.parse("ten")).isNull();
        assertThat(Checkpoint.format(0.000123)).isEqualTo("1.23e-04");
        assertThat(Checkpoint.format(0.59712)).isEqualTo("0.597");
        assertThat(Checkpoint.format(484)).isEqualTo("484");
    }
}
