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
 * teacher notes, the next step, the time of day and the time presenting. With two screens it opens on
 * the screen the main window (the class screen, in presentation mode) is not on; with one screen it is
 * toggled by hand (Lesson ▸ Presenter view, F7). It follows the lesson step by step.
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
            show(null);
        }
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** Opens the view; on {@code screen} (full size there) when given, else as a window beside the main one. */
    public void show(Screen screen) {
        if (stage == null) {
            build();
        }
        if (screen != null) {
            Rectangle2D b = screen.getVisualBounds();
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
        }
        startedAt = System.nanoTime();
        refresh();
        tickClock();
        tick.play();
        stage.show();
        stage.toFront();
    }

    public void close() {
        tick.stop();
        if (stage != null) {
            stage.hide();
        }
    }

    /** With a second screen: the one the main window is not on (null: one screen only). */
    public static Screen otherScreen(Stage main) {
        if (Screen.getScreens().size() < 2) {
            return null;
        }
        double cx = main.getX() + main.getWidth() / 2;
        double cy = main.getY() + main.getHeight() / 2;
        for (Screen s : Screen.getScreens()) {
            if (!s.getBounds().contains(cx, cy)) {
                return s;
            }
        }
        return null;
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
        Scene sc = new Scene(root, size.getWidth(), size.getHeight());
        // F7 here too: the teacher's screen has the focus once the view is open
        sc.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F7 && !e.isShortcutDown() && !e.isAltDown()) {
                toggle();
                e.consume();
            }
        });
        sc.getStylesheets().setAll(w.scene().getStylesheets());
        if (w.theme().isDark()) {
            sc.getRoot().getStyleClass().add("dark");
        }
        stage = new Stage();
        stage.initOwner(w.stage());
        stage.setTitle(Messages.get("presenter.title"));
        stage.setScene(sc);
        stage.setOnHidden(e -> tick.stop());
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
