package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.LabCanvasControl;
import rnnlab.session.Frame;
import rnnlab.ui.views.GruView;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.OutputView;
import rnnlab.ui.views.RnnView;
import rnnlab.ui.views.ViewCatalog;
import rnnlab.ui.views.ViewFixtures;
import rnnlab.ui.views.ViewTestBase;

class PresentationFontTest extends ViewTestBase {

    @Test
    void labelsFollowTheScenesFontSizeButNeverBelowSixteen() {
        Frame f = ViewFixtures.lstmMiddle();
        OutputView view = new OutputView();
        show(view, f, 1000, 480);
        LabCanvasControl c = view.control();
        assertThat(c.getFontSize()).isEqualTo(LabCanvasControl.MIN_FONT_SIZE);
        Rectangle2D small = region(view, "output.title");
        interact(() -> {
            root.setStyle("-fx-font-size: 28px;");
            root.applyCss();
        });
        repaint(view);
        assertThat(c.getFontSize()).isEqualTo(28);
        assertThat(region(view, "output.title").getHeight()).isGreaterThan(small.getHeight());
        interact(() -> c.setFontSize(20));
        assertThat(c.getFontSize()).isEqualTo(20);
    }

    @Test
    void presentationScreenshotsAt24px() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        for (LabView v : ViewCatalog.createAll()) {
            if (v instanceof GruView || v instanceof RnnView) {
                continue;
            }
            show(v, f, 1280, 720);
            interact(() -> {
                root.setStyle("-fx-font-size: 24px;");
                root.applyCss();
            });
            repaint(v);
            assertThat(((LabCanvasControl) v.node()).getFontSize()).isEqualTo(24);
            screenshot(v, v.id().substring(5) + "-presentation");
            interact(() -> root.setStyle(""));
        }
    }
}
