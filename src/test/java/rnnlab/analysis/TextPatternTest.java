package rnnlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextPatternTest {
    private static String marks(String pattern, String text) {
        double[] s = TextPattern.parse(pattern).signal(text.codePoints().toArray());
        StringBuilder b = new StringBuilder();
        for (double v : s) {
            b.append(v == 0 ? '.' : (char) ('0' + (int) v));
        }
        return b.toString();
    }

    @Test
    void insideQuotesMarksStringsWithTheirQuotesAndHonoursEscapesCharLiteralsAndComments() {
        assertThat(marks("inside-quotes", "a \"b\\\"c\" d")).isEqualTo("..111111..");
        assertThat(marks("inside-quotes", "c = '\"'; s = \"x\";")).isEqualTo(".............111.");
        assertThat(marks("inside-quotes", "// \"no\"\nx \"y\"")).isEqualTo("..........111");
        assertThat(marks("inside-quotes", "/* \"no\" */\"z\"")).isEqualTo("..........111");
    }

    @Test
    void insideCommentMarksLineAndBlockCommentsButNotInsideStrings() {
        assertThat(marks("inside-comment", "x // y\nz")).isEqualTo("..1111..");
        assertThat(marks("inside-comment", "a /* b */ c")).isEqualTo("..1111111..");
        assertThat(marks("inside-comment", "\"//no\" x")).isEqualTo("........");
    }

    @Test
    void bracketDepthLinePositionAndAfterSpace() {
        assertThat(marks("bracket-depth", "f(a[1]){}")).isEqualTo(".11222111");
        assertThat(marks("line-position", "ab\ncd")).isEqualTo(".12.1");
        assertThat(marks("after-space", "a b  c")).isEqualTo("..1.11");
    }

    @Test
    void regexAndRangeMarkTheirCharactersCountingCodePoints() {
        assertThat(marks("regex:[0-9]+", "a12b3")).isEqualTo(".11.1");
        assertThat(marks("\\d", "x9")).isEqualTo(".1");
        assertThat(marks("range:1-3", "abcd")).isEqualTo(".11.");
        assertThat(marks("regex:好", "𝄞你好")).isEqualTo("..1");
    }

    @Test
    void badPatternsGetOneSentence() {
        assertThatThrownBy(() -> TextPattern.parse("regex:[(")).hasMessageContaining("is neither one of")
                .hasMessageContaining("valid regular expression");
        assertThatThrownBy(() -> TextPattern.parse("range:5-2")).hasMessageContaining("expected 0 <= FROM < TO");
        assertThatThrownBy(() -> TextPattern.parse("range:x")).hasMessageContaining("range:FROM-TO");
        assertThatThrownBy(() -> TextPattern.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TextPattern.parse("range:10-20").signal(new int[] {'a'}))
                .hasMessageContaining("after the end of the text (1 characters)");
    }
}
