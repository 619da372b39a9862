package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import rnnlab.i18n.Messages;

class NumberTextTest {

    @Test
    void everyPatternParsesAndApostrophesComeOutSingle() {
        ResourceBundle b = Messages.bundle(Messages.VIEWS);
        for (String key : Collections.list(b.getKeys())) {
            new MessageFormat(b.getString(key));
        }
        assertThat(Messages.format("cell.clickHint")).contains("step's").doesNotContain("''");
        assertThat(Messages.format("formula.heading", 6, 3)).isEqualTo("t = 6, unit 3: this step's equations with their numbers");
    }

    @Test
    void numbersUseTrueMinusAndNamesForNonFinite() {
        assertThat(NumberText.num(-0.5)).isEqualTo("−0.50");
        // one minus sign, and no "−0.00" for a tiny negative value
        assertThat(NumberText.num(-0.001)).isEqualTo("0.00");
        assertThat(NumberText.exactFactor(-0.4372)).isEqualTo("(−0.437)");
        assertThat(NumberText.exactFactor(0.03021)).isEqualTo("0.0302");
        assertThat(NumberText.exactFactor(0.0001234)).isEqualTo("1.23·10⁻⁴");
        assertThat(NumberText.num(Double.NaN)).isEqualTo("NaN");
        assertThat(NumberText.num(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(NumberText.signed(-1.523)).isEqualTo("− 1.52");
        assertThat(NumberText.factor(-0.69)).isEqualTo("(−0.69)");
    }

    @Test
    void paletteIsCentredAtZeroAndReachesTheOkabeItoEnds() {
        assertThat(Palette.diverging(0, Palette.LIGHT_NEUTRAL)).isEqualTo(0xFFFFFFFF);
        assertThat(Palette.diverging(-1, Palette.LIGHT_NEUTRAL)).isEqualTo(Palette.argb(Palette.BLUE));
        assertThat(Palette.diverging(3, Palette.LIGHT_NEUTRAL)).isEqualTo(Palette.argb(Palette.ORANGE));
        assertThat(Palette.sequential(1, Palette.VERMILLION, Palette.LIGHT_NEUTRAL)).isEqualTo(Palette.argb(Palette.VERMILLION));
        assertThat(Palette.symlog(Palette.SYMLOG_MAX)).isEqualTo(1.0);
        assertThat(Palette.symlog(-1)).isCloseTo(-Math.log(2) / Math.log(11), org.assertj.core.api.Assertions.within(1e-12));
    }
}
