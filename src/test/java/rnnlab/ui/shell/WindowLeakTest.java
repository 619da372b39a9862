package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.compare.CompareWindow;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/**
 * Windows that are gone must not stay in memory. The main window's stage outlives a {@link MainWindow} (a
 * language switch rebuilds the window on the same stage; every window test builds one on TestFX's one
 * primary stage), and the main window outlives each comparison window: anything that listens to the
 * longer-lived one kept every old window, its scene graph and its canvases' pixels alive (the test JVM
 * held about 1 GB of them late in a full run).
 */
@ExtendWith(ApplicationExtension.class)
class WindowLeakTest {
    private static final int TIMES = 6;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    /** A few views only: the window's own wiring is what is checked, not every view's. */
    private static List<LabView> views() {
        return List.of(ViewCatalog.create("view.heatmap"), ViewCatalog.create("view.unrolled"));
    }

    @Test
    void windowsRebuiltOnTheSameStageAreCollected() throws Exception {
        List<WeakReference<Object>> gone = rebuildTimes();
        assertCollected(gone);
    }

    /** The language switch's rebuild, again and again: each time a new window on the same, still showing stage. */
    private List<WeakReference<Object>> rebuildTimes() throws Exception {
        List<WeakReference<Object>> gone = new ArrayList<>();
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(stage, views());
            stage.setWidth(1024);
            stage.setHeight(768);
            stage.show();
            return m;
        });
        for (int i = 0; i < TIMES; i++) {
            MainWindow old = w;
            gone.add(new WeakReference<>(old));
            gone.add(new WeakReference<>(old.viewModel()));
            gone.add(new WeakReference<>(old.scene()));
            loaded(old);
            boolean presenting = i % 2 == 1;
            w = fx(() -> {
                if (presenting) {
                    // switched while presenting: the pen's keys were a filter on the stage
                    old.presentation().enterInWindow();
                }
                return old.rebuild();
            });
        }
        MainWindow last = w;
        assertThat(fx(() -> stage.getScene() == last.scene())).isTrue();
        return gone;
    }

    @Test
    void windowsBuiltOnAStageAfterItWasHiddenAreCollected() throws Exception {
        List<WeakReference<Object>> gone = new ArrayList<>();
        for (int i = 0; i < TIMES; i++) {
            // as window tests (TestFX hides the primary stage after each) and lesson screens do
            gone.addAll(showAndHide());
        }
        fx(() -> {
            new MainWindow(stage, views());
            stage.show();
            return null;
        });
        assertCollected(gone);
    }

    private List<WeakReference<Object>> showAndHide() throws Exception {
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(stage, views());
            stage.show();
            return m;
        });
        loaded(w);
        fx(() -> {
            // closed while presenting: the pen's keys were a filter on the stage
            w.presentation().enterInWindow();
            stage.hide();
            return null;
        });
        return List.of(new WeakReference<>(w), new WeakReference<>(w.viewModel()));
    }

    @Test
    void comparisonWindowsClosedAndReopenedAreCollected() throws Exception {
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(stage, views());
            stage.show();
            return m;
        });
        List<WeakReference<Object>> gone = new ArrayList<>();
        for (int i = 0; i < TIMES; i++) {
            gone.addAll(openAndClose(w));
        }
        // the one shown last is still the window's comparison: replace it by one more, closed too
        fx(() -> {
            w.showComparison().close();
            return null;
        });
        assertCollected(gone);
        assertThat(fx(() -> w.scene().getWindow() == stage)).isTrue();
    }

    private static List<WeakReference<Object>> openAndClose(MainWindow w) throws Exception {
        CompareWindow c = fx(w::showComparison);
        for (var vm : c.viewModels()) {
            until(() -> vm.frameProperty().get() != null);
        }
        fx(() -> {
            c.close();
            return null;
        });
        return List.of(new WeakReference<>(c), new WeakReference<>(c.stage()));
    }

    /** Waits for the window's first frame (closing a window still loading is not what is checked). */
    private static void loaded(MainWindow w) throws Exception {
        until(() -> w.viewModel().frameProperty().get() != null);
    }

    /** Forces collections (at most about 5 s) until every reference is cleared; names the ones left. */
    private static void assertCollected(List<WeakReference<Object>> refs) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 50 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            // let the FX thread run what it queued (pulses, listeners) and drop what it held
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        List<String> alive = refs.stream().map(WeakReference::get).filter(o -> o != null)
                .map(o -> o.getClass().getSimpleName()).toList();
        assertThat(alive).as("windows and view models still reachable after they were replaced or closed").isEmpty();
    }
}
