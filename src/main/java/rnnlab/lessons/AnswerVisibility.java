package rnnlab.lessons;

import java.util.List;

/**
 * Whether a checkpoint's answer can be read off a view at its step: a question whose value is drawn
 * unmasked is a transcription, not a prediction. Covers the quantities the views draw as numbers or bars:
 * {@code hidden}, {@code cell}, {@code gate X} and {@code prob}, when the step's position has computed them.
 */
final class AnswerVisibility {
    private AnswerVisibility() {
    }

    /** The mask part that hides the quantity, or null when masking does not apply to it. */
    static String part(Quantity q) {
        return switch (q.name()) {
            case "hidden" -> "h";
            case "cell" -> "c";
            case "gate" -> "gate " + q.gate();
            case "prob" -> "output";
            default -> null;
        };
    }

    /**
     * The first visible view that shows the quantity's value at this scene's position unmasked, or null.
     *
     * @param steps the sequence's length (for {@code step: end} and {@code backward})
     */
    static String shownBy(Scene sc, Quantity q, int steps) {
        String part = part(q);
        if (part == null || q.divisor() != null || q.step() <= 0 || sc.views() == null) {
            return null;
        }
        if (sc.maskedParts().contains(part) || (q.name().equals("gate") && sc.maskedParts().contains("gates"))) {
            return null;
        }
        int position;
        if (sc.backward() != null) {
            position = steps;
        } else if (sc.step() == null) {
            position = 0;
        } else {
            position = sc.step() == Scene.END ? steps : sc.step();
        }
        int t = q.step();
        if (position < t) {
            return null; // not computed yet: the student predicts before stepping
        }
        boolean cursor = position == t; // the cell views, formulas and output draw the cursor's step
        boolean previous = position == t + 1; // …and the cell views draw h_{t−1}, c_{t−1} as inputs
        for (String v : sc.views()) {
            if (shows(v, q.name(), cursor, previous)) {
                return v;
            }
        }
        return null;
    }

    private static boolean shows(String view, String name, boolean cursor, boolean previous) {
        return switch (name) {
            case "hidden" -> List.of("view.unrolled", "view.heatmap", "view.text").contains(view)
                    || ((cursor || previous) && List.of("view.rnn", "view.lstm", "view.gru").contains(view))
                    || (cursor && view.equals("view.formulas"));
            case "cell" -> view.equals("view.belt") || ((cursor || previous) && view.equals("view.lstm"))
                    || (cursor && view.equals("view.formulas"));
            case "gate" -> cursor && List.of("view.lstm", "view.gru", "view.formulas").contains(view);
            case "prob" -> cursor && List.of("view.output", "view.formulas").contains(view);
            default -> false;
        };
    }
}
