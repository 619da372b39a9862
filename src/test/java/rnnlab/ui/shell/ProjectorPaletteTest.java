package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.Theme;
import rnnlab.session.Frame;
import rnnlab.ui.lesson.Presentation;
import rnnlab.ui.views.DecayView;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.LstmView;
import rnnlab.ui.views.UnrolledView;
import rnnlab.ui.views.ViewContext;
import rnnlab.ui.views.ViewFixtures;
import rnnlab.ui.views.ViewTestBase;

/** Presentation mode's palette in the canvas views: pure white, black text, more ink in every line. */
class ProjectorPaletteTest extends ViewTestBase {

    @Test
    void viewsDrawOnWhiteWithThickerDarkerLines() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        for (LabView v : new LabView[] {new LstmView(), new UnrolledView(), new DecayView()}) {
            ViewContext ctx = show(v, f, 900, 520);
            WritableImage light = canvasPixels(v);
            interact(() -> ctx.projectorThemeProperty().set(true));
            repaint(v);
            WritableImage projector = canvasPixels(v);
            assertThat(argb(projector, 2, 2)).isEqualTo(argb(Theme.PROJECTOR.background()));
            assertThat((double) ink(projector)).as(v.id()).isGreaterThan(ink(light) * 1.1);
            screenshot(v, v.id().substring(5) + "-projector");
            // the projector palette wins over the dark theme
            interact(() -> ctx.darkThemeProperty().set(true));
            repaint(v);
            assertThat(argb(canvasPixels(v), 2, 2)).isEqualTo(argb(Theme.PROJECTOR.background()));
            interact(v::unbind);
        }
    }

    /** How many pixels are dark (text, lines): more ink means thicker, darker strokes. */
    private static int ink(WritableImage img) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                int c = argb(img, x, y);
                int lum = (((c >> 16) & 0xFF) * 3 + ((c >> 8) & 0xFF) * 6 + (c & 0xFF)) / 10;
                if (lum < 110) {
                    n++;
                }
            }
        }
        return n;
    }
}
