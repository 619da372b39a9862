package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.io.ModelIO;

/** What an author meets: `lessons new`, ranges, overlapping options, unknown characters named on the text: line. */
class LessonsAuthorTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @TempDir
    Path dir;

    void copyWith(String... fromTo) throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            for (int i = 0; i < fromTo.length; i += 2) {
                assertThat(t).contains(fromTo[i]);
                t = t.replace(fromTo[i], fromTo[i + 1]);
            }
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t);
        }
    }

    @Test
    void aRangeWithTwoBoundsIsAnOption() throws Exception {
        copyWith("| > 0.5", "| 0.5 < x < 1", "| <= 0.5", "| 0 <= x <= 0.5");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString(), "--answers");
        assertThat(r.out()).contains("forget-next: gate f unit 2 step 5 = 0.597 -> \"above 0.5\"").contains("all fine");
        assertThat(r.status()).isZero();
        // the value 0.597 falls in neither range: no option is right
        copyWith("| > 0.5", "| 0.6 < x < 1", "| <= 0.5", "| 0 <= x <= 0.5");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("01-forget.en.md:25: no option is right for gate f unit 2 step 5 = 0.597");
    }

    @Test
    void aMalformedRangeSaysHowARangeIsWritten() throws Exception {
        copyWith("| > 0.5", "| 1 < x < 0.5");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:30: option: a range is written \"0.5 < x < 1\" (or with <=), lower bound first, not \"1 < x < 0.5\"");
    }

    @Test
    void twoOptionsRightForTheSameValueAreFlagged() throws Exception {
        copyWith("| <= 0.5", "| >= 0.4");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:31: options \"above 0.5\" (> 0.5) and \"below 0.5\" (>= 0.4) overlap: "
                + "a value of 1.5 makes both right");
        // touching but not overlapping bounds are fine
        copyWith("| <= 0.5", "| < 0.5");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out()).doesNotContain("overlap");
        copyWith("| > 0.5", "| 0.2 < x <= 0.5", "| <= 0.5", "| 0.5 <= x < 0.9");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out())
                .contains("01-forget.en.md:31: options \"above 0.5\" (0.2 < x <= 0.5) and \"below 0.5\" (0.5 <= x < 0.9) overlap: a value of 0.5");
    }

    @Test
    void aCharacterTheModelDoesNotKnowIsNamedOnTheTextLine() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        ModelIO.write(Model.zeros(new ModelConfig(CellType.GRU, 4, 3, 1, false, 0, 4, Activation.SOFTMAX,
                List.of("a", "b", "c", "d"))), dir.resolve("models/tiny.model.json"));
        String lesson = """
                ---
                id: vocab
                title: Vocabulary
                summary: A text the model cannot read.
                ---

                ## One
                ```scene
                model: models/tiny.model.json
                text: abcxab
                step: 2
                ```
                One.

                ```check
                id: h1
                kind: number
                question: h?
                value: hidden unit 1 step 1
                explain: {value}
                ```

                ## Two
                Two.

                ```check
                id: h2
                kind: number
                question: h?
                value: hidden unit 2 step 1
                explain: {value}
                ```

                ## Three
                Three.

                ## Four
                Four.
                """;
        Files.writeString(dir.resolve("01-vocab.en.md"), lesson);
        Files.writeString(dir.resolve("01-vocab.zh.md"), lesson);
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        // file:line of the text: line, the character's place in the text and its column on that line
        String expected = "01-vocab.en.md:10: text: \"x\" (character 4 of \"abcxab\", column 10) is not in the model's vocabulary: a b c d";
        assertThat(r.out()).contains(expected).doesNotContain("seq.error");
        // once, on the text line, not on each checkpoint
        assertThat(r.out().split(java.util.regex.Pattern.quote(expected), -1)).hasSize(2);

        // a quoted text: the column still points at the character on the line, past the quote
        String quoted = lesson.replace("text: abcxab", "text: \"abx\"");
        Files.writeString(dir.resolve("01-vocab.en.md"), quoted);
        Files.writeString(dir.resolve("01-vocab.zh.md"), quoted);
        assertThat(MainTest.run("lessons", "check", dir.toString()).out()).contains(
                "01-vocab.en.md:10: text: \"x\" (character 3 of \"abx\", column 10) is not in the model's vocabulary: a b c d");
    }

    @Test
    void newWritesASkeletonPairThatPassesTheChecker() throws Exception {
        MainTest.Result r = MainTest.run("lessons", "new", "my-gru", dir.toString());
        assertThat(r.status()).isZero();
        assertThat(dir.resolve("01-my-gru.en.md")).exists();
        assertThat(Files.readString(dir.resolve("01-my-gru.zh.md"))).contains("id: my-gru").contains("新课程");
        MainTest.Result check = MainTest.run("lessons", "check", dir.toString());
        assertThat(check.out()).contains("1 lessons checked in " + dir + ": all fine");
        assertThat(check.status()).isZero();
        // the next one gets the next number; the same name again is refused and nothing is overwritten
        assertThat(MainTest.run("lessons", "new", "second", dir.toString()).status()).isZero();
        assertThat(dir.resolve("02-second.en.md")).exists();
        MainTest.Result again = MainTest.run("lessons", "new", "my-gru", dir.toString());
        assertThat(again.status()).isNotZero();
        assertThat(again.err()).contains("there is already a lesson with this name");
        assertThat(MainTest.run("lessons", "new", "Bad Name", dir.toString()).err()).contains("lower-case letters, digits and -");
    }

    @Test
    void newFromAShippedLessonCopiesItWithItsModelFiles() throws Exception {
        MainTest.Result r = MainTest.run("lessons", "new", "my-addition", "--from", "binary-addition", dir.toString());
        assertThat(r.status()).isZero();
        assertThat(Files.readString(dir.resolve("01-my-addition.en.md"))).contains("id: my-addition");
        MainTest.Result check = MainTest.run("lessons", "check", dir.toString());
        assertThat(check.out()).contains("all fine");
        assertThat(MainTest.run("lessons", "new", "x", "--from", "nothing-like-it", dir.toString()).err())
                .contains("there is no lesson \"nothing-like-it\"");
    }

    @Test
    void perUnitGradientsAndStepEnd() throws Exception {
        rnnlab.lessons.Scene sc = rnnlab.lessons.LessonLibrary.load(GOOD).entry("forget").lesson("en").steps().get(0).scene();
        rnnlab.session.LessonEngine.Built b = rnnlab.session.LessonEngine.build(sc);
        double sum = 0;
        boolean negative = false;
        for (int u = 1; u <= 8; u++) {
            double g = rnnlab.session.LessonEngine.evaluate(rnnlab.lessons.Quantity.parse("grad_h unit " + u + " step 2"), b);
            sum += g * g;
            negative |= g < 0;
        }
        // one unit's gradient is signed; together they make the norm grad_h step 2 reports
        assertThat(negative).isTrue();
        assertThat(Math.sqrt(sum)).isCloseTo(rnnlab.session.LessonEngine.evaluate(rnnlab.lessons.Quantity.parse("grad_h step 2"), b),
                org.assertj.core.data.Offset.offset(1e-12));
        // "hello hello" has 10 steps: step end is step 10
        assertThat(rnnlab.session.LessonEngine.evaluate(rnnlab.lessons.Quantity.parse("hidden unit 3 step end"), b))
                .isEqualTo(rnnlab.session.LessonEngine.evaluate(rnnlab.lessons.Quantity.parse("hidden unit 3 step 10"), b));
        assertThat(rnnlab.lessons.Quantity.parse("grad_c unit 2 step end").text()).isEqualTo("grad_c unit 2 step end");

        copyWith("value: grad_h step 1", "value: grad_h unit 9 step end");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("\"grad_h unit 9 step end\": unit 9 does not exist: the model has 8 units");
        copyWith("value: grad_h step 1", "value: rho unit 2");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("value: \"rho\" takes no unit");
        copyWith("value: grad_h step 1", "value: grad_h unit 2 step end");
        r = MainTest.run("lessons", "check", dir.toString(), "--answers");
        assertThat(r.out()).contains("grad-size: grad_h unit 2 step end = ").contains("all fine");
    }

    @Test
    void aSceneChangesASingleWeight() throws Exception {
        copyWith("highlight: lstm.gate.f\n", "highlight: lstm.gate.f\nset: rnn.bias_hh_l0[9] = 5\n");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString(), "--answers");
        // rows 8..15 of an LSTM's biases are the forget gate (i, f, g, o): unit 2's forget gate opens wide
        assertThat(r.out()).containsPattern("forget-next: gate f unit 2 step 5 = 0\\.99\\d -> \"above 0.5\"").contains("all fine");
        assertThat(r.status()).isZero();

        copyWith("highlight: lstm.gate.f\n", "highlight: lstm.gate.f\nset: rnn.bias_hh_l0[40] = 5\n");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("01-forget.en.md:22: set: rnn.bias_hh_l0 has 32 numbers (indices 0 to 31), not [40]");
        copyWith("highlight: lstm.gate.f\n", "highlight: lstm.gate.f\nset: rnn.weight_hh_l0[3][8] = 1\n");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out())
                .contains("01-forget.en.md:22: set: rnn.weight_hh_l0 is 32 x 8 (rows 0 to 31, columns 0 to 7), not [3][8]");
        copyWith("highlight: lstm.gate.f\n", "highlight: lstm.gate.f\nset: rnn.bias_hh_l1[0] = 1\n");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out())
                .contains("01-forget.en.md:22: set: \"rnn.bias_hh_l1\" is not a weight of this model; it has ");
        copyWith("highlight: lstm.gate.f\n", "highlight: lstm.gate.f\nset: rnn.bias_hh_l0 = 1\n");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out())
                .contains("01-forget.en.md:22: set: expected \"name[row] = number\"");
        // a step without a checkpoint is checked too
        copyWith("views: unrolled, decay\n", "views: unrolled, decay\n", "w_hh_scale: 1\n", "w_hh_scale: 1\nset: fc.bias[99] = 1\n");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out()).contains("set: fc.bias has 5 numbers (indices 0 to 4), not [99]");
    }

    @Test
    void hintsAreCheckedWhereARetryMakesSense() throws Exception {
        copyWith("goal: rho > 2\n", "goal: rho > 2\nhint: look at the slider\n");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out())
                .containsPattern("01-forget.en.md:\\d+: hint: a goal has no hint");
        copyWith("| <= 0.5\n", "| <= 0.5\nhint: f is a sigmoid\n");
        assertThat(MainTest.run("lessons", "check", dir.toString()).out())
                .contains("01-forget.en.md:32: hint: with 2 options a retry after a hint gives the answer away");
        copyWith("tolerance: x10\n", "tolerance: x10\nhint: it is small\n");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("all fine");
    }
}
