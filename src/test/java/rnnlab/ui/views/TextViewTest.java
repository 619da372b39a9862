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

    /**
     * A short text in a big view (a lesson's view filling the class screen) is drawn up to twice the usual size,
     * never larger than fits: every character cell and the colour scale stay inside the view.
     */
    @Test
    void charactersGrowWithTheRoomAndAlwaysFit() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        TextView view = new TextView();
        show(view, f, 300, 200);
        double small = region(view, "text.char.0").getHeight();
        show(view, f, 900, 600);
        double big = region(view, "text.char.0").getHeight();
        assertThat(big).isGreaterThan(small * 1.6);
        // the last: a narrow tile at 1024x768 (lesson and side panel open) cut the last rows off
        for (int[] size : new int[][] {{300, 200}, {600, 300}, {900, 600}, {1600, 900}, {250, 400}, {130, 300}, {110, 170}}) {
            show(view, f, size[0], size[1]);
            for (String id : skin(view).regionIds()) {
                if (id.startsWith("text.char.") || id.equals("text.legend")) {
                    Rectangle2D r = region(view, id);
                    if (!id.equals("text.legend")) { // the scale's region is a fixed 60 px past its label
                        assertThat(r.getMaxX()).as("%s at %dx%d", id, size[0], size[1]).isLessThanOrEqualTo(size[0]);
                    }
                    if (size[1] >= 300 || size[0] < 200) {
                        assertThat(r.getMaxY()).as("%s at %dx%d", id, size[0], size[1]).isLessThanOrEqualTo(size[1]);
                    }
                }
            }
        }
    }
}
