package rnnlab.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import rnnlab.ui.controls.CanvasLabels;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.PlantCanvas;
import rnnlab.ui.controls.Theme;

/**
 * The layout checker's "drawn over graphics": a canvas label drawn straight onto a box the view drew (the output
 * view's target box, the heatmap's selection box) is found; one on its own patch, one next to a line, and one inside
 * its node are not.
 */
@ExtendWith(ApplicationExtension.class)
class LabelOverGraphicsTest {
    /** What the plant draws and offers. */
    enum Case { OVER_BOX, ON_PATCH_OVER_BOX, BESIDE_BOX, NEXT_TO_LINES, IN_NODE }

    /** A 3 px box outline at (40, 20) 80 × 60, and a label at a place chosen by the case. */
    static final class PlantSkin extends LabCanvasSkin<PlantCanvas> {
        private final Case what;

        PlantSkin(PlantCanvas p, Case what) {
            super(p);
            this.what = what;
        }

        @Override
        protected void draw(GraphicsContext g, double w, double h, Theme theme) {
            Case c = what;
            g.setStroke(Color.rgb(0, 158, 115));
            g.setLineWidth(3);
            strokeBox(g, 40, 20, 80, 60);
            javafx.scene.text.Font f = font(1.0, false);
            switch (c) {
                // centred on the box's top edge: the edge runs through the letters
                case OVER_BOX -> label(CanvasLabels.NORMAL, "most likely", f, theme.foreground(), 80, 20, TextAlignment.CENTER);
                case ON_PATCH_OVER_BOX -> labelOnPatch(CanvasLabels.NORMAL, "most likely", f, theme.foreground(), theme.background(),
                        80, 20, TextAlignment.CENTER, 1);
                case BESIDE_BOX -> label(CanvasLabels.NORMAL, "most likely", f, theme.foreground(), 130, 50, TextAlignment.LEFT);
                case NEXT_TO_LINES -> {
                    // a tick ending at the label's left edge and a grid line along its top: touching, not under it
                    g.setStroke(theme.muted());
                    g.setLineWidth(1);
                    double lh = lineHeight(f);
                    g.strokeLine(150, 110.5, 170, 110.5);
                    g.strokeLine(170, 110 - lh / 2 + 0.5, 290, 110 - lh / 2 + 0.5);
                    label(CanvasLabels.NORMAL, "0.5", f, theme.foreground(), 170, 110, TextAlignment.LEFT);
                }
                case IN_NODE -> {
                    g.setStroke(theme.line());
                    g.setLineWidth(2);
                    g.strokeOval(200, 100, 18, 18);
                    labelInNode(CanvasLabels.HIGH, "d", font(1.0, true), theme.foreground(), 209, 109);
                }
                default -> {
                }
            }
        }
    }

    /** On the FX thread: a plant drawing case {@code c}, shown 300 × 160; its skin. */
    private static PlantSkin show(Case c) {
        PlantCanvas p = new PlantCanvas(q -> new PlantSkin(q, c));
        p.setId("plant");
        return p.show(300, 160);
    }

    private static List<LayoutChecker.Problem> check(Case c) throws Exception {
        return fx(() -> {
            PlantSkin skin = show(c);
            skin.redrawNow();
            assertThat(skin.labels().placed()).as("the label is drawn (%s)", c).hasSize(1);
            return LayoutChecker.check(skin.getSkinnable().getScene());
        });
    }

    @Test
    void aLabelDrawnOverABoxIsFound() throws Exception {
        List<LayoutChecker.Problem> found = check(Case.OVER_BOX);
        assertThat(found).extracting(LayoutChecker.Problem::kind).containsExactly("drawn over graphics");
        assertThat(found.get(0).text()).isEqualTo("most likely");
        assertThat(found.get(0).toString()).isEqualTo("#plant: drawn over graphics \"most likely\"");
    }

    @Test
    void aLabelOnItsOwnPatchIsNotFound() throws Exception {
        assertThat(check(Case.ON_PATCH_OVER_BOX)).isEmpty();
    }

    @Test
    void aLabelBesideTheBoxOrTouchingLinesOrInItsNodeIsNotFound() throws Exception {
        assertThat(check(Case.BESIDE_BOX)).isEmpty();
        assertThat(check(Case.NEXT_TO_LINES)).isEmpty();
        assertThat(check(Case.IN_NODE)).isEmpty();
    }

    /** The share the rule measures: the 3 px edge across a 16 px font's line box is well over the threshold. */
    @Test
    void theShareUnderTheLabelIsMeasuredWithoutTheLabels() throws Exception {
        double share = fx(() -> {
            PlantSkin skin = show(Case.OVER_BOX);
            skin.redrawNow();
            CanvasLabels labels = skin.labels();
            return LayoutChecker.overGraphics(labels.drawing(), labels.placed().get(0));
        });
        // the edge is 3 px of the box's inner 15 or so rows (less 2 px each side): about a fifth
        assertThat(share).isGreaterThan(LayoutChecker.GRAPHICS_SHARE * 2).isLessThan(0.4);
    }
}
