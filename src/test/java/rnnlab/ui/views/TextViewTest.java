package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.session.Frame;

class TextViewTest extends ViewTestBase {

    @Test
    void characterBackgroundsFollowTheSelectedUnitOrGate() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        TextView view = new TextView();
        ViewContext ctx = show(view, f, 900, 300);
        interact(() -> ctx.selectedUnitProperty().set(6));
        repaint(view);
        WritableImage img = canvasPixels(view);
        for (int t = 0; t < 6; t++) {
            Rectangle2D r = region(view, "text.char." + t);
            int want = Palette.diverging(f.layer(0, 0).h()[t][6], Palette.LIGHT_NEUTRAL);
            assertThat(distance(argb(img, r.getMinX() + 2, r.getMinY() + 2), want)).isLessThanOrEqualTo(2);
        }
        Rectangle2D future = region(view, "text.char.9");
        assertThat(distance(argb(img, future.getMinX() + 2, future.getMinY() + 2), argb(Theme.LIGHT.panel())))
                .isLessThanOrEqualTo(2);
        screenshot(view, "text");
        interact(() -> {
            view.setShowGate(true);
            ctx.selectedGateProperty().set("f");
        });
        repaint(view);
        img = canvasPixels(view);
        Rectangle2D r = region(view, "text.char.4");
        int want = Palette.sequential(f.layer(0, 0).gates()[1][4][6], Palette.VERMILLION, Palette.LIGHT_NEUTRAL);
        assertThat(distance(argb(img, r.getMinX() + 2, r.getMinY() + 2), want)).isLessThanOrEqualTo(2);
        assertThat(view.control().getCaption()).contains("f[7]");
        screenshot(view, "text-gate");
    }
}
