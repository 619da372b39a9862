package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.text.TextAlignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The label placer: priority wins, nothing overlaps, nothing outside, nothing too small; repeats reuse the choice. */
@ExtendWith(ApplicationExtension.class)
class CanvasLabelsTest {
    /** A plant's skin that offers whatever the test sets. */
    static final class PlantSkin extends LabCanvasSkin<PlantCanvas> {
        interface Offers {
            void offer(PlantSkin s, double w, double h);
        }

        Offers offers;

        PlantSkin(PlantCanvas p, Offers offers) {
            super(p);
            this.offers = offers;
        }

        @Override
        protected void draw(GraphicsContext g, double w, double h, Theme theme) {
            offers.offer(this, w, h);
        }

        void offer(int priority, String text, double scale, double x, double y) {
            label(priority, text, font(scale, false), theme().foreground(), x, y, TextAlignment.LEFT);
        }

        void offerOr(int priority, String text, double x, double y, double x2, double y2) {
            javafx.scene.text.Font f = font(1.0, false);
            labelOnPatch(priority, text, f, theme().foreground(), theme().background(), x, y, TextAlignment.LEFT, 3);
            orOnPatchAt(x2, y2, TextAlignment.LEFT, f, text, 3);
        }

        void clear(double x, double y, double w, double h) {
            keepClear(x, y, w, h);
        }
    }

    /** On the FX thread: a plant offering {@code offers}, shown 300 × 120; its skin. */
    private static PlantSkin show(PlantSkin.Offers offers) {
        return new PlantCanvas(p -> new PlantSkin(p, offers)).show(300, 120);
    }

    @Test
    void higherPriorityWinsAndNothingOverlapsOrLeavesTheCanvas() throws Exception {
        CanvasLabels labels = fx(() -> {
            PlantSkin skin = show((s, w, h) -> {
                s.offer(CanvasLabels.LOW, "RNN", 1.0, 14, 20);        // under W_hh, lower priority: dropped
                s.offer(CanvasLabels.NORMAL, "W_hh", 1.0, 10, 20);
                s.offer(CanvasLabels.NORMAL, "t = 3", 1.0, 120, 20);  // apart: drawn
                s.offer(CanvasLabels.TITLE, "far right", 1.0, 280, 60); // would reach past 300 px: dropped
                s.offer(CanvasLabels.TITLE, "tiny", 0.5, 10, 90);     // 8 px, under 10: dropped
                s.offer(CanvasLabels.HIGH, "on a node", 1.0, 180, 90); // over a kept-clear part: dropped
                s.clear(190, 80, 20, 20);
            });
            skin.redrawNow();
            return skin.labels();
        });
        assertThat(labels.placed()).extracting(CanvasLabels.Placed::text).containsExactly("W_hh", "t = 3");
        assertThat(labels.dropped()).containsExactlyInAnyOrder("RNN", "far right", "tiny", "on a node");
        CanvasLabels.Placed whh = labels.placed().get(0);
        assertThat(whh.x()).isEqualTo(10.0);
        assertThat(whh.fontSize()).isEqualTo(16.0);
        assertThat(whh.w()).isGreaterThan(20);
        List<CanvasLabels.Placed> placed = labels.placed();
        assertThat(placed.get(0).overlaps(placed.get(1).x(), placed.get(1).y(), placed.get(1).w(), placed.get(1).h())).isFalse();
    }

    @Test
    void aLabelWhosePlaceIsTakenGoesToItsSecondPlace() throws Exception {
        CanvasLabels labels = fx(() -> {
            PlantSkin skin = show((s, w, h) -> {
                s.offer(CanvasLabels.HIGH, "×", 1.0, 10, 20);
                s.offerOr(CanvasLabels.LOW, "[1] = 0.03", 12, 22, 150, 80);
            });
            skin.redrawNow();
            return skin.labels();
        });
        assertThat(labels.placed()).extracting(CanvasLabels.Placed::text).containsExactly("×", "[1] = 0.03");
        assertThat(labels.placed().get(1).x()).isEqualTo(147.0); // 150 less the patch's 3 px
        assertThat(labels.dropped()).isEmpty();
    }

    /** Issue 12: CJK characters, twice as wide as "M" in the monospaced font, overflowed their cells. */
    @Test
    void chineseCharactersFitTheirTextActivationCells() throws Exception {
        Object[] out = fx(() -> {
            if (!AppLanguage.canShowChinese()) {
                return null;
            }
            TextActivation c = new TextActivation();
            c.setFontSize(16);
            c.setCaption("h[1]");
            c.setSymbols(new String[] {"我", "们", "a", "好"});
            c.setValues(new double[] {0.5, -0.5, 0.1, 0.9});
            c.setComputedSteps(4);
            Pane root = new Pane(c);
            new Scene(root, 800, 300);
            c.setMinSize(700, 240);
            c.setPrefSize(700, 240);
            c.setMaxSize(700, 240);
            root.applyCss();
            root.layout();
            TextActivationSkin skin = (TextActivationSkin) c.getSkin();
            skin.redrawNow();
            return new Object[] {skin.labels().placed(), skin.regionBounds("text.char.0"), skin.regionBounds("text.char.1")};
        });
        org.junit.jupiter.api.Assumptions.assumeTrue(out != null, "no CJK font here");
        @SuppressWarnings("unchecked")
        List<CanvasLabels.Placed> placed = (List<CanvasLabels.Placed>) out[0];
        javafx.geometry.Rectangle2D cell0 = (javafx.geometry.Rectangle2D) out[1];
        javafx.geometry.Rectangle2D cell1 = (javafx.geometry.Rectangle2D) out[2];
        CanvasLabels.Placed wo = placed.stream().filter(l -> l.text().equals("我")).findFirst().orElseThrow();
        assertThat(wo.x()).isGreaterThanOrEqualTo(cell0.getMinX());
        assertThat(wo.maxX()).isLessThanOrEqualTo(cell0.getMaxX());
        assertThat(wo.maxX()).isLessThan(cell1.getMinX());
        assertThat(placed).extracting(CanvasLabels.Placed::text).contains("我", "们", "a", "好");
    }

    @Test
    void theSameOffersAgainAreNotPlacedAgain() throws Exception {
        int[] counts = fx(() -> {
            PlantSkin s = show((o, w, h) -> o.offer(CanvasLabels.NORMAL, "W_hh", 1.0, 10, 20));
            s.redrawNow();
            int first = s.labels().placements();
            s.redrawNow();
            s.redrawNow();
            int same = s.labels().placements();
            s.offers = (s2, w, h) -> s2.offer(CanvasLabels.NORMAL, "W_xh", 1.0, 10, 20);
            s.redrawNow();
            return new int[] {first, same, s.labels().placements(), s.labels().placed().size()};
        });
        assertThat(counts[1]).isEqualTo(counts[0]);
        assertThat(counts[2]).isEqualTo(counts[0] + 1);
        assertThat(counts[3]).isEqualTo(1);
    }
}
