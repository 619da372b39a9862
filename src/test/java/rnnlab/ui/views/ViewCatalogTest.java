package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.i18n.Messages;

class ViewCatalogTest extends ViewTestBase {

    @Test
    void everyViewHasAUniqueIdATitleAndDrawsEveryCellTypeAndTheme() {
        List<LabView> views = ViewCatalog.createAll();
        assertThat(views).extracting(LabView::id).containsExactly("view.unrolled", "view.heatmap", "view.lstm",
                "view.belt", "view.gru", "view.rnn", "view.formulas", "view.output", "view.text", "view.decay", "view.weights");
        assertThat(views).extracting(LabView::id).containsExactlyElementsOf(rnnlab.catalog.ViewRegistry.ids().subList(0, 11));
        assertThat(views).extracting(LabView::titleKey)
                .containsExactlyElementsOf(rnnlab.catalog.ViewRegistry.BUILT_IN.stream().map(rnnlab.catalog.ViewRegistry.View::titleKey).toList());
        // the slots the app's window starts from (views created when first shown) name the same views, and each
        // slot's factory makes the view its id and title key promise
        assertThat(ViewCatalog.slots()).extracting(ViewSlot::id).containsExactlyElementsOf(views.stream().map(LabView::id).toList());
        for (ViewSlot s : ViewCatalog.slots()) {
            LabView made = s.factory().get();
            assertThat(made.id()).isEqualTo(s.id());
            assertThat(made.titleKey()).isEqualTo(s.titleKey());
        }
        Set<String> ids = new HashSet<>();
        for (LabView v : views) {
            assertThat(ids.add(v.id())).isTrue();
            assertThat(Messages.bundle(Messages.VIEWS).containsKey(v.titleKey())).as(v.titleKey()).isTrue();
            assertThat(ViewCatalog.title(v)).isNotBlank().isNotEqualTo(v.titleKey());
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
    void aReplacedSkinStopsListening() {
        Frame f = ViewFixtures.lstmMiddle();
        HeatmapView view = new HeatmapView();
        show(view, f, 800, 400);
        var old = skin(view);
        List<String> before = old.regionIds();
        interact(() -> view.control().setSkin(new rnnlab.ui.controls.HiddenStateHeatmapSkin(view.control())));
        interact(() -> view.control().setValues(new double[][] {{0.5}}));
        // let a few pulses pass: a skin still listening would repaint (and lose its old parts)
        org.testfx.util.WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(old.regionIds()).isEqualTo(before);
        repaint(view);
        assertThat(skin(view).regionIds()).contains("heatmap.unit.0").doesNotContain("heatmap.unit.1");
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
