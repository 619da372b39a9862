package rnnlab.poll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** One simulated student's browser: keeps its device cookie, sends the join code; loopback only. */
public final class PollClient {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String code;
    public String cookie;
    public String lang = "en";

    public PollClient(PollServer server, String code) {
        if (!server.host().equals("127.0.0.1")) {
            throw new IllegalStateException("tests talk to 127.0.0.1 only, not " + server.host());
        }
        this.base = "http://127.0.0.1:" + server.port();
        this.code = code;
    }

    /** Loads the page (which hands out the device cookie). */
    public HttpResponse<String> page(String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder b = request("/").GET();
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return keep(send(b.build()));
    }

    public HttpResponse<String> state() throws IOException, InterruptedException {
        return keep(send(request("/state").header(PollServer.CODE_HEADER, code).GET().build()));
    }

    public HttpResponse<String> answer(String question, int round, String answer) throws IOException, InterruptedException {
        String body = "q=" + enc(question) + "&r=" + round + "&a=" + enc(answer);
        return post("/answer", body, code);
    }

    HttpResponse<String> post(String path, String body, String joinCode) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (joinCode != null) {
            b.header(PollServer.CODE_HEADER, joinCode);
        }
        return keep(send(b.build()));
    }

    /**
     * Sends once more when a kept-alive connection was closed by the server just as it was reused (the server
     * closes after every refusal): browsers retry such a request the same way, and it never reached the server.
     */
    static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("X-Lang", lang);
        if (cookie != null) {
            b.header("Cookie", PollServer.COOKIE + "=" + cookie);
        }
        return b;
    }

    private HttpResponse<String> keep(HttpResponse<String> r) {
        Optional<String> set = r.headers().firstValue("Set-Cookie");
        set.ifPresent(s -> cookie = s.substring(s.indexOf('=') + 1, s.indexOf(';')));
        return r;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
