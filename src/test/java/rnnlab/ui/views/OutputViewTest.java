package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.viewmodel.Frame;

class OutputViewTest extends ViewTestBase {

    @Test
    void barsAreProbabilitiesTheTargetIsMarkedAndTheLossIsShown() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        OutputView view = new OutputView();
        show(view, f, 1000, 480);
        double[] p = f.outputs()[5];
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
        int target = f.classTargets()[5];
        assertThat(f.vocab().get(target)).isEqualTo("w");
        assertThat(skin(view).regionIds()).contains("output.target", "output.loss");
        WritableImage img = canvasPixels(view);
        Rectangle2D bar = region(view, "output.bar." + target);
        Rectangle2D marked = region(view, "output.target");
        // the target's outline is bluish green
        assertThat(distance(argb(img, marked.getMinX() + 0.5, bar.getMinY() + bar.getHeight() / 2), argb(Palette.GREEN)))
                .isLessThanOrEqualTo(10);
        // bar heights are p × plot height
        for (int k = 0; k < p.length; k++) {
            Rectangle2D b = region(view, "output.bar." + k);
            double top = b.getMaxY() - Math.round(b.getHeight() * p[k]);
            int inside = argb(img, b.getMinX() + b.getWidth() / 2, Math.min(b.getMaxY() - 1, top + 1));
            assertThat(distance(inside, 0xFFFFFFFF)).as("bar %d", k).isGreaterThan(40);
            if (top - 4 > b.getMinY() + 2) {
                int above = argb(img, b.getMinX() + b.getWidth() / 2, top - 4);
                assertThat(distance(above, 0xFFFFFFFF)).as("above bar %d", k).isLessThan(40);
            }
        }
        assertThat(-Math.log(p[target])).isCloseTo(f.stepLoss()[5], within(1e-9));
        screenshot(view, "output");
    }
}
