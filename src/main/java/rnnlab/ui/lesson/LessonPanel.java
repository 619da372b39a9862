package rnnlab.ui.lesson;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * The lesson panel beside the views: the lesson's title, "Step n of m", the step's title, a problem line
 * when the step's scene could not be applied, the narration (scrolling), the step's checkpoints pinned
 * below it (always in view, issue 12), and Previous / Next / Restart. It only shows; {@link LessonPlayer}
 * decides.
 */
final class LessonPanel extends VBox {
    private final Label title = new Label();
    private final Label counter = new Label();
    private final Label stepTitle = new Label();
    private final Label problem = new Label();
    /** The narration, and while presenting the checkpoints' questions and explanations. */
    private final VBox body = new VBox(12) {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // laid out anew (wider, narrower, maths arrived): the paragraph followed where it is now
            if (follow != null) {
                scrollTo(follow, followQuestion, true);
            }
        }
    };
    private final ScrollPane scroll = new ScrollPane(body);
    /**
     * The checkpoint sits here, below the narration and above Previous / Next, so its question, options,
     * Check and result are always in view (issue 12: they were below the fold at 1024×768); the narration
     * scrolls above it. It takes at most the room the panel has left with a few lines of narration: a
     * checkpoint taller than that has its options scroll inside it ({@link CheckpointBox}).
     */
    private final VBox pinned = new VBox() {
        @Override
        protected double computePrefHeight(double width) {
            return Math.min(super.computePrefHeight(width), room());
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    };
    private Node checkpoint;
    /**
     * Holds the pinned checkpoint: as tall as it is, or the room the panel has, the checkpoint then shrinking
     * its options (they scroll); a checkpoint that cannot shrink enough scrolls here as a whole, never drawn
     * over the buttons below.
     */
    private final ScrollPane pinScroll = new FitScroll(null, 0) {
        @Override
        protected double computeMinHeight(double width) {
            return 0;
        }

        /**
         * The checkpoint fits the room with its options scrolling: it is given the room; it does not even so:
         * it keeps its height and scrolls as a whole (one scroll bar, not one inside another).
         */
        @Override
        protected void layoutChildren() {
            Node c = getContent();
            if (c != null) {
                double w = getWidth() - snappedLeftInset() - snappedRightInset();
                double h = getHeight() - snappedTopInset() - snappedBottomInset();
                boolean fit = c.minHeight(w) <= h + 0.5;
                if (fit != isFitToHeight()) {
                    setFitToHeight(fit);
                }
            }
            super.layoutChildren();
            pinScrollTo();
        }
    };
    private boolean presenting;
    private final HBox nav;
    private final HBox counterRow;
    final Button previous = button("lesson.previous");
    final Button next = button("lesson.next");
    final Button restart = button("lesson.restart");
    final Button list = button("lesson.list");
    final Button close = button("lesson.close");
    /** Opens the glossary and notation bridge (issue 11: reachable from the lesson panel). */
    final javafx.scene.control.Hyperlink glossary = new javafx.scene.control.Hyperlink(Messages.get("lesson.glossary"));

    LessonPanel() {
        getStyleClass().add("lesson-panel");
        setId(Ids.of("lesson.panel"));
        title.getStyleClass().add("lesson-title");
        title.setId(Ids.of("lesson.title"));
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        close.setText("\u00d7");
        list.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setTooltip(new Tooltip(Messages.get("lesson.close")));
        // the lesson's keys are PageDown / PageUp; → and ← step the timeline, as the narration says
        next.setTooltip(new Tooltip(Messages.get("lesson.next.tip")));
        previous.setTooltip(new Tooltip(Messages.get("lesson.previous.tip")));
        HBox head = new HBox(8, title, list, close);
        head.setAlignment(Pos.TOP_LEFT);
        counter.getStyleClass().add("lesson-counter");
        counter.setId(Ids.of("lesson.counter"));
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setId(Ids.of("lesson.stepTitle"));
        stepTitle.setWrapText(true);
        // wrapped labels keep the height of all their lines (else they end in "...")
        stepTitle.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("lesson-problem");
        problem.setId(Ids.of("lesson.problem"));
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        body.setId(Ids.of("lesson.body"));
        body.getStyleClass().add("lesson-body");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("narration-scroll");
        scroll.setId(Ids.of("lesson.scroll"));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        nav = new HBox(8, previous, restart, gap, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        glossary.setId(Ids.of("lesson.glossary"));
        glossary.setMinWidth(Region.USE_PREF_SIZE);
        Region counterGap = new Region();
        HBox.setHgrow(counterGap, Priority.ALWAYS);
        counterRow = new HBox(8, counter, counterGap, glossary);
        counterRow.setAlignment(Pos.CENTER_LEFT);
        title.widthProperty().addListener((o, a, b) -> {
            if (presenting) {
                javafx.application.Platform.runLater(this::fitTitle);
            }
        });
        title.textProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fitTitle));
        pinned.setId(Ids.of("lesson.pinned"));
        pinned.getStyleClass().add("lesson-pinned");
        pinned.managedProperty().bind(pinned.visibleProperty());
        pinned.setVisible(false);
        pinScroll.setFitToHeight(true);
        pinScroll.getStyleClass().add("lesson-pinned-scroll");
        pinScroll.setId(Ids.of("lesson.pinnedScroll"));
        pinned.getChildren().setAll(pinScroll);
        heightProperty().addListener((o, a, b) -> pinned.requestLayout());
        javafx.beans.InvalidationListener refollow = o -> {
            if (follow != null) {
                scrollTo(follow, followQuestion);
            }
        };
        scroll.viewportBoundsProperty().addListener(refollow);
        body.heightProperty().addListener(refollow);
        // the teacher scrolls (wheel, scroll bar, keys): the narration stays where it is put (the scroll
        // pane's own adjustments to a new content height are no reason to stop following)
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> unfollow());
        scroll.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> unfollow());
        scroll.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> unfollow());
        pinScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> pinFrom = null);
        pinScroll.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> pinFrom = null);
        // the narration keeps a few lines however tall the checkpoint is
        scroll.setMinHeight(40);
        getChildren().addAll(head, counterRow, stepTitle, problem, scroll, pinned, nav);
    }

    void show(String lessonTitle, int index, int count, String step, Node narration, Node checkpoint) {
        title.setText(lessonTitle);
        counter.setText(Messages.format("lesson.counter", index + 1, count));
        stepTitle.setText(step);
        body.getChildren().setAll(narration);
        this.checkpoint = checkpoint;
        unfollow();
        scrollBy(0);
        placeCheckpoint();
        previous.setDisable(index == 0);
        last = index == count - 1;
        navTexts();
        showProblem(null);
    }

    /**
     * The checkpoint pinned below the narration, above the buttons: whole, or while presenting (large type)
     * without its question and explanation, which join the narration.
     */
    private void placeCheckpoint() {
        body.getChildren().remove(checkpoint);
        pinScroll.setContent(null);
        for (int i = 0; i < explanations.size(); i++) {
            explanations.get(i).getChildren().removeListener(explanationShown.get(i));
        }
        body.getChildren().removeAll(questions);
        body.getChildren().removeAll(explanations);
        questions.clear();
        explanations.clear();
        explanationShown.clear();
        shownBoxes.clear();
        pinFrom = null;
        pinNext = null;
        if (checkpoint == null) {
            pinned.setVisible(false);
        } else if (presenting) {
            pinScroll.setContent(checkpoint);
            pinned.setVisible(true);
            // each checkpoint's question and explanation join the narration (a step may have several), which
            // scrolls to the first question now and to an explanation when its answer is revealed, keeping the
            // next open question in view with it; only the options, Check and the result stay pinned
            for (CheckpointBox box : boxes(checkpoint)) {
                Node q = box.question(true);
                VBox e = (VBox) box.explanation(true);
                questions.add(q);
                body.getChildren().addAll(q, e);
                watch(box, e);
            }
            if (!questions.isEmpty()) {
                follow(questions.get(0), null);
            }
        } else {
            for (CheckpointBox box : boxes(checkpoint)) {
                box.question(false);
                watch(box, (VBox) box.explanation(false));
            }
            pinScroll.setContent(checkpoint);
            pinned.setVisible(true);
        }
    }

    /**
     * Without the pinned checkpoint's height: it takes the room the panel has ({@link #room()}), its options
     * scrolling or, at worst, its end cut; counted in, it would keep the panel (and the window's content)
     * as tall as it once was, taller than the window.
     */
    @Override
    protected double computeMinHeight(double width) {
        double min = super.computeMinHeight(width);
        if (!pinned.isManaged()) {
            return min;
        }
        double w = width < 0 || pinned.getContentBias() != javafx.geometry.Orientation.HORIZONTAL ? -1
                : width - snappedLeftInset() - snappedRightInset();
        return Math.max(0, min - pinned.minHeight(w));
    }

    /**
     * The height the pinned checkpoint may take: the panel's, less its other parts at their heights and a
     * few lines of narration (unbounded before the panel has a size).
     */
    private double room() {
        double h = getHeight();
        if (h <= 0) {
            return Double.MAX_VALUE;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double used = snappedTopInset() + snappedBottomInset();
        int n = 0;
        for (Node c : getChildren()) {
            if (!c.isManaged()) {
                continue;
            }
            n++;
            if (c != pinned && c != scroll) {
                used += c.prefHeight(w);
            }
        }
        used += snapSpaceY(getSpacing()) * Math.max(0, n - 1);
        double most = Math.max(0, h - used - scroll.minHeight(w));
        double room = Math.max(0, h - used - narrationMin(w));
        // the questions in the narration yield to the checkpoint when both cannot show whole: its options,
        // Check and result keep the height they need at the least (the options down to two lines)
        Node c = pinScroll.getContent();
        double need = c == null ? 0 : c.minHeight(w - pinScroll.snappedLeftInset() - pinScroll.snappedRightInset())
                + pinScroll.snappedTopInset() + pinScroll.snappedBottomInset();
        return Math.max(room, Math.min(need, most));
    }

    /**
     * The least height the narration keeps beside the pinned checkpoint: a few lines; while presenting,
     * all the checkpoints' questions, one under the other (they are in the narration then, and must show whole).
     */
    private double narrationMin(double width) {
        double min = scroll.minHeight(width);
        if (questions.isEmpty()) {
            return min;
        }
        double vw = scroll.getViewportBounds().getWidth();
        double at = (vw > 0 ? vw : width - 16) - body.snappedLeftInset() - body.snappedRightInset();
        double extra = scroll.snappedTopInset() + scroll.snappedBottomInset() + body.snappedTopInset() + body.snappedBottomInset() + 2;
        // all of them at once, one under the other (an explanation not revealed yet has no height)
        double all = 2 * body.getSpacing() * (questions.size() - 1);
        for (Node q : questions) {
            all += q.prefHeight(at);
        }
        return Math.max(min, all + extra);
    }

    /**
     * Whether the step's checkpoints show whole without the student scrolling (what {@code lessons check
     * --layout} checks): the pinned part is not cut, inside the window, no options scroll; while presenting,
     * the questions in the narration are in view as it is scrolled. True for a step without a checkpoint
     * (its narration may scroll).
     */
    boolean checkpointInView() {
        if (checkpoint == null || !pinned.isVisible()) {
            return true;
        }
        if (checkpoint.getLayoutBounds().getHeight() > pinScroll.getViewportBounds().getHeight() + 1) {
            return false;
        }
        javafx.geometry.Bounds b = pinned.localToScene(pinned.getLayoutBounds());
        if (getScene() != null && b.getMaxY() > getScene().getHeight() + 1) {
            return false;
        }
        for (CheckpointBox box : boxes(checkpoint)) {
            if (!box.wholeInView()) {
                return false;
            }
        }
        double view = scroll.getViewportBounds().getHeight();
        double top = Math.max(0, body.getHeight() - view) * scroll.getVvalue();
        for (Node q : questions) {
            javafx.geometry.Bounds qb = q.getBoundsInParent();
            if (qb.getMinY() < top - 1 || qb.getMaxY() > top + view + 1) {
                return false;
            }
        }
        return true;
    }

    /** Presentation mode: the checkpoints' questions shown in the narration (empty otherwise). */
    private final java.util.List<Node> questions = new java.util.ArrayList<>();
    /** The checkpoints' explanations (in the narration while presenting, else in their boxes). */
    private final java.util.List<VBox> explanations = new java.util.ArrayList<>();
    /** Their boxes, and what watches each explanation, in the same order. */
    private final java.util.List<CheckpointBox> shownBoxes = new java.util.ArrayList<>();
    private final java.util.List<javafx.collections.ListChangeListener<Node>> explanationShown = new java.util.ArrayList<>();

    /** Box {@code box}, whose explanation is {@code e}: what it shows after an answer is followed. */
    private void watch(CheckpointBox box, VBox e) {
        int k = explanations.size();
        explanations.add(e);
        shownBoxes.add(box);
        javafx.collections.ListChangeListener<Node> l = c -> explanationShown(k);
        explanationShown.add(l);
        e.getChildren().addListener(l);
    }

    /**
     * Checkpoint {@code k}'s explanation (or its hint) has just shown: the narration follows it, keeping in view
     * the question still open that comes next (its own question when only a hint shows, for the retry).
     */
    private void explanationShown(int k) {
        if (k >= explanations.size() || explanations.get(k).getChildren().isEmpty()) {
            return;
        }
        int next = openBox(k);
        if (presenting) {
            follow(explanations.get(k), next < 0 ? null : questions.get(next));
        }
        // the pinned area (scrolling as a whole when the step's checkpoints are taller than its room): the
        // answered box's result and explanation with the next open box, that box whole when both cannot show
        pinFrom = next < 0 || next == k ? null : shownBoxes.get(k);
        pinNext = next < 0 || next == k ? null : shownBoxes.get(next);
        pinScrollTo();
        javafx.application.Platform.runLater(this::pinScrollTo);
    }

    /**
     * The pinned area's boxes kept in view after an answer, or null: the answered one (from its result down)
     * and the next open one (whole, first).
     */
    private CheckpointBox pinFrom;
    private CheckpointBox pinNext;

    private void pinScrollTo() {
        Node c = pinScroll.getContent();
        if (pinFrom == null || c == null || pinFrom.getScene() == null || pinNext.getScene() == null) {
            return;
        }
        double view = pinScroll.getViewportBounds().getHeight();
        double h = c.getLayoutBounds().getHeight() - view;
        if (view <= 0 || h <= 0) {
            return;
        }
        Node result = pinFrom.resultLabel();
        javafx.geometry.Bounds a = c.sceneToLocal(pinFrom.localToScene(pinFrom.getLayoutBounds()));
        double from = result.isVisible() ? c.sceneToLocal(result.localToScene(result.getLayoutBounds())).getMinY() : a.getMinY();
        javafx.geometry.Bounds b = c.sceneToLocal(pinNext.localToScene(pinNext.getLayoutBounds()));
        double top = place(from, a.getMaxY(), b.getMinY(), b.getMaxY(), view);
        pinScroll.setVvalue(Math.min(1, Math.max(0, top) / h));
    }

    /**
     * The checkpoint whose question is kept in view beside explanation {@code k}: k itself while it is open (a
     * hint shows), else the first open one after it, else the first open one before it; -1 when all are answered.
     */
    private int openBox(int k) {
        int n = shownBoxes.size();
        for (int i = 0; i < n; i++) {
            int j = (k + i) % n;
            if (shownBoxes.get(j).open()) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Presentation mode: the paragraph the narration is kept scrolled to (a checkpoint's question, then its
     * explanation), again whenever the narration's room or length changes (the checkpoint pinned below
     * it, the window resized, the typeset maths arriving), until the teacher scrolls by hand. Null: none.
     */
    private Node follow;
    /**
     * The question kept in view with {@link #follow} (the next one still open, on a step with several
     * checkpoints), or null. When both cannot show whole, the question does; the explanation then shows
     * as far as there is room above the question (or below it), the rest a scroll away.
     */
    private Node followQuestion;

    private void follow(Node n, Node question) {
        follow = n;
        followQuestion = question;
        scrollTo(n, question);
        // once more after the layout pass this change starts (the pinned checkpoint takes its height)
        javafx.application.Platform.runLater(() -> {
            if (follow == n && followQuestion == question) {
                scrollTo(n, question);
            }
        });
    }

    private void unfollow() {
        follow = null;
        followQuestion = null;
    }

    private void scrollBy(double v) {
        scroll.setVvalue(v);
    }

    /** The checkpoint boxes of a step: the one box, or those of a step with several (a box of boxes). */
    private static java.util.List<CheckpointBox> boxes(Node checkpoint) {
        if (checkpoint instanceof CheckpointBox box) {
            return java.util.List.of(box);
        }
        java.util.List<CheckpointBox> all = new java.util.ArrayList<>();
        if (checkpoint instanceof javafx.scene.Parent p) {
            for (Node n : p.getChildrenUnmodifiable()) {
                if (n instanceof CheckpointBox box) {
                    all.add(box);
                }
            }
        }
        return all;
    }

    /**
     * Presentation mode: the narration scrolled so that {@code n} (the current paragraph) starts at the top, or,
     * with a {@code question} to keep in view too, so that both show whole (from the upper one's top); when they
     * cannot, the question shows whole at the view's edge nearer to {@code n}, as much of {@code n} as fits beside it.
     */
    private void scrollTo(Node n, Node question) {
        scrollTo(n, question, !body.isNeedsLayout());
    }

    /** The same, from where the narration's parts are when {@code laidOut}, else from their preferred heights. */
    private void scrollTo(Node n, Node question, boolean laidOut) {
        if (n == null || n.getParent() != body) {
            return;
        }
        Node q = question != null && question.getParent() == body ? question : null;
        double view = scroll.getViewportBounds().getHeight();
        boolean placed = laidOut && body.getHeight() > 0 && n.getLayoutBounds().getHeight() > 0
                && (q == null || q.getLayoutBounds().getHeight() > 0);
        // from where the narration's parts are (laid out), else from the preferred heights (the scroll pane lays
        // its content out later than this runs)
        double width = Math.max(1, scroll.getViewportBounds().getWidth() - body.snappedLeftInset() - body.snappedRightInset());
        double[] a = span(n, placed, width);
        double top = a[0];
        if (q != null) {
            double[] b = span(q, placed, width);
            top = place(a[0], a[1], b[0], b[1], view);
        }
        double h = (placed ? body.getHeight() : body.prefHeight(width)) - view;
        scrollBy(h <= 0 ? 0 : Math.min(1, Math.max(0, top) / h));
    }

    /**
     * Where a view {@code view} high starts to show a part (from {@code a0} to {@code a1}) and the question kept
     * with it ({@code b0} to {@code b1}): both whole from the upper one's top; when they cannot, the question
     * whole at the view's edge nearer the part, as much of the part as fits beside it.
     */
    private static double place(double a0, double a1, double b0, double b1, double view) {
        double from = Math.min(a0, b0);
        double to = Math.max(a1, b1);
        if (to - from <= view) {
            return from;
        }
        if (b0 >= a0 && b1 - b0 <= view) {
            return b1 - view; // the question at the bottom, the part's end above it
        }
        return b0;
    }

    /** Where {@code n} starts and ends in the narration: laid out, or from the preferred heights of the parts above it. */
    private double[] span(Node n, boolean laidOut, double width) {
        if (laidOut) {
            javafx.geometry.Bounds b = n.getBoundsInParent();
            return new double[] {b.getMinY(), b.getMaxY()};
        }
        double y = body.snappedTopInset();
        for (Node c : body.getChildren()) {
            if (c == n) {
                break;
            }
            if (c.isManaged()) {
                y += c.prefHeight(width) + body.getSpacing();
            }
        }
        return new double[] {y, y + n.prefHeight(width)};
    }

    /** The narration's scroll position, 0 (top) to 1 (bottom). */
    double narrationScroll() {
        return scroll.getVvalue();
    }

    /**
     * Presentation mode: the lesson's title on one line, its type made smaller (down to 14 px) when the
     * strip is narrower than the title; only a title too long even then ends in "…".
     */
    private void fitTitle() {
        if (!presenting) {
            title.setStyle("");
            return;
        }
        title.setStyle("");
        title.applyCss();
        javafx.scene.text.Font f = title.getFont();
        double room = title.getWidth() - title.snappedLeftInset() - title.snappedRightInset();
        if (room <= 0 || title.getText() == null) {
            return;
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title.getText());
        probe.setFont(f);
        double w = probe.getLayoutBounds().getWidth();
        if (w > room) {
            double size = Math.floor(f.getSize() * room / w * 10) / 10;
            // too long for one line even at the smallest size: two lines at that size, never "…"
            boolean oneLine = size >= MIN_PRESENTING_PX;
            if (oneLine) {
                title.getStyleClass().remove("presenting-title");
                title.getStyleClass().add("presenting-title");
            } else {
                title.getStyleClass().remove("presenting-title");
            }
            title.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", Math.max(MIN_PRESENTING_PX, size)));
        } else if (!title.getStyleClass().contains("presenting-title")) {
            title.getStyleClass().add("presenting-title");
        }
    }

    /** The smallest type in presentation mode (issue 12: no text under 14 px on the class screen). */
    static final double MIN_PRESENTING_PX = 14;

    /** Whether the step shown is the lesson's last (Next reads Finish). */
    private boolean last;

    private static final javafx.css.PseudoClass LOCKED = javafx.css.PseudoClass.getPseudoClass("locked");

    /** Next waits for an answer ({@code require: answer}): it looks locked and its tooltip says so. */
    void lockNext(boolean locked) {
        next.pseudoClassStateChanged(LOCKED, locked);
        next.getTooltip().setText(Messages.get(locked ? "lesson.next.required" : "lesson.next.tip"));
    }

    /** Whether Next looks locked (tests). */
    boolean nextLocked() {
        return next.getPseudoClassStates().contains(LOCKED);
    }

    /** Presentation mode: ◀ and ▶ alone (their tooltips say what they do), Finish spelled out. */
    private void navTexts() {
        previous.setText(presenting ? "\u25c0" : Messages.get("lesson.previous"));
        next.setText(last ? Messages.get("lesson.finish") : presenting ? "\u25b6" : Messages.get("lesson.next"));
    }

    private static Region counterGap() {
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        return g;
    }

    /** A problem applying the step (a broken lesson): shown here, never thrown. */
    void showProblem(String message) {
        problem.setText(message == null ? "" : Messages.format("lesson.problem", message));
        problem.setVisible(message != null);
    }

    String problemText() {
        return problem.isVisible() ? problem.getText() : null;
    }

    VBox body() {
        return body;
    }

    private static Button button(String key) {
        Button b = new Button(Messages.get(key));
        b.setId(Ids.of(key));
        return b;
    }

    /**
     * Presentation mode: a narrow strip whose title stays on one line and whose × and Next ▶ always fit
     * (the lesson list and Restart are not needed in front of a class; they come back on leaving).
     */
    public void setPresenting(boolean presenting) {
        boolean was = this.presenting;
        this.presenting = presenting;
        placeCheckpoint();
        navTexts();
        counter.setMinWidth(presenting ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
        // the room goes to the narration and the checkpoint: Previous / Next join the step counter's row
        if (presenting && !was) {
            nav.getChildren().removeAll(previous, next);
            counterRow.getChildren().setAll(counter, counterGap(), previous, next);
            nav.setVisible(false);
            nav.setManaged(false);
        } else if (!presenting && was) {
            counterRow.getChildren().setAll(counter, counterGap(), glossary);
            nav.getChildren().add(0, previous);
            nav.getChildren().add(next);
            nav.setVisible(true);
            nav.setManaged(true);
        }
        for (Button b : new Button[] {list, restart}) {
            b.setVisible(!presenting);
            b.setManaged(!presenting);
        }
        title.setWrapText(!presenting);
        if (presenting) {
            title.getStyleClass().add("presenting-title");
        } else {
            title.getStyleClass().remove("presenting-title");
        }
        javafx.application.Platform.runLater(this::fitTitle);
        title.setMinWidth(presenting ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        next.setMinWidth(presenting ? javafx.scene.layout.Region.USE_PREF_SIZE : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        previous.setMinWidth(presenting ? javafx.scene.layout.Region.USE_PREF_SIZE : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }
}
