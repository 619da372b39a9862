package rnnlab.ui.lesson;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.Step;
import rnnlab.lessons.TeacherNotes;
import rnnlab.ui.common.Ids;

/**
 * The presenter view (issue 12): a window for the teacher's screen with the step's narration and its
 * teacher notes, the next step, the time of day and the time presenting. With two screens, presentation
 * mode opens it on the teacher's (primary) screen, sized to it, and puts the class screen on the other
 * one ({@link ScreenPlan}); with one screen it is toggled by hand (Lesson ▸ Presenter view, F7). It
 * follows the lesson step by step, and the keys typed in it go to the main window.
 */
public final class PresenterView {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final LessonHost w;
    private Stage stage;
    private final Label step = new Label();
    private final Label next = new Label();
    private final Label clock = new Label();
    private final Label elapsed = new Label();
    private final VBox narration = new VBox();
    private final ScrollPane scroll = new ScrollPane(narration);
    private final Timeline tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tickClock()));
    private long startedAt = System.nanoTime();
    /** The window's own size (one screen), and whether it was last sized to a screen instead. */
    private javafx.geometry.Dimension2D ownSize;
    private boolean onScreen;

    public PresenterView(LessonHost w) {
        this.w = w;
        tick.setCycleCount(Timeline.INDEFINITE);
        w.lessons().shownProperty().addListener((o, a, b) -> refresh());
        w.lessons().openProperty().addListener((o, a, b) -> refresh());
        w.lessons().teacherNotesProperty().addListener((o, a, b) -> refresh());
    }

    /** Shows the presenter view, or closes it when shown (one screen: the teacher's toggle). */
    public void toggle() {
        if (isShowing()) {
            close();
        } else {
            // with two screens while presenting: on the teacher's screen; else beside the main window
            java.util.List<Screen> screens = Screen.getScreens();
            Stage m = w.stage();
            int i = ScreenPlan.presenterScreen(screens.stream().map(Screen::getBounds).toList(),
                    screens.indexOf(Screen.getPrimary()), new Rectangle2D(m.getX(), m.getY(),
                            Math.max(1, m.getWidth()), Math.max(1, m.getHeight())));
            show(i < 0 ? null : screens.get(i));
        }
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** Opens the view; on {@code screen} (sized to it) when given, else as a window beside the main one. */
    public void show(Screen screen) {
        if (stage == null) {
            build();
        }
        Rectangle2D b = screen == null ? null : screen.getVisualBounds();
        place(b);
        startedAt = System.nanoTime();
        refresh();
        tickClock();
        tick.play();
        stage.show();
        // again once shown: on a real X server (a window manager, two screens) the size given before the
        // first show was lost and the window opened at 200 × 196 on the teacher's screen
        place(b);
        javafx.application.Platform.runLater(() -> {
            if (stage.isShowing()) {
                place(b);
            }
        });
        stage.toFront();
    }

    private void place(Rectangle2D b) {
        if (b != null) {
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
            onScreen = true;
            return;
        }
        // by hand: a window of its own size, beside the main one. Not one the size of the screen it filled
        // before (a second screen, now unplugged or not presenting), nor the 200 × 200 it got on a real X
        // server with a window manager, where the scene's size was lost at the first show
        boolean tooSmall = stage.isShowing() && (stage.getWidth() < ownSize.getWidth() / 2
                || stage.getHeight() < ownSize.getHeight() / 2);
        if ((onScreen && !stage.isShowing()) || tooSmall) {
            stage.setWidth(ownSize.getWidth());
            stage.setHeight(ownSize.getHeight());
            stage.centerOnScreen();
            onScreen = false;
        }
    }

    public void close() {
        tick.stop();
        if (stage != null) {
            stage.hide();
        }
    }

    Stage stage() {
        return stage;
    }

    private void build() {
        step.setId(Ids.of("presenter.step"));
        step.getStyleClass().add("lesson-step-title");
        step.setWrapText(true);
        step.setMinHeight(Region.USE_PREF_SIZE);
        next.setId(Ids.of("presenter.next"));
        next.setWrapText(true);
        next.setMinHeight(Region.USE_PREF_SIZE);
        next.getStyleClass().add("presenter-next");
        clock.setId(Ids.of("presenter.clock"));
        clock.getStyleClass().add("presenter-clock");
        elapsed.setId(Ids.of("presenter.elapsed"));
        elapsed.getStyleClass().add("presenter-clock");
        narration.setId(Ids.of("presenter.narration"));
        narration.getStyleClass().add("lesson-body");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("narration-scroll");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(16, step, gap, elapsed, clock);
        VBox root = new VBox(12, top, scroll, next);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStyleClass().addAll("lesson-panel", "presenter-view");
        root.setId(Ids.of("presenter.view"));
        root.setStyle("-fx-font-size: 18px; -fx-pref-width: 900px;");
        javafx.geometry.Dimension2D size = rnnlab.ui.layout.ScreenFit.sceneSize(900, 640, w.stage());
        ownSize = size;
        Scene sc = new Scene(root, size.getWidth(), size.getHeight());
        // the teacher's screen has the focus once the view is open: F7 closes it here, ↑ ↓ scroll the
        // notes, and every other key goes to the main window, so that a clicker's PageDown / PageUp, Esc,
        // F5, → ← step the lesson and the timeline whichever window has the focus
        sc.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            javafx.scene.input.KeyCode k = e.getCode();
            if (k == javafx.scene.input.KeyCode.F7 && !e.isShortcutDown() && !e.isAltDown()) {
                toggle();
                e.consume();
            } else if (k != javafx.scene.input.KeyCode.UP && k != javafx.scene.input.KeyCode.DOWN) {
                forward(e);
            }
        });
        sc.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, this::forward);
        sc.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, this::forward);
        sc.getStylesheets().setAll(w.scene().getStylesheets());
        dark(sc, w.theme().isDark());
        w.theme().darkProperty().addListener((o, a, d) -> {
            dark(sc, d);
            refresh();
        });
        stage = new Stage();
        stage.initOwner(w.stage());
        stage.setTitle(Messages.get("presenter.title"));
        stage.setScene(sc);
        stage.setOnHidden(e -> tick.stop());
    }

    private static void dark(Scene sc, boolean on) {
        sc.getRoot().getStyleClass().remove("dark");
        if (on) {
            sc.getRoot().getStyleClass().add("dark");
        }
    }

    /** Gives a key to the main window (its focused control, else its root), as if typed there. */
    private void forward(javafx.scene.input.KeyEvent e) {
        javafx.scene.Node target = w.scene().getFocusOwner() != null ? w.scene().getFocusOwner() : w.scene().getRoot();
        e.consume();
        javafx.event.Event.fireEvent(target, e.copyFor(target, target));
    }

    private void tickClock() {
        clock.setText(LocalTime.now().format(CLOCK));
        Duration d = Duration.ofNanos(System.nanoTime() - startedAt);
        elapsed.setText(Messages.format("presenter.elapsed", String.format(java.util.Locale.ROOT, "%d:%02d",
                d.toMinutes(), d.toSecondsPart())));
    }

    /** Shows the lesson's current step (narration with the teacher notes) and names the next one. */
    void refresh() {
        if (stage == null) {
            return;
        }
        LessonPlayer p = w.lessons();
        Lesson lesson = p.lesson();
        if (lesson == null) {
            step.setText(Messages.get("presenter.noLesson"));
            narration.getChildren().clear();
            next.setText("");
            return;
        }
        int i = p.stepIndex();
        Step s = lesson.steps().get(i);
        step.setText(Messages.format("presenter.step", i + 1, lesson.steps().size(), s.title()));
        String text = TeacherNotes.apply(s.narration(), true, Messages.get("lesson.note"));
        Color fg = rnnlab.ui.controls.Theme.of(w.theme().isDark(), w.theme().projectorProperty().get()).css("-rl-text");
        narration.getChildren().setAll(p.typeset(text, 18, fg));
        scroll.setVvalue(0);
        next.setText(i + 1 < lesson.steps().size()
                ? Messages.format("presenter.next", lesson.steps().get(i + 1).title())
                : Messages.get("presenter.last"));
    }

    String stepText() {
        return step.getText();
    }

    String nextText() {
        return next.getText();
    }

    String clockText() {
        return clock.getText();
    }
}
