package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reveal:} (a scene change once the answer shows) and {@code require: answer} (Next waits). */
public class RevealAndRequireTest {
    static final Path GOOD = LessonParserTest.GOOD;

    /** The good lesson's choice (lines 25-33) with {@code extra} lines added before its closing fence. */
    public static String withCheckLines(String... extra) throws Exception {
        String[] lines = LessonParserTest.good().split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == 32) { // the line "```" closing the choice (line 33)
                for (String e : extra) {
                    sb.append(e).append('\n');
                }
            }
            sb.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        return sb.toString();
    }

    @Test
    void revealAndRequireAreRead() throws Exception {
        LessonParser.Result r = LessonParser.parse(GOOD.resolve("01-forget.en.md"), GOOD,
                withCheckLines("reveal: step: 5", "reveal: highlight: lstm.gate.f.unit.2", "require: answer"));
        assertThat(r.problems()).isEmpty();
        Step s = r.lesson().steps().get(1);
        Checkpoint c = s.checkpoint();
        assertThat(c.requireAnswer()).isTrue();
        assertThat(c.reveal().step()).isEqualTo(5);
        Scene after = s.scene().afterAnswer(c.reveal());
        assertThat(after.step()).isEqualTo(5);
        assertThat(after.highlight()).isEqualTo("lstm.gate.f.unit.2");
        assertThat(after.views()).containsExactly("view.lstm", "view.belt");
        assertThat(after.sameModel(s.scene())).isTrue();
        // without a highlight of its own, the step's spotlight stays
        Scene keep = s.scene().afterAnswer(LessonParser.parse(GOOD.resolve("01-forget.en.md"), GOOD,
                withCheckLines("reveal: step: 6")).lesson().steps().get(1).checkpoint().reveal());
        assertThat(keep.highlight()).isEqualTo("lstm.gate.f");
        assertThat(keep.step()).isEqualTo(6);
        // a check without them: nothing revealed, Next never waits
        Checkpoint plain = LessonParser.parse(GOOD.resolve("01-forget.en.md"), GOOD, LessonParserTest.good())
                .lesson().steps().get(1).checkpoint();
        assertThat(plain.reveal()).isNull();
        assertThat(plain.requireAnswer()).isFalse();
    }

    @Test
    void plantedMistakesAreReportedOnTheirLine() throws Exception {
        assertThat(LessonParserTest.problems(withCheckLines("reveal: preset: lstm_8")))
                .containsExactly("01-forget.en.md:33: reveal: \"preset\" cannot change when the answer is revealed; a reveal may set "
                        + "step, backward, views, highlight, unit, gate, layer");
        assertThat(LessonParserTest.problems(withCheckLines("reveal: stpe: 5")))
                .containsExactly("01-forget.en.md:33: reveal: \"stpe\" cannot change when the answer is revealed; a reveal may set "
                        + "step, backward, views, highlight, unit, gate, layer; did you mean \"step\"?");
        assertThat(LessonParserTest.problems(withCheckLines("reveal: step 5")))
                .containsExactly("01-forget.en.md:33: reveal: expected a scene setting such as \"reveal: step: 5\" or "
                        + "\"reveal: highlight: lstm.gate.f\"");
        assertThat(LessonParserTest.problems(withCheckLines("reveal: highlight: lstm.gate.q")))
                .singleElement().asString().startsWith("01-forget.en.md:33: highlight: ");
        assertThat(LessonParserTest.problems(withCheckLines("require: yes")))
                .containsExactly("01-forget.en.md:33: require: expected \"answer\" (Next waits until the question is answered), not \"yes\"");
        assertThat(LessonParserTest.problems(withCheckLines("require: answer", "require: answer")))
                .containsExactly("01-forget.en.md:34: \"require\" is given twice in this check");
    }

    @Test
    void aGoalRevealsNothing() throws Exception {
        String text = LessonParserTest.good();
        String[] lines = text.split("\n", -1);
        int close = -1;
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].trim().equals("```")) {
                close = i;
                break;
            }
        }
        lines[close] = "reveal: step: 2\n```";
        assertThat(LessonParserTest.problems(String.join("\n", lines)))
                .containsExactly("01-forget.en.md:" + (close + 1) + ": reveal: a goal is not answered, so nothing would be revealed; "
                        + "put the change in the next step's scene");
    }

    @Test
    void theCheckerTriesTheSceneAfterTheAnswer(@TempDir Path dir) throws Exception {
        copyPair(dir, withCheckLines("reveal: step: 40", "reveal: views: gru"));
        List<String> p = LessonLibrary.load(dir).allProblems().stream().map(x -> x.describe(dir)).toList();
        assertThat(p).contains("01-forget.en.md:25: reveal of checkpoint \"forget-next\": step 40 is past the sequence's 10 steps",
                "01-forget.en.md:25: reveal of checkpoint \"forget-next\": the view view.gru draws gru cells; this step's model is lstm");
    }

    @Test
    void theTranslationMustRevealTheSame(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-forget.en.md"), withCheckLines("reveal: step: 5"));
        String zh = Files.readString(GOOD.resolve("01-forget.zh.md"));
        Files.writeString(dir.resolve("01-forget.zh.md"), zh);
        List<String> p = LessonLibrary.load(dir).allProblems().stream().map(x -> x.describe(dir)).toList();
        assertThat(p).anyMatch(m -> m.startsWith("01-forget.zh.md:") && m.contains("checkpoint \"forget-next\" differs from the English file's")
                && m.contains("reveal, require"));
    }

    public static void copyPair(Path dir, String en) throws Exception {
        Files.writeString(dir.resolve("01-forget.en.md"), en);
        String zh = Files.readString(GOOD.resolve("01-forget.zh.md"));
        String[] lines = en.split("\n", -1);
        // the same settings in the Chinese file: copy the English check's added lines after the zh choice's last key
        StringBuilder added = new StringBuilder();
        for (int i = 32; i < lines.length && !lines[i].trim().equals("```"); i++) {
            added.append(lines[i]).append('\n');
        }
        int at = zh.indexOf("explain:", zh.indexOf("id: forget-next"));
        int eol = zh.indexOf('\n', at) + 1;
        Files.writeString(dir.resolve("01-forget.zh.md"), zh.substring(0, eol) + added + zh.substring(eol));
    }
}
