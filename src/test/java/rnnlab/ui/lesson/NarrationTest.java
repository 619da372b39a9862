package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Lesson narration: Markdown blocks and inline styles, math typeset and never read as Markdown. */
@ExtendWith(ApplicationExtension.class)
class NarrationTest {

    private static VBox render(String md) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Narration.render(md, 16, Color.BLACK, new rnnlab.ui.controls.TexImages())).get();
    }

    static List<Node> all(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> all(c, out));
        }
        return out;
    }

    static List<Text> texts(Node n) {
        return all(n, new ArrayList<>()).stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    @Test
    void emphasisStrongCodeAndListsBecomeStyledText() throws Exception {
        VBox box = render("The *cell* state rides the **belt**, see `c_t`.\n\n- one\n- two\n\n1. first\n2. second");
        List<Text> t = texts(box);
        assertThat(t).filteredOn(x -> x.getText().equals("cell")).singleElement()
                .satisfies(x -> assertThat(x.getStyleClass()).contains("em"));
        assertThat(t).filteredOn(x -> x.getText().equals("belt")).singleElement()
                .satisfies(x -> assertThat(x.getStyleClass()).contains("strong"));
        assertThat(t).filteredOn(x -> x.getText().equals("c_t")).singleElement()
                .satisfies(x -> assertThat(x.getStyleClass()).contains("code"));
        assertThat(t).extracting(Text::getText).contains("•", "1.", "2.", "one", "second");
        // one paragraph, two bullet rows, two numbered rows
        assertThat(box.getChildren()).hasSize(5);
    }

    @Test
    void mathIsTypesetAndItsUnderscoresAreNotEmphasis() throws Exception {
        VBox box = render("Inline $W_{hh} h_{t-1}$ and *x_a* then\n\n$$h_t = \\tanh(a_t)$$\n\nand `$not math$`.");
        List<Node> nodes = all(box, new ArrayList<>());
        List<ImageView> math = nodes.stream().filter(ImageView.class::isInstance).map(ImageView.class::cast).toList();
        assertThat(math).extracting(ImageView::getUserData).containsExactly("W_{hh} h_{t-1}", "h_t = \\tanh(a_t)");
        assertThat(math).allSatisfy(iv -> assertThat(iv.getImage().getWidth()).isGreaterThan(20));
        // the display formula stands alone, centred
        TextFlow display = (TextFlow) box.getChildren().get(1);
        assertThat(display.getStyleClass()).contains("display-math");
        // a dollar inside code stays code
        assertThat(texts(box)).extracting(Text::getText).contains("$not math$");
        assertThat(Narration.text(box)).contains("Inline $W_{hh} h_{t-1}$ and x_a then");
    }

    @Test
    void aLoneDollarStaysText() throws Exception {
        VBox box = render("It costs $5 and more.");
        assertThat(Narration.text(box).trim()).isEqualTo("It costs $5 and more.");
    }
}
