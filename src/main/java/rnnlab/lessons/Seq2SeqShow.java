package rnnlab.lessons;

import java.nio.file.Path;

/**
 * A scene's {@code seq2seq:} line: an encoder–decoder model file of the lesson folder and the input the
 * encoder–decoder window decodes for this step ({@code seq2seq: models/reverse-additive.s2s.json 31415926}).
 */
public record Seq2SeqShow(Path model, String input) {
}
