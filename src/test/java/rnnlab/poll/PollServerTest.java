package rnnlab.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's protocol, on 127.0.0.1 only. */
@Timeout(60)
class PollServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    PollSession session;
    PollServer server;

    @BeforeEach
    void start() throws Exception {
        session = new PollSession();
        server = new PollServer(session, "AB7K", Interfaces.loopback(), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePageComesInTheBrowsersLanguageWithItsWordsAsDataAndNothingFromElsewhere() throws Exception {
        PollClient c = new PollClient(server, "AB7K");
        HttpResponse<String> en = c.page("de-DE,de;q=0.9,en;q=0.8");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<html lang=\"en\">", "\"heading\":\"Class poll\"").doesNotContain("{{");
        assertThat(c.cookie).matches("[A-Za-z0-9_-]{22}");
        assertThat(en.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "script-src 'self'");
        HttpResponse<String> zh = new PollClient(server, "AB7K").page("zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(zh.body()).contains("<html lang=\"zh\">", "课堂投票");
        assertThat(new PollClient(server, "AB7K").page("en-GB,en;q=0.9,zh;q=0.5").body()).contains("<html lang=\"en\">");
        // no address of another host anywhere in the page, its script or its style
        for (String path : new String[] {"/", "/poll.js", "/poll.css"}) {
            String body = PollClient.HTTP.send(c.request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).as(path).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        }
    }

    @Test
    void aStudentSeesTheQuestionAnswersChangesAndIsRefusedOnceClosed() throws Exception {
        PollClient c = new PollClient(server, "ab7k"); // the code is not case-sensitive
        c.page(null);
        JsonNode s = JSON.readTree(c.state().body());
        assertThat(s.has("question")).isFalse();
        session.ask(Questions.choice("q1"));
        c.lang = "zh";
        s = JSON.readTree(c.state().body());
        assertThat(s.get("question").get("text").asText()).isEqualTo("遗忘门会大于 0.5 吗？");
        assertThat(s.get("question").get("options").get(1).asText()).isEqualTo("不会");
        assertThat(s.get("open").asBoolean()).isTrue();
        assertThat(s.get("mine").isNull()).isTrue();

        HttpResponse<String> r = c.answer("q1", 1, "1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("outcome").asText()).isEqualTo("counted");
        assertThat(JSON.readTree(c.answer("q1", 1, "2").body()).get("outcome").asText()).isEqualTo("changed");
        assertThat(session.count()).isEqualTo(1);
        assertThat(JSON.readTree(c.state().body()).get("mine").asText()).isEqualTo("2");

        session.close();
        r = c.answer("q1", 1, "0");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(r.body()).get("outcome").asText()).isEqualTo("closed");
        session.reveal("0");
        assertThat(JSON.readTree(c.state().body()).get("answer").asText()).isEqualTo("会");
        assertThat(session.distribution("en").counts().get(0)).containsExactly(0, 0, 1);
    }

    @Test
    void withoutTheJoinCodeThereIsNoStateAndNoAnswer() throws Exception {
        session.ask(Questions.choice("q1"));
        PollClient c = new PollClient(server, "ZZZZ");
        c.page(null);
        assertThat(c.state().statusCode()).isEqualTo(403);
        assertThat(c.answer("q1", 1, "0").statusCode()).isEqualTo(403);
        assertThat(c.post("/answer", "q=q1&r=1&a=0", null).statusCode()).isEqualTo(403);
        assertThat(session.count()).isZero();
    }

    @Test
    void anAnswerWithoutTheServersCookieIsNotCounted() throws Exception {
        session.ask(Questions.choice("q1"));
        PollClient c = new PollClient(server, "AB7K");
        c.cookie = "AAAAAAAAAAAAAAAAAAAAAA"; // well formed, never handed out
        assertThat(c.answer("q1", 1, "0").statusCode()).isEqualTo(409);
        assertThat(session.count()).isZero();
    }

    @Test
    void itListensOnlyOnTheChosenAddressAndStopsOnDemand() throws Exception {
        assertThat(server.host()).isEqualTo("127.0.0.1");
        int port = server.port();
        assertThat(server.joinUrl()).isEqualTo("http://127.0.0.1:" + port + "/?c=AB7K");
        server.close();
        assertThat(server.isRunning()).isFalse();
        // the port is free again at once
        try (ServerSocket again = new ServerSocket(port, 1, Interfaces.loopback())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortIsOneClearIOException() throws Exception {
        PollServer second = new PollServer(new PollSession(), "AAAA", Interfaces.loopback(), server.port());
        org.assertj.core.api.Assertions.assertThatThrownBy(second::start).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port());
        second.close();
    }

    @Test
    void acceptLanguageChoosesBetweenEnglishAndChinese() {
        assertThat(PageText.language(null)).isEqualTo("en");
        assertThat(PageText.language("zh-TW")).isEqualTo("zh");
        assertThat(PageText.language("fr, en;q=0.5, zh;q=0.7")).isEqualTo("zh");
        assertThat(PageText.language("en-US,zh;q=0.9")).isEqualTo("en");
        assertThat(PageText.language("ja")).isEqualTo("en");
        assertThat(PageText.language("zh;q=abc, en;q=0.1")).isEqualTo("en");
    }

    @Test
    void numberAnswersOverHttpAreCanonicalAndTheirDistributionIsBinned() throws Exception {
        session.ask(Questions.number("n1"));
        // eight distinct values or fewer: one bar per value; "0,5" and "0.50" are the same number
        String[] few = {"0.5", "0,5", "0.50", "2", "2", "-1", "1e-1"};
        for (String a : few) {
            PollClient c = new PollClient(server, "AB7K");
            c.page(null);
            assertThat(c.answer("n1", 1, a).statusCode()).as(a).isEqualTo(200);
        }
        PollClient bad = new PollClient(server, "AB7K");
        bad.page(null);
        for (String a : new String[] {"NaN", "Infinity", "0x10", "1e999", "two", "<b>1</b>"}) {
            assertThat(bad.answer("n1", 1, a).statusCode()).as(a).isEqualTo(400);
        }
        Distribution d = session.distribution("en");
        assertThat(d.labels()).containsExactly("-1", "0.1", "0.5", "2");
        assertThat(d.counts().get(0)).containsExactly(1, 1, 3, 2);
        assertThat(d.total(0)).isEqualTo(7);
        assertThat(d.labels().get(d.mode(0))).isEqualTo("0.5");
        // more than eight distinct values: eight equal ranges from the smallest to the largest
        session.ask(Questions.number("n2"));
        for (int k = 0; k <= 16; k++) {
            PollClient c = new PollClient(server, "AB7K");
            c.page(null);
            assertThat(c.answer("n2", 1, String.valueOf(k)).statusCode()).isEqualTo(200);
        }
        d = session.distribution("en");
        assertThat(d.labels()).hasSize(Distribution.MAX_BARS).first().isEqualTo("0 \u2013 2");
        assertThat(d.labels().get(7)).isEqualTo("14 \u2013 16");
        assertThat(d.counts().get(0)).containsExactly(2, 2, 2, 2, 2, 2, 2, 3); // 16 falls in the last range
        JsonNode state = JSON.readTree(new PollClient(server, "AB7K").state().body());
        assertThat(state.get("question").get("kind").asText().toLowerCase()).isEqualTo("number");
    }
}
