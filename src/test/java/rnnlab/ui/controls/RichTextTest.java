package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RichTextTest {
    private static String show(String text) {
        StringBuilder b = new StringBuilder();
        for (String[] r : RichText.runs(text)) {
            b.append(r[0] != null ? "<" + r[0] + ">" : r[1]);
        }
        return b.toString();
    }

    @Test
    void subscriptsRunToASpaceOrOperator() {
        assertThat(show("c_t−1")).isEqualTo("c<t−1>");
        assertThat(show("W_xh·x_t + b_ih")).isEqualTo("W<xh>·x<t> + b<ih>");
        assertThat(show("h_t[3] = 0.5")).isEqualTo("h<t>[3] = 0.5");
        assertThat(show("f_t+1·δc_t+1")).isEqualTo("f<t+1>·δc<t+1>");
        assertThat(show("‖δh_t‖")).isEqualTo("‖δh<t>‖");
        // Chinese text and full-width punctuation end a subscript
        assertThat(show("W_xh、W_hh（参数共享）")).isEqualTo("W<xh>、W<hh>（参数共享）");
        assertThat(show("遗忘门 f_t移除")).isEqualTo("遗忘门 f<t>移除");
        assertThat(show("W_{hh}x")).isEqualTo("W<hh>x");
        assertThat(show("a_ b")).isEqualTo("a_ b");
        assertThat(RichText.runs("plain")).hasSize(1);
        assertThat(RichText.runs("")).isEqualTo(List.of());
    }

    @Test
    void gradientNumbersAndScale() {
        assertThat(NumberText.sci(0.0236)).isEqualTo("0.0236");
        assertThat(NumberText.sci(-0.000416)).isEqualTo("−4.16·10⁻⁴");
        assertThat(NumberText.sci(12345)).isEqualTo("1.23·10⁴");
        assertThat(NumberText.sci(0)).isEqualTo("0");
        assertThat(NumberText.power10(-3)).isEqualTo("10⁻³");
        assertThat(Palette.gradLevel(1e-4)).isEqualTo(0);
        assertThat(Palette.gradLevel(-0.01)).isEqualTo(0.5);
        assertThat(Palette.gradLevel(5)).isEqualTo(1);
        assertThat(Palette.gradient(0, Palette.LIGHT_NEUTRAL)).isEqualTo(Palette.LIGHT_NEUTRAL);
        assertThat(Palette.gradient(1, Palette.LIGHT_NEUTRAL)).isEqualTo(Palette.argb(Palette.GRAD_DEEP));
        assertThat(Palette.gradient(Math.pow(10, -1.6), Palette.LIGHT_NEUTRAL)).isEqualTo(Palette.argb(Palette.PURPLE));
    }

    @Test
    void chineseWrapsBetweenCharactersButNotBeforeClosingPunctuation() {
        javafx.scene.text.Font f = javafx.scene.text.Font.font(10);
        java.util.function.ToDoubleBiFunction<String, javafx.scene.text.Font> oneEach = (s, font) -> s.length();
        assertThat(RichText.wrap("每个副本都是同一个单元，共享同样的权重", f, 6, oneEach))
                .containsExactly("每个副本都是", "同一个单元，", "共享同样的权", "重");
        // English still breaks at spaces only, and a subscript stays whole
        assertThat(RichText.wrap("Every copy is the same cell", f, 12, oneEach)).containsExactly("Every copy", "is the same", "cell");
        assertThat(RichText.wrap("权重 W_xh、W_hh（参数共享）。", f, 8, oneEach))
                .containsExactly("权重 W_xh、", "W_hh（参数共", "享）。");
    }
}
