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
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.Step;
import rnnlab.lessons.TeacherNotes;
import rnnlab.ui.common.Ids;

/**
 * The presenter view (issue 12): a window for the teacher's screen with the step's narration and its
 * teacher notes, the step's checkpoint questions with the answer key (the engine's answer, for the teacher
 * only) and, once the class has answered, the result, the next step, the time of day and the time
 * presenting. Swap screens (its button, Lesson ▸ Swap screens, Shift+F7) exchanges the class screen and
 * this view's screen. With two screens, presentation
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
    /** The step's checkpoints: question, options, the answer key and the class's result. */
    private final VBox checks = new VBox(10);
    private final ScrollPane checksScroll = new ScrollPane(checks);
    private final javafx.scene.control.Button swap = new javafx.scene.control.Button();
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
        // the answer key is computed once the engine shows the step's model
        w.lessons().appliedProperty().addListener((o, a, b) -> refreshChecks());
        // the step drawn again (font size, theme): the class result follows its new checkpoint boxes (before, it
        // kept following the old ones, and a retry answered after a font change never showed here)
        w.lessons().redrawnProperty().addListener((o, a, b) -> refreshChecks());
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
                            Math.max(1, m.getWidth()), Math.max(1, m.getHeight())), w.presentation().screensSwapped());
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

    /** Moves the open view to {@code screen}, sized to it (Swap screens), without restarting its clock. */
    void moveTo(Screen screen) {
        if (!isShowing()) {
            return;
        }
        Rectangle2D b = screen.getVisualBounds();
        place(b);
        javafx.application.Platform.runLater(() -> {
            if (stage.isShowing()) {
                place(b);
            }
        });
    }

    /** Whether the view was last sized to a screen (not a window of its own beside the main one). */
    boolean onScreen() {
        return onScreen;
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
        swap.setText(Messages.get("presenter.swap"));
        swap.setId(Ids.of("presenter.swap"));
        swap.setMinWidth(Region.USE_PREF_SIZE);
        swap.setFocusTraversable(false);
        swap.setTooltip(new javafx.scene.control.Tooltip(Messages.get("presenter.swap.tip")));
        swap.setOnAction(e -> w.presentation().swapScreens());
        step.setMinWidth(0);
        clock.setMinWidth(Region.USE_PREF_SIZE);
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(step, Priority.SOMETIMES);
        HBox top = new HBox(16, step, gap, elapsed, clock, swap);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        checks.setId(Ids.of("presenter.checkpoints"));
        checks.getStyleClass().add("lesson-body");
        checksScroll.setFitToWidth(true);
        checksScroll.getStyleClass().add("narration-scroll");
        checksScroll.managedProperty().bind(checksScroll.visibleProperty());
        // as tall as the questions, at most 45 % of the window: the narration keeps the rest
        checksScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> checks.prefHeight(Math.max(100, checksScroll.getWidth() - 20)), checks.heightProperty(),
                checksScroll.widthProperty()));
        VBox root = new VBox(12, top, scroll, checksScroll, next);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.setMinHeight(80);
        checksScroll.maxHeightProperty().bind(root.heightProperty().multiply(0.45));
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
            if (k == javafx.scene.input.KeyCode.F7 && e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
                w.presentation().swapScreens();
                e.consume();
            } else if (k == javafx.scene.input.KeyCode.F7 && !e.isShortcutDown() && !e.isAltDown()) {
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
            checks.getChildren().clear();
            checksScroll.setVisible(false);
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
        refreshChecks();
        next.setText(i + 1 < lesson.steps().size()
                ? Messages.format("presenter.next", lesson.steps().get(i + 1).title())
                : Messages.get("presenter.last"));
    }

    /**
     * The step's checkpoints for the teacher: each question with its options, the answer key (the engine's
     * answer on the step's model, once the engine shows it; a marked option at once; a goal's condition)
     * and the class's result as the lesson panel shows it.
     */
    private void refreshChecks() {
        if (stage == null) {
            return;
        }
        LessonPlayer p = w.lessons();
        java.util.List<CheckpointBox> boxes = p.lesson() == null ? java.util.List.of() : p.checkpointBoxes();
        checks.getChildren().clear();
        checksScroll.setVisible(!boxes.isEmpty());
        Color fg = rnnlab.ui.controls.Theme.of(w.theme().isDark(), w.theme().projectorProperty().get()).css("-rl-text");
        for (int k = 0; k < boxes.size(); k++) {
            checks.getChildren().add(checkpoint(p, boxes.get(k), k, fg));
        }
        checksScroll.setVvalue(0);
    }

    private VBox checkpoint(LessonPlayer p, CheckpointBox box, int k, Color fg) {
        Checkpoint c = box.checkpoint();
        String suffix = k == 0 ? "" : "." + (k + 1);
        Label kind = new Label(Messages.format("presenter.checkpoint",
                Messages.get("lesson.checkpoint." + c.kind().name().toLowerCase(java.util.Locale.ROOT))));
        kind.getStyleClass().add("subtitle");
        kind.setWrapText(true);
        kind.setMinHeight(Region.USE_PREF_SIZE);
        VBox question = p.typeset(c.question() == null ? "" : c.question(), 18, fg);
        question.setId(Ids.of("presenter.checkpoint.question" + suffix));
        VBox options = new VBox(2);
        for (int i = 0; i < c.options().size(); i++) {
            Label o = new Label(Messages.format("presenter.option", i + 1, c.options().get(i).text()));
            o.setWrapText(true);
            o.setMinHeight(Region.USE_PREF_SIZE);
            options.getChildren().add(o);
        }
        Label answer = new Label();
        answer.setId(Ids.of("presenter.checkpoint.answer" + suffix));
        answer.getStyleClass().add("presenter-answer");
        answer.setWrapText(true);
        answer.setMinHeight(Region.USE_PREF_SIZE);
        VBox why = new VBox();
        Label result = new Label();
        result.setId(Ids.of("presenter.checkpoint.result" + suffix));
        result.getStyleClass().add("checkpoint-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        Label shown = box.resultLabel();
        Runnable follow = () -> {
            boolean on = shown.isVisible() && shown.getText() != null && !shown.getText().isEmpty();
            result.setText(on ? Messages.format("presenter.classResult", shown.getText()) : Messages.get("presenter.notAnswered"));
            result.getStyleClass().removeAll("right", "wrong");
            shown.getStyleClass().stream().filter(s -> s.equals("right") || s.equals("wrong")).findFirst()
                    .ifPresent(s -> result.getStyleClass().add(s));
        };
        shown.textProperty().addListener((o, a, b) -> follow.run());
        shown.visibleProperty().addListener((o, a, b) -> follow.run());
        follow.run();
        if (c.kind() == Checkpoint.Kind.GOAL) {
            answer.setText(Messages.format("presenter.goal", (c.goal() == null ? "" : c.goal().text() + " ")
                    + c.goalCondition()));
        } else if (c.value() == null) {
            int right = c.rightOption(Double.NaN);
            answer.setText(Messages.format("presenter.answer", right < 0 ? "" : c.options().get(right).text()));
            why.getChildren().setAll(explanation(p, c, Double.NaN, right < 0 ? null : c.options().get(right).text(), fg));
        } else if (!p.stepApplied()) {
            answer.setText(Messages.get("presenter.computing"));
        } else {
            answer.setText(Messages.get("presenter.computing"));
            p.answerKey(c, v -> {
                if (Double.isNaN(v)) {
                    answer.setText(Messages.get("lesson.checkpoint.unavailable"));
                    return;
                }
                int right = c.kind() == Checkpoint.Kind.CHOICE ? c.rightOption(v) : -1;
                String label = right >= 0 ? c.options().get(right).text() : Checkpoint.format(v);
                // one minus sign on screen (U+2212, as the typeset explanation below has it), not ASCII "-0.118"
                String value = Checkpoint.format(v).replace('-', '\u2212');
                answer.setText(right >= 0 ? Messages.format("presenter.answerValue", label, value)
                        : Messages.format("presenter.answer", value));
                why.getChildren().setAll(explanation(p, c, v, label, fg));
            });
        }
        VBox b = new VBox(4, kind, question, options, answer, why, result);
        b.setId(Ids.of("presenter.checkpoint" + suffix));
        b.getStyleClass().add("checkpoint");
        return b;
    }

    private static VBox explanation(LessonPlayer p, Checkpoint c, double v, String label, Color fg) {
        return c.explain() == null || c.explain().isBlank() ? new VBox()
                : p.typeset(Messages.format("presenter.why", c.explanation(v, label)), 16, fg);
    }

    /** The checkpoints' text as shown (questions, answer key, results), for tests. */
    String checkpointsText() {
        StringBuilder sb = new StringBuilder();
        collect(checks, sb);
        return sb.toString();
    }

    private static void collect(javafx.scene.Node n, StringBuilder sb) {
        if (n instanceof javafx.scene.text.Text t) {
            sb.append(t.getText()).append(' ');
        } else if (n instanceof Label l) {
            sb.append(l.getText()).append(' ');
        } else if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, sb));
        }
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
