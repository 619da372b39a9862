package rnnlab.tex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The TeX of our lessons as readable Unicode for the students' poll page. */
class TexUnicodeTest {
    @Test
    void theCommonCommandsOfOurLessonsBecomeSymbols() {
        assertThat(TexUnicode.convert("\\|\\delta h_9\\|")).isEqualTo("\u2016\u03b4h\u2089\u2016");
        assertThat(TexUnicode.convert("h_{t-1}")).isEqualTo("h\u209c\u208b\u2081");
        assertThat(TexUnicode.convert("x^{2}")).isEqualTo("x\u00b2");
        assertThat(TexUnicode.convert("W_{hh}^\\top")).isEqualTo("W\u2095\u2095\u1d40");
        assertThat(TexUnicode.convert("o_5 \\cdot \\tanh(c_5)")).isEqualTo("o\u2085 \u00b7 tanh(c\u2085)");
        assertThat(TexUnicode.convert("\\frac{a}{b}")).isEqualTo("a/b");
        assertThat(TexUnicode.convert("\\frac{\\partial L}{\\partial h_t}")).isEqualTo("(\u2202L)/(\u2202h\u209c)");
        assertThat(TexUnicode.convert("\\text{loss} = \\max(0, x)")).isEqualTo("loss = max(0, x)");
        assertThat(TexUnicode.convert("\\rho \\approx 0.9, \\sigma(z)")).isEqualTo("\u03c1 \u2248 0.9, \u03c3(z)");
        assertThat(TexUnicode.convert("\\tilde c_t")).isEqualTo("c\u0303\u209c");
        assertThat(TexUnicode.convert("\\lVert W \\rVert_2")).isEqualTo("\u2016W \u2016\u2082");
        assertThat(TexUnicode.convert("b_{ig}")).isEqualTo("b_ig"); // no subscript g in Unicode: still readable
        assertThat(TexUnicode.convert("e^{-x/2}")).isEqualTo("e^(-x/2)");
    }

    @Test
    void unknownCommandsAndTextOutsideMathAreLeftAsWritten() {
        assertThat(TexUnicode.convert("\\foo{x}")).isEqualTo("\\foox");
        assertThat(TexUnicode.inText("costs $5 and")).isEqualTo("costs $5 and");
        assertThat(TexUnicode.inText("gate $f_t = 0.02$ now, $$\\eta$$")).isEqualTo("gate f\u209c = 0.02 now, \u03b7");
        assertThat(TexUnicode.convert("\\")).isEqualTo("\\");
        assertThat(TexUnicode.convert("{{{")).isEmpty();
        assertThat(TexUnicode.convert("}}x")).isEqualTo("}}x");
    }
}
