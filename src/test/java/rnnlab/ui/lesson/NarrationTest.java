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
        return WaitForAsyncUtils.asyncFx(() -> Narration.render(md, 16, Color.BLACK, new rnnlab.ui.formula.TexImages())).get();
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
        // inline code is a chip (monospaced on the chip colour), not a word among words
        assertThat(all(box, new ArrayList<>())).filteredOn(javafx.scene.control.Label.class::isInstance)
                .map(javafx.scene.control.Label.class::cast).singleElement()
                .satisfies(x -> {
                    assertThat(x.getText()).isEqualTo("c_t");
                    assertThat(x.getStyleClass()).contains("code-span");
                });
        assertThat(Narration.text(box)).contains("see c_t.");
        assertThat(t).extracting(Text::getText).contains("•", "1.", "2.", "one", "second");
        // one paragraph, two bullet rows, two numbered rows
        assertThat(box.getChildren()).hasSize(5);
    }

    @Test
    void aLongCodeSpanWrapsAsMonospacedTextInsteadOfOneChip() throws Exception {
        String cmd = "train --task binary-addition --cell rnn_tanh --hidden 8";
        VBox box = render("Run `" + cmd + "` and `h_t` then.");
        // a chip is one unbreakable box that ran out of a narrow panel (issue 12); the short span stays a chip
        assertThat(all(box, new ArrayList<>())).filteredOn(javafx.scene.control.Label.class::isInstance)
                .extracting(n -> ((javafx.scene.control.Label) n).getText()).containsExactly("h_t");
        assertThat(texts(box)).filteredOn(x -> x.getText().equals(cmd)).singleElement()
                .satisfies(x -> assertThat(x.getStyleClass()).contains("code", "code-long"));
        TextFlow flow = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.layout.StackPane p = new javafx.scene.layout.StackPane(box);
            new javafx.scene.Scene(p, 200, 400);
            p.applyCss();
            p.layout();
            return (TextFlow) box.getChildren().get(0);
        }).get();
        // in a 200 px panel the command wraps onto several lines and stays inside it
        assertThat(flow.getHeight()).isGreaterThan(3 * 16);
        assertThat(flow.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(201.0); // sub-pixel text metrics
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
        assertThat(Narration.text(box)).contains("and $not math$.");
        assertThat(Narration.text(box)).contains("Inline $W_{hh} h_{t-1}$ and x_a then");
    }

    @Test
    void anInlineFormulaWiderThanThePanelShrinksToFitIt() throws Exception {
        VBox box = render("Forget gate $f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})$ decides.");
        ImageView iv = (ImageView) all(box, new ArrayList<>()).stream().filter(ImageView.class::isInstance).findFirst()
                .orElseThrow();
        double natural = iv.getImage().getWidth();
        assertThat(natural).isGreaterThan(200);
        TextFlow flow = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.layout.StackPane p = new javafx.scene.layout.StackPane(box);
            new javafx.scene.Scene(p, 160, 400);
            p.applyCss();
            p.layout();
            return (TextFlow) box.getChildren().get(0);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // lesson 9 step 2's formula ran out of the presentation strip (issue 12): it now fits the 160 px panel
        assertThat(iv.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(flow.getWidth() + 0.5);
        assertThat(iv.getBoundsInParent().getWidth()).isGreaterThan(100).isLessThan(natural);
        // in a wide panel it keeps its size
        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.layout.StackPane) box.getParent()).resize(1200, 400);
            box.getParent().layout();
            return null;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(iv.getBoundsInParent().getWidth()).isCloseTo(natural, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void aLoneDollarStaysText() throws Exception {
        VBox box = render("It costs $5 and more.");
        assertThat(Narration.text(box).trim()).isEqualTo("It costs $5 and more.");
    }

    @Test
    void aFigureFromTheLessonFolderShowsAndOneOutsideShowsItsAltText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        rnnlab.lessons.FiguresTest.png(dir.resolve("figures/belt.png"), 300, 100);
        VBox box = WaitForAsyncUtils.asyncFx(() -> Narration.render("Look:\n\n![The belt](figures/belt.png)\n\n"
                + "![Remote](https://example.org/x.png) and ![Up](../x.png)", 16, Color.BLACK,
                new rnnlab.ui.formula.TexImages(), dir)).get();
        List<ImageView> figs = all(box, new ArrayList<>()).stream().filter(ImageView.class::isInstance)
                .map(ImageView.class::cast).filter(iv -> iv.getStyleClass().contains("figure")).toList();
        assertThat(figs).singleElement().satisfies(iv -> {
            assertThat(iv.getImage().getWidth()).isEqualTo(300);
            assertThat(iv.getImage().getHeight()).isEqualTo(100);
        });
        String text = Narration.text(box);
        assertThat(text).contains("[figure: The belt]");
        assertThat(text).contains("[Remote] " + rnnlab.i18n.Messages.format("lesson.figure.refused", "https://example.org/x.png"));
        assertThat(text).contains("[Up] " + rnnlab.i18n.Messages.format("lesson.figure.refused", "../x.png"));
    }
}
