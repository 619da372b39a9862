package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Seq2SeqRun;
import rnnlab.io.Seq2SeqIO;
import rnnlab.lessons.Quantity;
import rnnlab.lessons.Seq2SeqShow;
import rnnlab.session.Seq2SeqQuantities;

/**
 * The encoder–decoder quantities of lesson checkpoints (lessons 17 and 18): parsed from words, computed
 * from the step's {@code seq2seq:} model equal to the engine's own numbers (a {@link Seq2SeqRun} driven
 * here), and a quantity that does not fit reported by {@code lessons check} with its file and line.
 */
class Seq2SeqLessonQuantitiesTest {
    static final Path MODELS = Path.of("lessons/models");

    @TempDir
    Path dir;

    private static Seq2SeqShow show(String model, String input) {
        return new Seq2SeqShow(MODELS.resolve(model + ".s2s.json"), input);
    }

    @Test
    void parsesTheEncoderDecoderQuantitiesAndRefusesIncompleteOnes() {
        Quantity a = Quantity.parse("attention step 2 source 7");
        assertThat(a.seq2seq()).isTrue();
        assertThat(a.step()).isEqualTo(2);
        assertThat(a.source()).isEqualTo(7);
        assertThat(a.text()).isEqualTo("attention step 2 source 7");
        Quantity g = Quantity.parse("grad_enc \"one hundred\" source 1");
        assertThat(g.symbol()).isEqualTo("one hundred");
        assertThat(g.text()).isEqualTo("grad_enc \"one hundred\" source 1");
        assertThat(Quantity.parse("hidden unit 1 step 2").seq2seq()).isFalse();
        assertThatThrownBy(() -> Quantity.parse("attention step 2")).hasMessageContaining("attention step 1 source 8");
        assertThatThrownBy(() -> Quantity.parse("grad_enc source 2")).hasMessageContaining("in quotes");
        assertThatThrownBy(() -> Quantity.parse("hidden unit 1 step 2 source 3")).hasMessageContaining("only attention and grad_enc");
        assertThatThrownBy(() -> Quantity.parse("output_length step 3")).hasMessageContaining("takes no step");
    }

    @Test
    void valuesAreTheEnginesOwn() throws Exception {
        Seq2SeqIO.Loaded m = Seq2SeqIO.read(MODELS.resolve("s2s-reverse-additive.s2s.json"));
        int[] src = ids(m.sourceVocab(), "31415926");
        // greedy, as the window decodes
        Seq2SeqRun greedy = new Seq2SeqRun(m.model(), 8, 9);
        greedy.load(src, new int[] {0}, null, true);
        greedy.forward();
        Seq2SeqShow rev = show("s2s-reverse-additive", "31415926");
        for (int t = 1; t <= 9; t++) {
            for (int s = 1; s <= 8; s++) {
                assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("attention step " + t + " source " + s), rev))
                        .isCloseTo(greedy.attentionWeights().get(t - 1, s - 1), within(1e-15));
            }
        }
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("attention_argmax step 1"), rev)).isEqualTo(8.0);
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("output_length"), rev)).isEqualTo(8.0);
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("output_correct \"62951413\""), rev)).isEqualTo(8.0);
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("output_correct \"62951400\""), rev)).isEqualTo(6.0);
        // teacher forcing and the whole BPTT
        int[] target = ids(m.targetVocab(), "62951413");
        int[] in = new int[9];
        int[] out = new int[9];
        in[0] = m.targetVocab().indexOf("<s>");
        out[8] = m.targetVocab().indexOf("</s>");
        assertThat(in[0]).isZero();
        assertThat(out[8]).isEqualTo(1);
        System.arraycopy(target, 0, in, 1, 8);
        System.arraycopy(target, 0, out, 0, 8);
        Seq2SeqRun tf = new Seq2SeqRun(m.model(), 8, 9);
        tf.load(src, in, out);
        double loss = tf.forwardBackward();
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("s2s_loss \"62951413\""), rev)).isCloseTo(loss, within(1e-12));
        for (int s = 1; s <= 8; s++) {
            double n = 0;
            for (int k = 0; k < tf.encoderStateGradients().numCols; k++) {
                n += tf.encoderStateGradients().get(s - 1, k) * tf.encoderStateGradients().get(s - 1, k);
            }
            assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("grad_enc \"62951413\" source " + s), rev))
                    .isCloseTo(Math.sqrt(n), within(1e-12));
        }
        // without attention, the decoder hands a gradient to the last encoder state only
        Seq2SeqShow none = show("s2s-reverse-none", "31415926");
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("grad_enc \"62951413\" source 1"), none)).isZero();
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("grad_enc \"62951413\" source 8"), none)).isGreaterThan(1);
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("output_correct \"62951413\""), none)).isEqualTo(5.0);
        assertThatThrownBy(() -> Seq2SeqQuantities.evaluate(Quantity.parse("attention step 1 source 1"), none))
                .hasMessageContaining("no attention");
        // words in, Chinese numerals out
        Seq2SeqShow num = show("numbers-additive", "one hundred twenty three");
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("attention_argmax step 2"), num)).isEqualTo(2.0);
        assertThat(Seq2SeqQuantities.evaluate(Quantity.parse("output_correct \"一百二十三\""), num)).isEqualTo(5.0);
        assertThatThrownBy(() -> Seq2SeqQuantities.evaluate(Quantity.parse("output_correct \"12x\""), num))
                .hasMessageContaining("\"1\" (symbol 1) is not in the model's output vocabulary");
    }

    private static int[] ids(java.util.List<String> vocab, String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vocab.indexOf(text.substring(i, i + 1));
            assertThat(out[i]).isNotNegative();
        }
        return out;
    }

    /** Lessons 17 and 18 with their models, each {@code from → to} applied to lesson 18 in both languages. */
    private void copyWith(String... fromTo) throws Exception {
        Files.createDirectories(dir.resolve("models"));
        for (String m : new String[] {"s2s-reverse-none", "s2s-reverse-additive", "dates-additive", "numbers-additive"}) {
            Files.copy(MODELS.resolve(m + ".s2s.json"), dir.resolve("models/" + m + ".s2s.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        for (String lang : new String[] {"en", "zh"}) {
            Files.copy(Path.of("lessons/17-encoder-decoder." + lang + ".md"), dir.resolve("17-encoder-decoder." + lang + ".md"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String t = Files.readString(Path.of("lessons/18-attention." + lang + ".md"));
            for (int i = 0; i < fromTo.length; i += 2) {
                assertThat(t).contains(fromTo[i]);
                t = t.replace(fromTo[i], fromTo[i + 1]);
            }
            Files.writeString(dir.resolve("18-attention." + lang + ".md"), t);
        }
    }

    @Test
    void lessonsCheckComputesTheShippedSeq2SeqCheckpointsAndNamesFileAndLineOfABadOne() throws Exception {
        copyWith();
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString(), "--answers");
        assertThat(r.status()).as(r.out()).isZero();
        // line numbers read from the lessons, so that a note or a rewording above does not break the test
        int firstOutput = lineOf("18-attention.en.md", "id: first-output-looks") - 1; // the ```check line
        int drifts = lineOf("17-encoder-decoder.en.md", "id: where-it-drifts") - 1;
        int month = lineOf("18-attention.en.md", "id: dates-month") - 1;
        int monthScene = month - 1; // the same check, one line up once the scene's seq2seq: line is taken out
        assertThat(r.out()).contains("18-attention.en.md:" + firstOutput + ": first-output-looks: attention_argmax step 1 = 8 -> \"the last input digit, 6\"")
                .contains("17-encoder-decoder.en.md:" + drifts + ": where-it-drifts: output_correct \"62951413\" = 5 -> \"five to seven\"")
                .contains("exercise ex-attention-gradient: grad_enc \"62951413\" source 1 = 0.349")
                .contains("2 lessons checked in " + dir + ": all fine");
        // a decoder step past the output
        copyWith("value: attention_argmax step 7", "value: attention_argmax step 30");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).as(r.out()).contains("18-attention.en.md:" + month + ": cannot compute the checkpoint: \"attention_argmax step 30\": "
                + "decoder step 30 is past the output's 11 steps (its symbols and the end token)");
        // an encoder–decoder quantity on a step without a seq2seq: line
        copyWith("seq2seq: models/dates-additive.s2s.json March 5, 2021\n", "");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).as(r.out()).contains("18-attention.en.md:" + monthScene + ": \"attention_argmax step 7\": an encoder–decoder quantity needs a seq2seq: line");
    }

    /** The 1-based line of the first line of the shipped lesson that starts with {@code start} (trimmed). */
    private static int lineOf(String file, String start) throws java.io.IOException {
        java.util.List<String> lines = Files.readAllLines(java.nio.file.Path.of("lessons", file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in " + file);
    }
}
