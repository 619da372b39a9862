package rnnlab.io.imports;

import rnnlab.engine.Activation;
import rnnlab.engine.CellType;

/**
 * What the user may say about a foreign model that its file does not.
 *
 * @param prefix     the key prefix of the recurrent module ("module.lstm."), or null to let RNN Lab find it
 * @param cell       the cell when shapes cannot say it (rnn_relu), or null
 * @param activation the head's output activation, or null to follow the sequence's loss
 */
public record ImportOptions(String prefix, CellType cell, Activation activation) {
    public static final ImportOptions NONE = new ImportOptions(null, null, null);
}
