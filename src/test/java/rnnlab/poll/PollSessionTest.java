package rnnlab.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollSessionTest {

    @Test
    void eachDeviceHasOneAnswerPerRoundThatItCanChangeUntilClosed() {
        PollSession s = new PollSession();
        s.ask(Questions.choice("q1"));
        assertThat(s.answer("a", "q1", 1, "0")).isEqualTo(PollSession.Outcome.COUNTED);
        assertThat(s.answer("b", "q1", 1, "1")).isEqualTo(PollSession.Outcome.COUNTED);
        assertThat(s.answer("a", "q1", 1, "2")).isEqualTo(PollSession.Outcome.CHANGED);
        assertThat(s.answer("a", "q1", 1, "2")).isEqualTo(PollSession.Outcome.SAME);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.distribution("en").counts().get(0)).containsExactly(0, 1, 1);
        s.close();
        assertThat(s.answer("a", "q1", 1, "0")).isEqualTo(PollSession.Outcome.CLOSED);
        assertThat(s.answer("c", "q1", 1, "0")).isEqualTo(PollSession.Outcome.CLOSED);
        assertThat(s.count()).isEqualTo(2);
        // round 2 after the discussion: same categories, both rounds side by side
        assertThat(s.secondRound()).isTrue();
        assertThat(s.round()).isEqualTo(2);
        assertThat(s.answer("a", "q1", 1, "0")).isEqualTo(PollSession.Outcome.NOT_CURRENT);
        assertThat(s.answer("a", "q1", 2, "0")).isEqualTo(PollSession.Outcome.COUNTED);
        assertThat(s.answer("b", "q1", 2, "0")).isEqualTo(PollSession.Outcome.COUNTED);
        Distribution d = s.distribution("zh");
        assertThat(d.labels()).containsExactly("会", "不会", "正好 0.5");
        assertThat(d.counts()).hasSize(2);
        assertThat(d.counts().get(0)).containsExactly(0, 1, 1);
        assertThat(d.counts().get(1)).containsExactly(2, 0, 0);
        assertThat(d.mode(1)).isZero();
        assertThat(s.secondRound()).isFalse();
    }

    @Test
    void anythingButAnOptionIndexOrANumberIsRefusedAndLeavesNoTrace() {
        PollSession s = new PollSession();
        s.ask(Questions.choice("c"));
        for (String bad : new String[] {"3", "-1", "1.0", "<b>1</b>", "", " ", "01x", "9999", null}) {
            assertThat(s.answer("a", "c", 1, bad)).as(bad).isEqualTo(PollSession.Outcome.INVALID);
        }
        assertThat(s.count()).isZero();
        s.ask(Questions.number("n"));
        for (String bad : new String[] {"NaN", "Infinity", "1e999", "0x10", "<img src=x onerror=alert(1)>", "1,5,3", "--1",
                "1".repeat(40)}) {
            assertThat(s.answer("a", "n", 1, bad)).as(bad).isEqualTo(PollSession.Outcome.INVALID);
        }
        assertThat(s.answer("a", "n", 1, "0,25")).isEqualTo(PollSession.Outcome.COUNTED);
        assertThat(s.answer("b", "n", 1, "\u22121.50")).isEqualTo(PollSession.Outcome.COUNTED);
        assertThat(s.distribution("en").labels()).containsExactly("-1.5", "0.25");
    }

    @Test
    void manyDifferentNumbersAreGroupedIntoEightRanges() {
        PollSession s = new PollSession();
        s.ask(Questions.number("n"));
        for (int i = 0; i <= 16; i++) {
            s.answer("d" + i, "n", 1, String.valueOf(i));
        }
        Distribution d = s.distribution("en");
        assertThat(d.labels()).hasSize(8).first().isEqualTo("0 \u2013 2");
        assertThat(d.total(0)).isEqualTo(17);
        assertThat(d.counts().get(0)).containsExactly(2, 2, 2, 2, 2, 2, 2, 3);
    }

    @Test
    void askingTheShownQuestionAgainKeepsItsAnswersAndAQuestionAskedBeforeComesBackAsLeft() {
        PollSession s = new PollSession();
        s.ask(Questions.choice("q1"));
        s.answer("a", "q1", 1, "1");
        long v = s.version();
        s.ask(Questions.choice("q1"));
        assertThat(s.version()).isEqualTo(v);
        assertThat(s.count()).isEqualTo(1);
        s.ask(Questions.number("q2"));
        assertThat(s.count()).isZero();
        s.ask(Questions.choice("q1"));
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.isOpen()).isFalse(); // it was closed when the lesson moved on
        s.clear();
        assertThat(s.question()).isNull();
        assertThat(s.view("a").question()).isNull();
    }

    @Test
    void theCsvHasCountsAndTimesButNoDeviceAndDefusesFormulas() throws Exception {
        PollSession s = new PollSession();
        PollQuestion q = new PollQuestion("q1", PollQuestion.Kind.CHOICE, java.util.Map.of("en", "=HYPERLINK(\"x\"), ok?"),
                java.util.Map.of("en", List.of("a, b", "-2")));
        s.ask(q);
        s.answer("secret-device-token", "q1", 1, "1");
        s.reveal("1");
        StringWriter out = new StringWriter();
        PollCsv.write(s.results("en"), out);
        String csv = out.toString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(PollCsv.HEADER);
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("q1,\"'=HYPERLINK(\"\"x\"\"), ok?\",choice,1,").endsWith(",1,\"a, b\",0,false");
        assertThat(lines[2]).endsWith(",1,-2,1,true");
        assertThat(csv).doesNotContain("secret-device-token");
    }
}
