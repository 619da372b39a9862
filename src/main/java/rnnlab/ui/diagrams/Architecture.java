package rnnlab.ui.diagrams;

/** How inputs and outputs attach to the unrolled steps. */
public enum Architecture {
    /** An input and an output at every step (e.g. character language model). */
    MANY_TO_MANY,
    /** Inputs at every step, one output at the last (e.g. classifying a sequence). */
    MANY_TO_ONE,
    /** One input at the first step, an output at every step (e.g. generating from a seed). */
    ONE_TO_MANY,
    /** An encoder reads the inputs; its final state starts a decoder with its own weights that emits outputs. */
    ENCODER_DECODER
}
