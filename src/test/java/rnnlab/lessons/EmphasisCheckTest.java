package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: lesson 20's Chinese narration "**丢弃法（dropout）**在…" showed its asterisks (CommonMark does not close
 * ** between a closing bracket and a letter) and {@code lessons check} said all fine. Planted in copies of the
 * shipped lesson 20: the narration and a checkpoint's explanation are reported with their lines; emphasis that
 * closes, asterisks inside a formula and inline code are not.
 */
class EmphasisCheckTest {
    @TempDir
    Path dir;

    private Path copy(String lang, String from, String to) throws Exception {
        for (String l : LessonLibrary.LANGUAGES) {
            String t = Files.readString(Path.of("lessons", "20-overfitting." + l + ".md"));
            if (l.equals(lang)) {
                assertThat(t).contains(from);
                t = t.replace(from, to);
            }
            Files.writeString(dir.resolve("20-overfitting." + l + ".md"), t);
        }
        return dir.resolve("20-overfitting." + lang + ".md");
    }

    private List<String> problems() {
        return LessonLibrary.load(dir).allProblems().stream().map(p -> p.describe(dir)).toList();
    }

    @Test
    void theShippedLessonIsFine() throws Exception {
        // and an explanation's placeholder, filled in before it renders: 是**{value}**。 closes once it is a number
        copy("zh", "**丢弃法**（dropout）在", "所以答案是**{value}**。**丢弃法**（dropout）在");
        assertThat(problems()).isEmpty();
    }

    @Test
    void emphasisLeftOpenInTheNarrationIsReportedWithItsLine() throws Exception {
        Path f = copy("zh", "**丢弃法**（dropout）在", "**丢弃法（dropout）**在");
        int line = Files.readAllLines(f).indexOf(Files.readAllLines(f).stream()
                .filter(s -> s.startsWith("**丢弃法（dropout）**在")).findFirst().orElseThrow()) + 1;
        assertThat(problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("20-overfitting.zh.md:" + line + ": ").contains("**丢弃法（dropout）").contains("CommonMark"));
    }

    @Test
    void aCheckpointsExplanationIsCheckedAndMathAndCodeAreNot() throws Exception {
        String t = Files.readString(Path.of("lessons", "20-overfitting.en.md"));
        int explain = t.indexOf("\nexplain: ");
        assertThat(explain).isPositive();
        String line = t.substring(explain + 1, t.indexOf('\n', explain + 1));
        String planted = line + " Note **the gap (train vs. validation)**widens; $x^{**}$ and `a**b` are fine.";
        Path f = copy("en", line, planted);
        int at = Files.readAllLines(f).indexOf(planted) + 1;
        assertThat(problems()).singleElement().satisfies(p -> assertThat(p).startsWith("20-overfitting.en.md:" + at + ": "));
    }
}
