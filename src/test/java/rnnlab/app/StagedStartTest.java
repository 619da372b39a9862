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
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/** Issue 18: the app's window is up (shown, titled, sized) before any view is created or the main window built. */
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
            StagedStart s = StagedStart.show(stage, () -> {
                showingWhenViewsCreated.set(stage.isShowing());
                viewsCreated.incrementAndGet();
                return ViewCatalog.createAll();
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
            StagedStart s = StagedStart.show(stage, () -> {
                viewsCreated.incrementAndGet();
                return List.<LabView>of();
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
}
