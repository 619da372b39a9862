package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonParserTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    static String good() throws Exception {
        return Files.readString(GOOD.resolve("01-forget.en.md"));
    }

    @Test
    void readsStepsScenesAndCheckpoints() throws Exception {
        LessonParser.Result r = LessonParser.parse(GOOD.resolve("01-forget.en.md"), GOOD, good());
        assertThat(r.problems()).isEmpty();
        Lesson l = r.lesson();
        assertThat(l.id()).isEqualTo("forget");
        assertThat(l.lang()).isEqualTo("en");
        assertThat(l.number()).isEqualTo(1);
        assertThat(l.steps()).extracting(Step::title).containsExactly("The cell state", "Predict", "How big", "Try it");
        Scene s1 = l.steps().get(0).scene();
        assertThat(s1.preset()).isEqualTo("lstm_8");
        assertThat(s1.text()).isEqualTo("hello hello");
        assertThat(s1.views()).containsExactly("view.lstm", "view.belt");
        assertThat(s1.highlight()).isEqualTo("belt.unit.2");
        assertThat(s1.highlightRegion()).isEqualTo("belt.unit.1");
        // step 2 inherits the model, text and views, changes the position and its own highlight
        Scene s2 = l.steps().get(1).scene();
        assertThat(s2.preset()).isEqualTo("lstm_8");
        assertThat(s2.step()).isEqualTo(4);
        assertThat(s2.views()).containsExactly("view.lstm", "view.belt");
        assertThat(s2.highlight()).isEqualTo("lstm.gate.f");
        assertThat(s2.sameModel(s1)).isTrue();
        // step 3: backward replaces step; the highlight of step 2 does not carry over
        Scene s3 = l.steps().get(2).scene();
        assertThat(s3.step()).isNull();
        assertThat(s3.backward()).isEqualTo(Scene.END);
        assertThat(s3.highlight()).isNull();
        Checkpoint c = l.steps().get(1).checkpoint();
        assertThat(c.kind()).isEqualTo(Checkpoint.Kind.CHOICE);
        assertThat(c.value()).isEqualTo(new Quantity("gate", "f", null, 2, 5, 0, false, null));
        assertThat(c.rightOption(0.7)).isZero();
        assertThat(c.rightOption(0.5)).isEqualTo(1);
        assertThat(c.computed()).isTrue();
        assertThat(c.explanation(0.597, null)).isEqualTo("It is 0.597.");
        Checkpoint n = l.steps().get(2).checkpoint();
        assertThat(n.accepts(0.1, 0.5)).isTrue();
        assertThat(n.accepts(0.04, 0.5)).isFalse();
        Checkpoint g = l.steps().get(3).checkpoint();
        assertThat(g.goal().name()).isEqualTo("rho");
        assertThat(g.reached(2.5)).isTrue();
        assertThat(g.reached(1.5)).isFalse();
        assertThat(l.steps().get(0).narration()).contains("**belt**");
        assertThat(l.steps().get(1).narration()).doesNotContain("```check");
    }

    /** The good lesson with line {@code n} (from 1) replaced; the problems found. */
    static List<String> problemsWithLine(int n, String replacement) throws Exception {
        String[] lines = good().split("\n", -1);
        lines[n - 1] = replacement;
        return problems(String.join("\n", lines));
    }

    static List<String> problems(String text) {
        return LessonParser.parse(GOOD.resolve("01-forget.en.md"), GOOD, text).problems().stream()
                .map(p -> p.describe(GOOD)).toList();
    }

    @Test
    void everyBrokenLineIsReportedWithItsLineAndWhatWasExpected() throws Exception {
        assertThat(problemsWithLine(9, "prest: lstm_8"))
                .contains("01-forget.en.md:9: unknown scene key \"prest\"; did you mean \"preset\"?");
        assertThat(problemsWithLine(9, "preset: lstm_9"))
                .anyMatch(p -> p.startsWith("01-forget.en.md:9: preset: unknown preset \"lstm_9\"; expected one of tiny_rnn"));
        assertThat(problemsWithLine(21, "highlight: lstm.gate.q"))
                .anyMatch(p -> p.startsWith("01-forget.en.md:21: highlight: no view or part has the id \"lstm.gate.q\""));
        assertThat(problemsWithLine(12, "views: lstm, bellt"))
                .anyMatch(p -> p.startsWith("01-forget.en.md:12: views: unknown view \"bellt\"") && p.endsWith("did you mean \"belt\"?"));
        assertThat(problemsWithLine(11, "step: many"))
                .contains("01-forget.en.md:11: step: expected a whole number from 0 to 10000, not \"many\"");
        assertThat(problemsWithLine(29, "value: gate f unit two step 5"))
                .contains("01-forget.en.md:29: value: unit must be a whole number from 1, not \"two\"");
        assertThat(problemsWithLine(30, "option: above 0.5"))
                .anyMatch(p -> p.startsWith("01-forget.en.md:25: either mark the one right option with *"));
        assertThat(problemsWithLine(30, "option: * above 0.5")).anyMatch(p -> p.startsWith(
                "01-forget.en.md:25: either mark the one right option with *"));
        assertThat(problemsWithLine(30, "option: above 0.5 | >> 0.5")).anyMatch(p -> p.startsWith(
                "01-forget.en.md:30: option: expected \"label | condition\""));
        assertThat(problemsWithLine(2, "id: forgot"))
                .contains("01-forget.en.md:2: id \"forgot\" differs from the file name's \"forget\"");
        assertThat(problemsWithLine(15, "oops"))
                .anyMatch(p -> p.contains("expected \"key: value\""));
    }

    @Test
    void structureProblems() throws Exception {
        assertThat(problems(good().replace("## Try it", "Try it"))).contains(
                "01-forget.en.md: a lesson has 4 to 12 steps (\"## \" headings), this one has 3");
        assertThat(problems(good().replaceAll("(?s)```check.*?```", "")))
                .contains("01-forget.en.md: a lesson has at least one checkpoint (a ```check block)");
        assertThat(problems("no front matter")).containsExactly(
                "01-forget.en.md:1: a lesson starts with a front matter: a line \"---\", id, title, summary, and \"---\"");
        String unclosed = good().substring(0, good().lastIndexOf("```"));
        assertThat(problems(unclosed)).anyMatch(p -> p.endsWith("this ``` block is not closed"));
        assertThat(problems(good().replace("preset: lstm_8\n", ""))).anyMatch(p -> p.endsWith(
                "the first step's scene must name a model: \"preset\" or \"model\""));
        assertThat(problems(good().replace("Scale $W_{hh}$ up.", "![x](http://example.com/x.png)")))
                .anyMatch(p -> p.endsWith("figure \"http://example.com/x.png\" is a URL; a figure must be a PNG file in the "
                        + "lesson's folder (nothing is fetched from the network)"));
    }

    @Test
    void filesMustStayInsideTheLessonsFolder() throws Exception {
        assertThat(problemsWithLine(9, "model: ../../../pom.model.json"))
                .contains("01-forget.en.md:9: model: \"../../../pom.model.json\" is outside the lessons folder");
        assertThat(problemsWithLine(9, "model: https://example.com/x.model.json"))
                .contains("01-forget.en.md:9: model: lessons cannot reach the network; name a file inside the lessons folder");
        assertThat(problemsWithLine(9, "model: /etc/x.model.json")).anyMatch(p -> p.startsWith(
                "01-forget.en.md:9: model: name a file inside the lessons folder relative to it"));
        assertThat(problemsWithLine(9, "model: missing.model.json"))
                .contains("01-forget.en.md:9: model: no file \"missing.model.json\" in the lessons folder");
    }

    @Test
    void aFixedAnswerQuestionMarksTheRightOption() throws Exception {
        String t = good().replace("value: gate f unit 2 step 5\noption: above 0.5 | > 0.5\noption: below 0.5 | <= 0.5",
                "option: many-to-many\noption: * many-to-one\noption: one-to-many");
        LessonParser.Result r = LessonParser.parse(GOOD.resolve("01-forget.en.md"), GOOD, t);
        assertThat(r.problems()).isEmpty();
        Checkpoint c = r.lesson().steps().get(1).checkpoint();
        assertThat(c.computed()).isFalse();
        assertThat(c.rightOption(Double.NaN)).isEqualTo(1);
        assertThat(c.options()).extracting(Checkpoint.Option::label).containsExactly("many-to-many", "many-to-one", "one-to-many");
    }
}
