package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/**
 * Issue 18: the app's window is up (shown, titled, sized) before any view is created or the main window
 * built; the app's window then creates only the views it shows, the others when first shown.
 */
@ExtendWith(ApplicationExtension.class)
class StagedStartTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void theWindowIsShownBeforeTheViewsAreCreatedAndIsTheWholeWindowOnceBuilt() throws Exception {
        AtomicBoolean showingWhenViewsCreated = new AtomicBoolean(false);
        AtomicReference<MainWindow> built = new AtomicReference<>();
        AtomicInteger viewsCreated = new AtomicInteger();
        boolean[] afterShow = fx(() -> {
            stage.hide();
            stage.setWidth(1100);
            stage.setHeight(700);
            StagedStart s = StagedStart.show(stage, st -> {
                showingWhenViewsCreated.set(stage.isShowing());
                viewsCreated.incrementAndGet();
                return new MainWindow(st, ViewCatalog.createAll());
            }, built::set);
            // right after show(): the window is up with its title, and nothing of the content exists yet
            return new boolean[] {stage.isShowing(), Messages.get("app.title").equals(stage.getTitle()),
                viewsCreated.get() == 0, s.window() == null, stage.getScene().lookup("#views") == null};
        });
        assertThat(afterShow).containsOnly(true);
        until(() -> built.get() != null);
        assertThat(showingWhenViewsCreated).isTrue();
        MainWindow w = built.get();
        assertThat(fx(() -> stage.getScene() == w.scene())).isTrue();
        assertThat(fx(() -> stage.getScene().lookup("#views") != null && stage.getScene().lookup("#side") != null)).isTrue();
        assertThat(fx(w::visibleViews)).hasSize(4);
        assertThat(fx(() -> w.viewsArea().views().size())).isEqualTo(ViewCatalog.createAll().size());
        // the stage keeps the size it was given before the empty scene was replaced
        assertThat(fx(stage::getWidth)).isEqualTo(1100.0);
        assertThat(fx(stage::getHeight)).isEqualTo(700.0);
        assertThat(viewsCreated).hasValue(1);
    }

    @Test
    void buildNowFinishesAtOnceAndTheScheduledStepsDoNothingAfter() throws Exception {
        AtomicInteger handedOver = new AtomicInteger();
        AtomicInteger viewsCreated = new AtomicInteger();
        MainWindow w = fx(() -> {
            stage.hide();
            StagedStart s = StagedStart.show(stage, st -> {
                viewsCreated.incrementAndGet();
                return new MainWindow(st, List.<LabView>of());
            }, x -> handedOver.incrementAndGet());
            MainWindow now = s.buildNow();
            return now == s.window() && stage.getScene() == now.scene() ? now : null;
        });
        assertThat(w).isNotNull();
        assertThat(handedOver).hasValue(1);
        // the scheduled steps run later and must neither build a second window nor create views again
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(handedOver).hasValue(1);
        assertThat(viewsCreated).hasValue(1);
        assertThat(fx(() -> stage.getScene() == w.scene())).isTrue();
    }

    @Test
    void theAppsWindowCreatesOnlyTheViewsItShowsAndEachOtherViewOnceWhenFirstShown() throws Exception {
        AtomicReference<MainWindow> built = new AtomicReference<>();
        fx(() -> {
            stage.hide();
            StagedStart.show(stage, MainWindow::withLazyViews, built::set);
            return null;
        });
        until(() -> built.get() != null);
        MainWindow w = built.get();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> all = ViewCatalog.slots().stream().map(rnnlab.ui.views.ViewSlot::id).toList();
        assertThat(fx(() -> w.viewsArea().ids())).isEqualTo(all).hasSize(11);
        // the start shows the vanilla RNN's four views: those exist, bound and in the scene; the other seven do not
        List<String> shown = List.of("view.unrolled", "view.heatmap", "view.rnn", "view.output");
        assertThat(fx(w::visibleViews)).containsExactlyElementsOf(shown);
        assertThat(fx(() -> all.stream().filter(w.viewsArea()::created).toList())).containsExactlyElementsOf(shown);
        assertThat(fx(() -> w.viewsArea().view("view.rnn").node().getScene() == w.scene())).isTrue();
        assertThat(fx(() -> w.viewsArea().tile("view.rnn").getCenter() == w.viewsArea().view("view.rnn").node())).isTrue();
        // the View menu lists all eleven without creating them
        assertThat(fx(() -> all.stream().filter(id -> findMenuItem(w, Ids.of("menu.view.views." + id))).count())).isEqualTo(11L);
        assertThat(fx(() -> w.viewsArea().created("view.lstm") || w.viewsArea().created("view.weights"))).isFalse();

        // showing a hidden view (View ▸ Visible views) creates it, once, bound to the window's frame
        fx(() -> {
            w.viewsArea().visibleProperty("view.weights").set(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        var weights = fx(() -> w.viewsArea().view("view.weights"));
        assertThat(weights).isInstanceOf(rnnlab.ui.views.WeightsView.class);
        assertThat(fx(() -> weights.node().getScene() == w.scene())).isTrue();
        fx(() -> {
            w.viewsArea().visibleProperty("view.weights").set(false);
            w.viewsArea().visibleProperty("view.weights").set(true);
            return null;
        });
        assertThat(fx(() -> w.viewsArea().view("view.weights"))).isSameAs(weights);
        assertThat(fx(() -> w.viewsArea().tile("view.weights").getCenter())).isSameAs(weights.node());

        // in tabs, only the selected tab's view is made; selecting another tab makes it
        fx(() -> {
            w.viewsArea().tabbedProperty().set(true);
            w.showViewsByHand(List.of("view.unrolled", "view.gru", "view.decay"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> w.viewsArea().created("view.gru") || w.viewsArea().created("view.decay"))).isFalse();
        fx(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) w.scene().lookup("#" + Ids.of("views.tabs"));
            tabs.getSelectionModel().select(2);
            return null;
        });
        assertThat(fx(() -> w.viewsArea().created("view.decay"))).isTrue();
        assertThat(fx(() -> w.viewsArea().created("view.gru"))).isFalse();

        // asked for by id (a lesson, a test, an export): made on demand, and views() makes all, each once
        var lstm = fx(() -> w.viewsArea().view("view.lstm"));
        assertThat(lstm).isInstanceOf(rnnlab.ui.views.LstmView.class);
        assertThat(fx(() -> w.viewsArea().views().stream().map(LabView::id).toList())).isEqualTo(all);
        assertThat(fx(() -> w.viewsArea().views().get(all.indexOf("view.lstm")))).isSameAs(lstm);
        assertThat(fx(() -> w.viewsArea().view("view.nothing"))).isNull();
        // an area given views already made (tests, bench-ui) binds and places them all at once, as before
        assertThat(fx(() -> {
            var area = new rnnlab.ui.views.ViewsArea(ViewCatalog.createAll(), new rnnlab.ui.views.ViewContext());
            return all.stream().filter(area::created).count();
        })).isEqualTo(11L);
    }

    private static boolean findMenuItem(MainWindow w, String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) w.scene().lookup("#" + Ids.of("menu"));
        java.util.ArrayDeque<javafx.scene.control.MenuItem> todo = new java.util.ArrayDeque<>();
        bar.getMenus().forEach(todo::add);
        while (!todo.isEmpty()) {
            var m = todo.pop();
            if (id.equals(m.getId())) {
                return true;
            }
            if (m instanceof javafx.scene.control.Menu menu) {
                menu.getItems().forEach(todo::add);
            }
        }
        return false;
    }
}
