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
 * The lesson panel beside the views: the lesson's title, "Step n of m", the step's title, its
 * narration and checkpoint (scrolling), a problem line when the step's scene could not be applied, and
 * Previous / Next / Restart. It only shows; {@link LessonPlayer} decides.
 */
final class LessonPanel extends VBox {
    private final Label title = new Label();
    private final Label counter = new Label();
    private final Label stepTitle = new Label();
    private final Label problem = new Label();
    private final VBox body = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(body);
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
        HBox nav = new HBox(8, previous, restart, gap, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        glossary.setId(Ids.of("lesson.glossary"));
        glossary.setMinWidth(Region.USE_PREF_SIZE);
        Region counterGap = new Region();
        HBox.setHgrow(counterGap, Priority.ALWAYS);
        HBox counterRow = new HBox(8, counter, counterGap, glossary);
        counterRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, counterRow, stepTitle, problem, scroll, nav);
    }

    void show(String lessonTitle, int index, int count, String step, Node narration, Node checkpoint) {
        title.setText(lessonTitle);
        counter.setText(Messages.format("lesson.counter", index + 1, count));
        stepTitle.setText(step);
        body.getChildren().setAll(narration);
        if (checkpoint != null) {
            body.getChildren().add(checkpoint);
        }
        previous.setDisable(index == 0);
        next.setText(Messages.get(index == count - 1 ? "lesson.finish" : "lesson.next"));
        scroll.setVvalue(0);
        showProblem(null);
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
        for (Button b : new Button[] {list, restart}) {
            b.setVisible(!presenting);
            b.setManaged(!presenting);
        }
        title.setWrapText(!presenting);
        title.setMinWidth(presenting ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        next.setMinWidth(presenting ? javafx.scene.layout.Region.USE_PREF_SIZE : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }
}
