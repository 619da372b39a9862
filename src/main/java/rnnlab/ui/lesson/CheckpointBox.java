package rnnlab.ui.lesson;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import rnnlab.lessons.Checkpoint;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * One checkpoint, predict then reveal: options and Check for a choice, a field and Check for a number
 * (Enter checks too), the goal and whether it is reached for a goal. After the answer: right or wrong,
 * the engine's value and the explanation. It only shows; the player computes and decides.
 */
final class CheckpointBox extends VBox {
    private final Checkpoint check;
    private final NarrationStyle style;
    private final ToggleGroup group = new ToggleGroup();
    private final TextField field = new TextField();
    private final Button submit = new Button(Messages.get("lesson.check"));
    private final Label result = new Label();
    private final VBox explanation = new VBox();
    private int tries;
    private boolean hinted;
    private final VBox question;
    /** What the checkpoint asks for ("Predict, then check"): left out in presentation mode. */
    private final Label kind;
    /** Check (after the field, for a number) and what is added beside it (the class poll's button); null for a goal. */
    private javafx.scene.layout.FlowPane actions;
    /** A choice's options (else null). */
    private VBox options;
    /** Presentation mode: the question and explanation shown in the narration, the rest kept short. */
    private boolean apart;
    /** A choice's options: they scroll inside the box when the box is given less than its height (else null). */
    private OptionsScroll optionsScroll;

    /** How narration is drawn (font size, colour, typesetter) — the panel's current look. */
    interface NarrationStyle {
        VBox render(String markdown);
    }

    /**
     * @param onAnswer told the answer: the option's index or the typed number's text
     */
    CheckpointBox(Checkpoint check, NarrationStyle style, BiConsumer<Checkpoint, String> onAnswer) {
        super();
        this.check = check;
        this.style = style;
        getStyleClass().add("checkpoint");
        setId(Ids.of("lesson.checkpoint"));
        kind = new Label(Messages.get("lesson.checkpoint." + check.kind().name().toLowerCase(Locale.ROOT)));
        kind.getStyleClass().add("subtitle");
        kind.setWrapText(true);
        kind.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        question = style.render(check.question() == null ? "" : check.question());
        question.setId(Ids.of("lesson.checkpoint.question"));
        question.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        submit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(kind, question);
        result.setId(Ids.of("lesson.checkpoint.result"));
        result.getStyleClass().add("checkpoint-result");
        result.setWrapText(true);
        // the verdict keeps all its lines when the box is short of room (the options scroll instead)
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.setVisible(false);
        result.managedProperty().bind(result.visibleProperty());
        explanation.setId(Ids.of("lesson.checkpoint.explain"));
        submit.setId(Ids.of("lesson.checkpoint.check"));
        switch (check.kind()) {
            case CHOICE -> {
                options = new VBox(6);
                options.getStyleClass().add("checkpoint-option-list");
                for (int i = 0; i < check.options().size(); i++) {
                    RadioButton r = new RadioButton(check.options().get(i).text());
                    r.setId(Ids.of("lesson.option." + (i + 1)));
                    r.setUserData(i);
                    r.setToggleGroup(group);
                    r.setWrapText(true);
                    options.getChildren().add(r);
                }
                submit.disableProperty().bind(group.selectedToggleProperty().isNull());
                submit.setOnAction(e -> onAnswer.accept(check, String.valueOf(group.getSelectedToggle().getUserData())));
                optionsScroll = new OptionsScroll(options);
                actions = actions(submit);
                getChildren().addAll(optionsScroll, actions);
            }
            case NUMBER -> {
                field.setId(Ids.of("lesson.checkpoint.number"));
                field.setPromptText(Messages.get("lesson.checkpoint.numberPrompt"));
                field.setPrefColumnCount(10);
                Runnable send = () -> {
                    if (!field.getText().isBlank()) {
                        onAnswer.accept(check, field.getText().trim());
                    }
                };
                field.setOnAction(e -> send.run());
                submit.disableProperty().bind(field.textProperty().isEmpty());
                submit.setOnAction(e -> send.run());
                submit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                field.setMinWidth(60);
                HBox.setHgrow(field, javafx.scene.layout.Priority.SOMETIMES);
                actions = actions(new HBox(8, field, submit));
                getChildren().add(actions);
            }
            case GOAL -> result.setVisible(true);
        }
        getChildren().addAll(result, explanation);
    }

    Checkpoint checkpoint() {
        return check;
    }

    /** Check's row: it wraps (Check, then what is added beside it on the next line) when the box is narrow. */
    private static javafx.scene.layout.FlowPane actions(javafx.scene.Node first) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 6, first);
        row.getStyleClass().add("checkpoint-actions");
        return row;
    }

    /**
     * Something beside Check (the class poll's button), on the same row while there is room: a line less
     * for the pinned checkpoint. A goal has no Check: it goes below.
     */
    void addAction(javafx.scene.Node n) {
        if (actions != null) {
            actions.getChildren().add(n);
        } else {
            getChildren().add(n);
        }
    }

    /**
     * Presentation mode ({@link #apart}) keeps the pinned part short: no "Predict, then check" line, and
     * once a choice is answered only the option chosen stays, the result below it saying the right one.
     */
    private void compact() {
        kind.setVisible(!apart);
        kind.setManaged(!apart);
        if (options != null) {
            boolean closed = answered();
            for (javafx.scene.Node n : options.getChildren()) {
                boolean show = !apart || !closed || ((RadioButton) n).isSelected();
                n.setVisible(show);
                n.setManaged(show);
            }
        }
    }

    /**
     * Whether all of the box shows at the height it was given: its options need no scrolling and nothing
     * of it is cut off at its bottom (issue 12: the question, the options, Check and the result in view).
     */
    boolean wholeInView() {
        if (optionsScroll != null && optionsScroll.hidesOptions()) {
            return false;
        }
        double need = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n.isManaged()) {
                need = Math.max(need, n.getLayoutY() + n.getLayoutBounds().getHeight());
            }
        }
        return need <= getHeight() + 1;
    }

    /**
     * The options of a choice: as tall as they are while the box has the room, and scrolling inside it
     * (down to about two lines) when it has not, so that the question above and Check and the result below
     * stay in view.
     */
    private static final class OptionsScroll extends FitScroll {
        private final VBox options;

        OptionsScroll(VBox options) {
            super(options, 2);
            this.options = options;
            setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
            getStyleClass().add("checkpoint-options");
            setId(Ids.of("lesson.checkpoint.options"));
        }

        @Override
        protected double computeMinHeight(double width) {
            double one = options.getChildren().isEmpty() ? 0 : ((javafx.scene.Node) options.getChildren().get(0)).prefHeight(-1);
            return Math.min(computePrefHeight(width), 2 * one + options.getSpacing() + snappedTopInset() + snappedBottomInset());
        }

        /** The options are taller than the room they were given: some scroll out of view. */
        boolean hidesOptions() {
            javafx.geometry.Bounds v = getViewportBounds();
            return v.getHeight() > 0 && options.getLayoutBounds().getHeight() > v.getHeight() + 1;
        }
    }

    /**
     * The question: part of this box, or (presentation mode, {@code apart}) taken out so the lesson strip
     * shows it at the end of the narration, scrolled into view, while the options, Check and the result
     * stay pinned below it.
     */
    javafx.scene.Node question(boolean apart) {
        this.apart = apart;
        getChildren().remove(question);
        if (!apart) {
            getChildren().add(getChildren().indexOf(kind) + 1, question);
        }
        compact();
        return question;
    }

    /** The same for the explanation shown after the answer. */
    javafx.scene.Node explanation(boolean apart) {
        getChildren().remove(explanation);
        if (!apart) {
            getChildren().add(getChildren().indexOf(result) + 1, explanation);
        }
        return explanation;
    }

    /** Shows the answer given and the verdict; the question is closed from now on. */
    void reveal(String answer, boolean right, double value) {
        reveal(answer, Boolean.valueOf(right), value);
    }

    /** Shows the engine's answer without judging anyone (a class poll nobody answered): no verdict, no answer marked. */
    void revealUnjudged(double value) {
        reveal(null, null, value);
    }

    private void reveal(String answer, Boolean right, double value) {
        if (check.kind() == Checkpoint.Kind.CHOICE) {
            group.getToggles().forEach(t -> {
                ((RadioButton) t).setDisable(true);
                if (String.valueOf(t.getUserData()).equals(answer)) {
                    t.setSelected(true);
                }
            });
        } else if (check.kind() == Checkpoint.Kind.NUMBER) {
            if (answer != null) {
                field.setText(answer);
            }
            field.setEditable(false);
        }
        submit.disableProperty().unbind();
        submit.setDisable(true);
        int right0 = check.kind() == Checkpoint.Kind.CHOICE ? check.rightOption(value) : -1;
        String rightLabel = right0 >= 0 ? check.options().get(right0).text() : Checkpoint.format(value);
        boolean number = check.kind() == Checkpoint.Kind.NUMBER;
        if (right == null) {
            result.setText(number ? Messages.format("lesson.number.answer", Checkpoint.format(value))
                    : Messages.format("lesson.choice.answer", rightLabel));
            result.getStyleClass().removeAll("right", "wrong");
            result.setVisible(true);
        } else {
            String verdict = number
                    ? Messages.format(right ? "lesson.number.right" : "lesson.number.wrong", Checkpoint.format(value))
                    : Messages.format(right ? "lesson.choice.right" : "lesson.choice.wrong", rightLabel);
            showResult(verdict, right);
        }
        explanation.getChildren().setAll(style.render(check.explanation(value, rightLabel)));
        compact();
    }

    /** A first wrong answer to a question with a hint: the hint, and the question stays open for one retry. */
    void hint() {
        hinted = true;
        showResult(Messages.get("lesson.hint.tryAgain"), false);
        explanation.getChildren().setAll(style.render(check.hint()));
    }

    /** Whether the hint was shown (the next wrong answer is revealed). */
    boolean hinted() {
        return hinted;
    }

    /** The result line (the presenter view follows its text and whether it shows). */
    Label resultLabel() {
        return result;
    }

    String resultText() {
        return result.isVisible() ? result.getText() : null;
    }

    /** A goal: reached (with the explanation) or not yet, with the watched value now. */
    void goal(boolean reached, double value) {
        showResult(Messages.format(reached ? "lesson.goal.reached" : "lesson.goal.notYet", Checkpoint.format(value)), reached);
        if (reached) {
            explanation.getChildren().setAll(style.render(check.explanation(value, null)));
        } else {
            explanation.getChildren().clear();
        }
    }

    /** The value could not be computed (the lesson's quantity does not fit this model). */
    void unavailable() {
        result.setText(Messages.get("lesson.checkpoint.unavailable"));
        result.getStyleClass().removeAll("right", "wrong");
        result.setVisible(true);
    }

    private void showResult(String text, boolean right) {
        result.setText(text);
        result.getStyleClass().removeAll("right", "wrong");
        result.getStyleClass().add(right ? "right" : "wrong");
        result.setVisible(true);
    }

    /**
     * A first wrong answer: says so without giving the answer away and leaves the options (or the field)
     * open for another try, the focus where it was.
     */
    void tryAgain() {
        showTryAgain();
        if (check.kind() == Checkpoint.Kind.NUMBER) {
            field.selectAll();
            field.requestFocus();
        }
    }

    private void showTryAgain() {
        tries++;
        showResult(Messages.get("lesson.tryAgain"), false);
        explanation.getChildren().clear();
    }

    /**
     * The step shown again after a first wrong answer whose retry was not used: that answer chosen (or typed)
     * again and the hint (or "try again") as before, the question open for the one retry. The focus stays
     * where it is (the clicker's keys keep stepping the lesson).
     */
    void resumeRetry(String given) {
        if (check.kind() == Checkpoint.Kind.CHOICE) {
            group.getToggles().forEach(t -> {
                if (String.valueOf(t.getUserData()).equals(given)) {
                    t.setSelected(true);
                }
            });
        } else if (check.kind() == Checkpoint.Kind.NUMBER) {
            field.setText(given);
        }
        if (check.hint() != null) {
            hint();
        } else {
            showTryAgain();
        }
    }

    /** Wrong answers given so far that were not revealed (0 or 1). */
    int tries() {
        return tries;
    }

    /** Still waiting for its answer: a question not answered (revealed), or a goal not reached. */
    boolean open() {
        return check.kind() == Checkpoint.Kind.GOAL ? explanation.getChildren().isEmpty() : !answered();
    }

    boolean answered() {
        return submit.isDisabled() && !submit.disableProperty().isBound();
    }
}
