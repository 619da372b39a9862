package rnnlab.ui.lesson;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;

/**
 * Presentation mode (F5; Esc leaves): full screen, larger type, the projector palette, the side panel
 * and the training panel hidden (the lesson panel stays, with big narration), the views one at a time
 * at full size with the spotlit one in front.
 * Leaving restores what was there before.
 */
public final class Presentation {
    /** The font scale while presenting (at least; a larger one chosen before is kept). */
    static final double FONT_SCALE = 1.75;
    private final LessonHost w;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(false);
    private double fontBefore;
    private boolean trainingBefore;
    private boolean fullScreenBefore;
    private boolean tabbedBefore;
    private javafx.scene.input.KeyCombination exitKeyBefore;
    /** Draws on the views while presenting (D on/off, C or Esc clears). */
    private final PresentationPen pen;
    private PresenterView presenter;
    /** The presenter view was opened on the second screen by entering (and closes on leaving). */
    private boolean presenterOpenedHere;
    /** Where the main window was before it was moved to the class screen (null: not moved). */
    private Rectangle2D movedFrom;
    /** Where the main window was when presentation mode began (Swap screens moves it back there on leaving). */
    private Rectangle2D boundsBefore;
    /** Swap screens: the class screen and the teacher's exchanged, for the rest of the session. */
    private final javafx.beans.property.BooleanProperty swapped = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The window leaves and re-enters full screen to change screens: not a reason to leave presentation mode. */
    private boolean moving;
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenLeft = (o, a, full) -> {
        if (!full && on.get() && !moving) {
            leave();
        }
    };

    public Presentation(LessonHost w) {
        this.w = w;
        this.pen = new PresentationPen(() -> w.viewModel().statusProperty().set(
                Messages.get(penOn() ? "presentation.pen.on" : "presentation.pen.off")));
        // F7: the presenter view, in or out of presentation mode (on this window's scene, before any control
        // sees it; a window rebuilt in another language has a scene, and a filter, of its own)
        w.scene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F7 && e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
                swapScreens();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.F7 && !e.isShortcutDown() && !e.isAltDown()) {
                presenter().toggle();
                e.consume();
            }
        });
        // JavaFX leaves full screen by itself on Esc: leave presentation mode with it
        w.stage().fullScreenProperty().addListener(fullScreenLeft);
    }

    /**
     * Lets go of the stage. The stage outlives this window (a language switch builds a new window on it, and
     * so do tests and the lesson screens): a listener left on it keeps the whole old window alive.
     */
    public void release() {
        w.stage().fullScreenProperty().removeListener(fullScreenLeft);
        // the pen's keys are a filter on the stage too (a window closed or rebuilt while presenting)
        pen.detach();
    }

    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    public boolean isOn() {
        return on.get();
    }

    public void toggle() {
        if (on.get()) {
            leave();
        } else {
            enter();
        }
    }

    public void enter() {
        enter(true);
    }

    /**
     * Presentation mode in the window as it is, without going full screen: for rendering it at a chosen
     * size (screenshots, snapshots for slides).
     */
    public void enterInWindow() {
        enter(false);
    }

    private void enter(boolean fullScreen) {
        if (on.get()) {
            return;
        }
        LessonHost.ThemeSettings theme = w.theme();
        Stage stage = w.stage();
        fontBefore = theme.fontScale();
        trainingBefore = w.training().shownProperty().get();
        fullScreenBefore = stage.isFullScreen();
        on.set(true);
        w.scene().getRoot().getStyleClass().add("presenting");
        w.lessons().lessonPanel().setPresenting(true);
        theme.projectorProperty().set(true);
        theme.setFontScale(Math.max(FONT_SCALE, fontBefore));
        w.locks().sidePanel().hide(SidePanelHold.Reason.PRESENTING);
        w.training().shownProperty().set(false);
        // the diagram gets the room (issue 12): one view at a time, full size, the spotlit one selected
        // (ViewsArea follows the spotlight step by step); the tabs let the teacher choose another
        tabbedBefore = w.viewsArea().tabbedProperty().get();
        w.viewsArea().tabbedProperty().set(true);
        w.viewsArea().setHighlight(w.context().highlightProperty().get());
        pen.attach(w.viewsArea(), stage);
        // Esc first wipes the pen's drawing; the window's keys leave presentation mode on the next Esc
        exitKeyBefore = stage.getFullScreenExitKeyCombination();
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        // two screens: the class screen (the projector) shows presentation mode, the teacher's (primary)
        // screen the presenter view; the main window goes to the class screen before going full screen
        ScreenPlan plan = fullScreen ? plan(stage) : null;
        movedFrom = null;
        boundsBefore = bounds(stage);
        if (plan != null) {
            List<Rectangle2D> all = Screen.getScreens().stream().map(Screen::getBounds).toList();
            if (ScreenPlan.screenOf(all, bounds(stage)) != plan.classScreen()) {
                movedFrom = bounds(stage);
                Rectangle2D b = ScreenPlan.windowOn(Screen.getScreens().get(plan.classScreen()).getVisualBounds(),
                        stage.getWidth(), stage.getHeight());
                stage.setX(b.getMinX());
                stage.setY(b.getMinY());
                stage.setWidth(b.getWidth());
                stage.setHeight(b.getHeight());
            }
        }
        if (fullScreen) {
            stage.setFullScreenExitHint(Messages.get("presentation.exitHint"));
            stage.setFullScreen(true);
        }
        if (plan != null && !presenter().isShowing()) {
            presenter().show(Screen.getScreens().get(plan.teacherScreen()));
            presenterOpenedHere = true;
        }
    }

    /** The plan for this machine's screens (null with one screen). */
    private ScreenPlan plan(Stage stage) {
        List<Screen> screens = Screen.getScreens();
        return plan(screens.stream().map(Screen::getBounds).toList(), screens.indexOf(Screen.getPrimary()), bounds(stage));
    }

    /** The plan for these screens and this main window, swapped or not as the teacher chose. */
    ScreenPlan plan(List<Rectangle2D> screens, int primary, Rectangle2D main) {
        return ScreenPlan.of(screens, primary, main, swapped.get());
    }

    /** Whether Swap screens is on (the class screen and the teacher's exchanged for this session). */
    public boolean screensSwapped() {
        return swapped.get();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty swappedProperty() {
        return swapped;
    }

    /**
     * Swap screens (Shift+F7, Lesson ▸ Swap screens, the presenter view's button): the class screen and the
     * teacher's change places, for the rest of the session. Presenting with two screens, the full-screen
     * window and the presenter view move to each other's screens at once; else the next presentation uses
     * the swapped plan (and the status line says which screen is whose).
     */
    public void swapScreens() {
        swapped.set(!swapped.get());
        List<Screen> screens = Screen.getScreens();
        Stage stage = w.stage();
        ScreenPlan plan = screens.size() < 2 ? null : plan(stage);
        if (plan == null) {
            w.viewModel().statusProperty().set(Messages.get("presenter.swap.oneScreen"));
            return;
        }
        if (on.get() && stage.isFullScreen()) {
            // leave full screen, move to the other screen, full screen there (not leaving presentation mode)
            if (movedFrom == null) {
                movedFrom = boundsBefore;
            }
            Rectangle2D b = ScreenPlan.windowOn(screens.get(plan.classScreen()).getVisualBounds(),
                    movedFrom == null ? stage.getWidth() : movedFrom.getWidth(),
                    movedFrom == null ? stage.getHeight() : movedFrom.getHeight());
            moving = true;
            try {
                stage.setFullScreen(false);
                stage.setX(b.getMinX());
                stage.setY(b.getMinY());
                stage.setWidth(b.getWidth());
                stage.setHeight(b.getHeight());
                stage.setFullScreen(true);
            } finally {
                moving = false;
            }
        }
        if (presenter != null && presenter.isShowing() && (presenter.onScreen() || on.get())) {
            presenter.moveTo(screens.get(plan.teacherScreen()));
        }
        w.viewModel().statusProperty().set(Messages.format("presenter.swap.done", plan.classScreen() + 1,
                plan.teacherScreen() + 1));
    }

    private static Rectangle2D bounds(Stage s) {
        return new Rectangle2D(s.getX(), s.getY(), Math.max(1, s.getWidth()), Math.max(1, s.getHeight()));
    }

    /** The presenter view (made on first use). */
    public PresenterView presenter() {
        if (presenter == null) {
            presenter = new PresenterView(w);
        }
        return presenter;
    }

    /** Whether the pen is on (mouse drags draw on the views). */
    public boolean penOn() {
        return pen.onProperty().get();
    }

    PresentationPen pen() {
        return pen;
    }

    public void leave() {
        if (!on.get()) {
            return;
        }
        on.set(false);
        pen.detach();
        if (exitKeyBefore != null) {
            w.stage().setFullScreenExitKeyCombination(exitKeyBefore);
        }
        if (presenterOpenedHere) {
            presenter.close();
            presenterOpenedHere = false;
        }
        LessonHost.ThemeSettings theme = w.theme();
        w.scene().getRoot().getStyleClass().remove("presenting");
        w.lessons().lessonPanel().setPresenting(false);
        theme.projectorProperty().set(false);
        theme.setFontScale(fontBefore);
        w.viewsArea().tabbedProperty().set(tabbedBefore);
        w.viewsArea().setHighlight(w.context().highlightProperty().get());
        // the user's own choice, unless a lesson step still hides it (its training panel in a narrow window, hide:)
        w.locks().sidePanel().release(SidePanelHold.Reason.PRESENTING);
        w.training().shownProperty().set(trainingBefore && !w.locks().isHidden("training"));
        if (w.stage().isFullScreen() && !fullScreenBefore) {
            w.stage().setFullScreen(false);
        }
        boundsBefore = null;
        if (movedFrom != null) {
            // back to the teacher's screen, where it was
            Stage s = w.stage();
            s.setX(movedFrom.getMinX());
            s.setY(movedFrom.getMinY());
            s.setWidth(movedFrom.getWidth());
            s.setHeight(movedFrom.getHeight());
            movedFrom = null;
        }
    }
}
