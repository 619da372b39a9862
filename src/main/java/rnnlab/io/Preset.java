package rnnlab.io;

import rnnlab.engine.CellType;

/** A ready-made model shape to start from; {@code id} is stable (scenarios store it), the title comes from the bundle. */
public enum Preset {
    TINY_RNN("tiny_rnn", CellType.RNN_TANH, 3, 1, false),
    LSTM_8("lstm_8", CellType.LSTM, 8, 1, false),
    GRU_6("gru_6", CellType.GRU, 6, 1, false),
    LSTM_2_LAYERS("lstm_2x4", CellType.LSTM, 4, 2, false),
    BIGRU_4("bigru_4", CellType.GRU, 4, 1, true);

    public final String id;
    public final CellType cell;
    public final int hidden;
    public final int layers;
    public final boolean bidirectional;

    Preset(String id, CellType cell, int hidden, int layers, boolean bidirectional) {
        this.id = id;
        this.cell = cell;
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
    }

    /** Bundle key of the title, e.g. {@code preset.tiny_rnn}. */
    public String titleKey() {
        return "preset." + id;
    }

    public static Preset fromId(String id) {
        for (Preset p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        return null;
    }
}
