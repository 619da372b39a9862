package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.ui.controls.ViewText;
import rnnlab.ui.viewmodel.Frame;
import rnnlab.ui.viewmodel.FrameBuilder;

class ViewCatalogTest extends ViewTestBase {

    @Test
    void everyViewHasAUniqueIdATitleAndDrawsEveryCellTypeAndTheme() {
        List<LabView> views = ViewCatalog.createAll();
        assertThat(views).extracting(LabView::id).containsExactly("view.unrolled", "view.heatmap", "view.lstm",
                "view.belt", "view.gru", "view.rnn", "view.formulas", "view.output", "view.text");
        Set<String> ids = new HashSet<>();
        for (LabView v : views) {
            assertThat(ids.add(v.id())).isTrue();
            assertThat(ViewText.bundle().containsKey(v.titleKey())).as(v.titleKey()).isTrue();
        }
        for (CellType cell : CellType.values()) {
            for (int steps : new int[] {0, 1, 12}) {
                Frame f = FrameBuilder.build(ViewFixtures.run(cell, 5, steps, 0, 1));
                for (LabView v : views) {
                    ViewContext ctx = show(v, f, 900, 500);
                    interact(() -> ctx.darkThemeProperty().set(true));
                    repaint(v);
                    assertThat(skin(v).regionIds()).as(v.id()).isNotEmpty();
                    interact(v::unbind);
                }
            }
        }
    }

    @Test
    void allViewsInDarkTheme() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        for (LabView v : ViewCatalog.createAll()) {
            ViewContext ctx = show(v, f, 1000, 560);
            interact(() -> ctx.darkThemeProperty().set(true));
            repaint(v);
            screenshot(v, v.id().substring(5) + "-dark");
        }
    }
}
