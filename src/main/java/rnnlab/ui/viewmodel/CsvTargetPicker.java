package rnnlab.ui.viewmodel;

import java.util.List;
import java.util.Optional;

/**
 * Asks, on the FX thread, which columns of a .csv sequence are its targets and which loss they have (the
 * app shows a dialog; issue 14: "--target-column or a dialog picks targets and the loss"). An empty answer
 * cancels the opening.
 */
@FunctionalInterface
public interface CsvTargetPicker {
    /** The loss ids a .csv's targets can have, in the order a dialog offers them. */
    List<String> LOSSES = List.of("mse", "bce", "cross_entropy");

    Optional<Choice> pick(String fileName, Columns columns);

    /**
     * The file's header, the model's inputs per step and outputs, the loss its head suggests and the columns
     * the reader takes by default (the last ones when the count fits; else none).
     */
    record Columns(List<String> header, int inputs, int outputWidth, String defaultLoss, List<String> defaultTargets) {
        public Columns {
            header = List.copyOf(header);
            defaultTargets = List.copyOf(defaultTargets);
        }

        /** How many target columns a loss needs with this model (cross-entropy: one class index). */
        public int targetsFor(String loss) {
            return "cross_entropy".equals(loss) ? 1 : outputWidth;
        }

        /** Whether {@code targets} with {@code loss} leave exactly the model's inputs (no targets: every column an input). */
        public boolean fits(List<String> targets, String loss) {
            int n = targets.size();
            return n == 0 ? header.size() == inputs : n == targetsFor(loss) && header.size() - n == inputs;
        }
    }

    /** The chosen target columns (in the header's order) and loss id. */
    record Choice(List<String> targets, String loss) {
        public Choice {
            targets = List.copyOf(targets);
        }
    }
}
