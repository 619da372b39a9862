package rnnlab.lessons;

import java.nio.file.Path;
import java.util.List;

/** The checks of one step against the shape its scene builds. */
final class StepChecks {
    private final Path file;
    private final Step step;
    private final LessonValidator.Shape shape;
    private final List<Problem> problems;
    /** How a problem names the step: {@code step "Title"}, or its scene after the answer. */
    private final String where;

    StepChecks(Path file, Step step, LessonValidator.Shape shape, List<Problem> problems) {
        this(file, step, shape, problems, "step \"" + step.title() + "\"");
    }

    private StepChecks(Path file, Step step, LessonValidator.Shape shape, List<Problem> problems, String where) {
        this.file = file;
        this.step = step;
        this.shape = shape;
        this.problems = problems;
        this.where = where;
    }

    private void problem(String message) {
        problems.add(new Problem(file, step.line(), where + ": " + message));
    }

    private void problem(int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    void run() {
        Scene sc = step.scene();
        int t = shape.steps();
        if (t > 0 && sc.step() != null && sc.step() != Scene.END && sc.step() > t) {
            problem("step " + sc.step() + " is past the sequence's " + t + " steps");
        }
        if (t > 0 && sc.backward() != null && sc.backward() != Scene.END && sc.backward() > t) {
            problem("backward " + sc.backward() + " is past the sequence's " + t + " BPTT steps");
        }
        if (sc.unit() != null && sc.unit() > shape.hidden()) {
            problem("unit " + sc.unit() + " does not exist: the model has " + shape.hidden() + " units");
        }
        if (sc.layer() != null && sc.layer() > shape.layers()) {
            problem("layer " + sc.layer() + " does not exist: the model has " + shape.layers() + " layer(s)");
        }
        List<String> gates = LessonValidator.gates(shape.cell());
        if (sc.gate() != null && !gates.contains(sc.gate())) {
            problem("gate \"" + sc.gate() + "\" is not a gate of a " + shape.cell() + " cell" + gateList(gates));
        }
        if (sc.views() != null) {
            for (String v : sc.views()) {
                String needs = cellOfView(v);
                if (needs != null && !cellMatches(needs)) {
                    problem("the view " + v + " draws " + needs + " cells; this step's model is " + shape.cell());
                }
            }
        }
        String hl = sc.highlight();
        if (hl != null && !hl.isEmpty()) {
            String view = ElementIds.viewOf(hl);
            if (view != null && sc.views() != null && !sc.views().contains(view)) {
                problem("the highlight \"" + hl + "\" is drawn by " + view + ", which this step does not show");
            }
            String needs = view == null ? null : cellOfView(view);
            if (needs != null && !cellMatches(needs)) {
                problem("the highlight \"" + hl + "\" is part of a " + needs + " cell; this step's model is " + shape.cell());
            }
            checkNumbersIn(hl);
        }
        if ("training".equals(sc.panel()) && sc.task() == null) {
            problem("the training panel needs a \"task\"");
        }
        for (Checkpoint c : step.checkpoints()) {
            if (c.value() != null) {
                quantity(c.value(), c.line());
                String shownBy = AnswerVisibility.shownBy(sc, c.value(), shape.steps());
                if (shownBy != null) {
                    problem(c.line(), "checkpoint \"" + c.id() + "\": its answer (" + c.value().text() + ") is on screen in "
                            + shownBy + " at this step; mask it (mask: " + AnswerVisibility.part(c.value())
                            + ") or ask before the step is taken");
                }
            }
            if (c.goal() != null) {
                quantity(c.goal(), c.line());
            }
            if (c.reveal() != null) {
                // the scene after the answer gets the same checks as a step's own scene
                Step after = new Step(step.index(), step.title(), step.narration(), sc.afterAnswer(c.reveal()), List.of(), c.line());
                new StepChecks(file, after, shape, problems, "reveal of checkpoint \"" + c.id() + "\"").run();
            }
        }
    }

    private void checkNumbersIn(String id) {
        String[] parts = id.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].matches("[0-9]+")) {
                continue;
            }
            int n = Integer.parseInt(parts[i]);
            String kind = parts[i - 1];
            if (kind.equals("unit") && n > shape.hidden()) {
                problem("the highlight \"" + id + "\" names unit " + n + " of " + shape.hidden());
            } else if ((kind.equals("step") || kind.equals("char") || kind.equals("station") || kind.equals("hh"))
                    && shape.steps() > 0 && n > shape.steps() + 1) {
                problem("the highlight \"" + id + "\" names step " + n + " of " + shape.steps());
            }
        }
    }

    private void quantity(Quantity q, int line) {
        String where = "\"" + q.text() + "\": ";
        if (q.seq2seq()) {
            // computed from the seq2seq: model, not the step's single network: its steps and units do not apply
            if (step.scene().seq2seq() == null) {
                problem(line, where + "an encoder–decoder quantity needs a seq2seq: line (a model file and an input) in this step's scene");
            }
            if (q.divisor() != null && !q.divisor().seq2seq()) {
                problem(line, where + "an encoder–decoder quantity can only be divided by another one");
            }
            return;
        }
        if (q.unit() > shape.hidden()) {
            problem(line, where + "unit " + q.unit() + " does not exist: the model has " + shape.hidden() + " units");
        }
        if (q.step() > 0 && q.step() != Quantity.END && shape.steps() > 0 && q.step() > shape.steps()) {
            problem(line, where + "step " + q.step() + " is past the sequence's " + shape.steps() + " steps");
        }
        if (q.layer() > shape.layers()) {
            problem(line, where + "layer " + q.layer() + " does not exist: the model has " + shape.layers() + " layer(s)");
        }
        if (q.backward() && !shape.bidirectional()) {
            problem(line, where + "the model is not bidirectional");
        }
        List<String> gates = LessonValidator.gates(shape.cell());
        if (q.gate() != null && !gates.contains(q.gate())) {
            problem(line, where + "\"" + q.gate() + "\" is not a gate of a " + shape.cell() + " cell" + gateList(gates));
        }
        if ((q.name().equals("cell") || q.name().equals("grad_c")) && !hasCellState(shape.cell())) {
            problem(line, where + "only an LSTM has a cell state; this step's model is " + shape.cell());
        }
        if (q.name().equals("prob") && shape.vocab() != null && !shape.vocab().contains(q.symbol())) {
            problem(line, where + "\"" + q.symbol() + "\" is not in the vocabulary " + shape.vocab());
        }
        if (q.divisor() != null) {
            quantity(q.divisor(), line);
        }
    }

    private static String gateList(List<String> gates) {
        return gates.isEmpty() ? " (it has none)" : " (" + String.join(", ", gates) + ")";
    }

    /** lstm, gru or rnn for the cell views; null for the views that fit every model. */
    private static String cellOfView(String view) {
        return switch (view) {
            case "view.lstm", "view.belt" -> "lstm";
            case "view.gru" -> "gru";
            case "view.rnn" -> "rnn";
            default -> null;
        };
    }

    private boolean cellMatches(String needs) {
        return needs.equals("rnn") ? shape.cell().startsWith("rnn") : shape.cell().equals(needs);
    }

    private static boolean hasCellState(String cell) {
        rnnlab.engine.CellType c = rnnlab.engine.CellType.fromId(cell);
        return c != null && c.hasCellState();
    }
}
