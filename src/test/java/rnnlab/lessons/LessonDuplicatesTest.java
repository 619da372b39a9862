package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A lesson's front matter or scene that gives a key twice means two things: it is a problem, by line. */
class LessonDuplicatesTest {
    static final Path FILE = LessonParserTest.GOOD.resolve("01-forget.en.md");

    static java.util.List<String> problems(String text) {
        return LessonParser.parse(FILE, LessonParserTest.GOOD, text).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aFrontMatterKeyGivenTwice() throws Exception {
        String text = LessonParserTest.good().replaceFirst("title: The forget gate\n",
                "title: The forget gate\ntitle: Something else\n");
        assertThat(problems(text)).containsExactly("01-forget.en.md:4: \"title\" is given twice in the front matter "
                + "(first on line 3); expected each key once");
    }

    @Test
    void aSceneKeyGivenTwice() throws Exception {
        String text = LessonParserTest.good().replaceFirst("step: 3\n", "step: 3\nstep: 5\n");
        assertThat(problems(text)).containsExactly("01-forget.en.md:12: \"step\" is given twice in this scene "
                + "(first on line 11); expected each key once");
    }

    @Test
    void aProblemNeverEchoesControlCharacters() throws Exception {
        String text = LessonParserTest.good().replaceFirst("step: 3\n", "st\u001b[2Jep: 3\n");
        assertThat(problems(text)).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("\u001b"));
        assertThat(new Problem(FILE, 1, "bad \u0000 \u202e").message()).isEqualTo("bad \\u0000 \\u202e");
    }
}
