package rnnlab.ui.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * The fixed answers of lessons 17 and 18 (encoder–decoder, attention) against the engine: the models they
 * ship decode and attend as the narration and the starred options say.
 */
class Seq2SeqLessonAnswersTest {
    private static Seq2SeqPlayback.Snapshot decode(Seq2SeqPlayback p, String input) throws Exception {
        p.load(input);
        return p.at(p.steps());
    }

    private static Seq2SeqPlayback model(String name) throws Exception {
        return Seq2SeqPlayback.read(Path.of("lessons/models", name + ".s2s.json"));
    }

    private static int argmax(double[] a) {
        int b = 0;
        for (int i = 1; i < a.length; i++) {
            b = a[i] > a[b] ? i : b;
        }
        return b;
    }

    @Test
    void withoutAttentionTheReversalDriftsAfterItsFirstDigits() throws Exception {
        Seq2SeqPlayback p = model("s2s-reverse-none");
        decode(p, "31415926");
        assertThat(p.outputText()).isEqualTo("62159493"); // lesson 17, step 3
        assertThat(p.outputText()).startsWith("62").isNotEqualTo("62951413");
        assertThat(p.shape()[3]).isEqualTo(32); // "32, the context vector"
        assertThat(p.hasAttention()).isFalse();
    }

    @Test
    void withAttentionTheFirstOutputLooksAtTheLastInput() throws Exception {
        Seq2SeqPlayback p = model("s2s-reverse-additive");
        Seq2SeqPlayback.Snapshot s = decode(p, "31415926");
        assertThat(p.outputText()).isEqualTo("62951413");
        assertThat(argmax(s.weights()[0])).isEqualTo(7);
        assertThat(s.weights()[0][7]).isBetween(0.6, 0.75); // "about 0.67"
    }

    @Test
    void datesMonthDigitsLookAtTheMonthName() throws Exception {
        Seq2SeqPlayback p = model("dates-additive");
        Seq2SeqPlayback.Snapshot s = decode(p, "March 5, 2021");
        assertThat(p.outputText()).isEqualTo("2021-03-05");
        // outputs 6 and 7 are the month "03"; "March" is inputs 1–5; the year digits are inputs 10–13
        assertThat(argmax(s.weights()[5])).isBetween(0, 4);
        assertThat(argmax(s.weights()[6])).isBetween(0, 4);
        assertThat(argmax(s.weights()[3])).isBetween(9, 12);
    }

    @Test
    void numbersHundredLooksAtHundred() throws Exception {
        Seq2SeqPlayback p = model("numbers-additive");
        Seq2SeqPlayback.Snapshot s = decode(p, "one hundred twenty three");
        assertThat(p.outputText()).isEqualTo("一百二十三");
        assertThat(p.targetSymbol(s.outputs()[1])).isEqualTo("百");
        assertThat(argmax(s.weights()[1])).isEqualTo(1);
        assertThat(s.weights()[1][1]).isGreaterThan(0.95); // "near 1 (0.97)"
        decode(p, "two thousand five");
        assertThat(p.outputText()).isEqualTo("二千零五");
    }
}
