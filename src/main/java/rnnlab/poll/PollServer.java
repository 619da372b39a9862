package rnnlab.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The class poll's small web server (Jetty 12, its core API, no servlets). It listens on one address
 * and port only, serves the students' page (HTML, CSS and JS from the jar; nothing from elsewhere) and two
 * calls: {@code GET /state} (the question now, this device's answer) and {@code POST /answer}. Both need
 * the join code (header {@code X-Join-Code}). A device is a random token in a cookie the server gives it;
 * nothing else about a student is kept (no address, no name, no log). Bodies over {@link #MAX_BODY}
 * bytes, headers over 4 KB and requests beyond each device's and each address's rate are refused.
 */
public final class PollServer implements AutoCloseable {
    public static final int MAX_BODY = 1024;
    public static final String COOKIE = "rnnlab_device";
    public static final String CODE_HEADER = "X-Join-Code";
    /** The most device tokens handed out in one session (a class is far smaller; it bounds the memory). */
    public static final int MAX_TOKENS = 2000;
    private static final String WEB = "/rnnlab/poll/web/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Limits (requests at once, then per second) — a field so that tests can tighten or loosen them. */
    public record Limits(double deviceBurst, double devicePerSecond, double addressBurst, double addressPerSecond,
                         double badCodeBurst, double badCodePerSecond, double newDeviceBurst, double newDevicePerSecond) {
        /** A phone polls /state every 1.5 s and answers now and then; a class may share one address (NAT). */
        public static final Limits DEFAULT = new Limits(20, 4, 600, 200, 10, 0.2, 120, 2);
    }

    private final PollSession session;
    private final String code;
    private final Server server;
    private final ServerConnector connector;
    private final RateLimiter perDevice;
    private final RateLimiter perAddress;
    private final RateLimiter badCodes;
    private final RateLimiter newDevices;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> files = new HashMap<>();
    private final AtomicLong refused = new AtomicLong();

    /**
     * A server for {@code session} on {@code address}:{@code port} (0: any free port) with join code
     * {@code code}. Nothing listens until {@link #start()}.
     */
    public PollServer(PollSession session, String code, InetAddress address, int port, Limits limits) {
        this.session = session;
        this.code = code;
        perDevice = new RateLimiter(limits.deviceBurst(), limits.devicePerSecond(), MAX_TOKENS, System::nanoTime);
        perAddress = new RateLimiter(limits.addressBurst(), limits.addressPerSecond(), 4096, System::nanoTime);
        badCodes = new RateLimiter(limits.badCodeBurst(), limits.badCodePerSecond(), 4096, System::nanoTime);
        newDevices = new RateLimiter(limits.newDeviceBurst(), limits.newDevicePerSecond(), 4096, System::nanoTime);
        for (String f : List.of("poll.js", "poll.css", "index.html")) {
            files.put(f, resource(f));
        }
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("class-poll");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(4096);
        http.setResponseHeaderSize(4096);
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(15_000);
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(400, connector));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    serve(request, response, callback);
                } catch (RuntimeException e) {
                    // never a stack trace to a phone: a plain 500 and the server goes on
                    send(response, callback, 500, "text/plain", "error");
                }
                return true;
            }
        });
        server.setStopTimeout(2000);
    }

    public PollServer(PollSession session, String code, InetAddress address, int port) {
        this(session, code, address, port, Limits.DEFAULT);
    }

    /** Starts listening; an address or port that cannot be taken is an IOException naming them. */
    public void start() throws IOException {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start; nothing to stop
            }
            throw new IOException("cannot listen on " + connector.getHost() + ":" + connector.getPort() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The port listened on (the one chosen when asked for 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    public String code() {
        return code;
    }

    /** What students type or scan: {@code http://host:port/?c=CODE}. */
    public String joinUrl() {
        return "http://" + host() + ":" + port() + "/?c=" + code;
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Requests refused so far (size, rate, code). */
    public long refused() {
        return refused.get();
    }

    /** Stops listening and ends every connection; waits at most about 2 s. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort; the threads are daemons
        }
    }

    private void serve(Request request, Response response, Callback callback) throws UncheckedIOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String address = Request.getRemoteAddr(request);
        if (!perAddress.allow(address)) {
            refuse(response, callback, 429, "slow down");
            return;
        }
        String device = device(request);
        if (device != null && !perDevice.allow(device)) {
            refuse(response, callback, 429, "slow down");
            return;
        }
        switch (path) {
            case "/", "/index.html" -> {
                if (!method.equals("GET")) {
                    refuse(response, callback, 405, "GET only");
                    return;
                }
                if (device == null && issue(response, address) == null) {
                    refuse(response, callback, 429, "slow down");
                    return;
                }
                String lang = PageText.language(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
                send(response, callback, 200, "text/html; charset=utf-8", page(lang));
            }
            case "/poll.js", "/poll.css" -> {
                if (!method.equals("GET")) {
                    refuse(response, callback, 405, "GET only");
                    return;
                }
                String name = path.substring(1);
                sendBytes(response, callback, 200, name.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : "text/css; charset=utf-8", files.get(name));
            }
            case "/state" -> {
                if (!method.equals("GET")) {
                    refuse(response, callback, 405, "GET only");
                    return;
                }
                if (!codeOk(request, address, response, callback)) {
                    return;
                }
                if (device == null && (device = issue(response, address)) == null) {
                    refuse(response, callback, 429, "slow down");
                    return;
                }
                String lang = lang(request);
                send(response, callback, 200, "application/json", json(state(device, lang, null)));
            }
            case "/answer" -> {
                if (!method.equals("POST")) {
                    refuse(response, callback, 405, "POST only");
                    return;
                }
                if (!codeOk(request, address, response, callback)) {
                    return;
                }
                if (device == null) {
                    // an answer counts only from a device the server knows: dropping the cookie does not vote twice
                    refuse(response, callback, 409, "reload the page");
                    return;
                }
                long declared = request.getLength();
                if (declared > MAX_BODY) {
                    refuse(response, callback, 413, "too large");
                    return;
                }
                String body = body(request);
                if (body == null) {
                    refuse(response, callback, 413, "too large");
                    return;
                }
                Map<String, String> form = form(body);
                int round;
                try {
                    round = Integer.parseInt(form.getOrDefault("r", ""));
                } catch (NumberFormatException e) {
                    refuse(response, callback, 400, "bad round");
                    return;
                }
                PollSession.Outcome o = session.answer(device, form.getOrDefault("q", ""), round, form.get("a"));
                int status = switch (o) {
                    case COUNTED, CHANGED, SAME -> 200;
                    case CLOSED, NOT_CURRENT -> 409;
                    case INVALID -> 400;
                    case FULL -> 503;
                };
                if (status != 200) {
                    refused.incrementAndGet();
                }
                send(response, callback, status, "application/json", json(state(device, lang(request), o)));
            }
            default -> refuse(response, callback, 404, "not found");
        }
    }

    /** Gives a new device its token (a cookie for this session only); null when this address asked for too many. */
    private String issue(Response response, String address) {
        if (tokens.size() >= MAX_TOKENS || !newDevices.allow(address)) {
            return null;
        }
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tokens.add(t);
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + t + "; Path=/; HttpOnly; SameSite=Strict");
        return t;
    }

    /** This request's device token, if it carries one the server gave out. */
    private String device(Request request) {
        String cookies = request.getHeaders().get(HttpHeader.COOKIE);
        if (cookies == null) {
            return null;
        }
        for (String c : cookies.split(";")) {
            String s = c.trim();
            if (s.startsWith(COOKIE + "=")) {
                String t = s.substring(COOKIE.length() + 1);
                if (t.length() == 22 && tokens.contains(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private boolean codeOk(Request request, String address, Response response, Callback callback) {
        if (JoinCode.matches(code, request.getHeaders().get(CODE_HEADER))) {
            return true;
        }
        refuse(response, callback, badCodes.allow(address) ? 403 : 429, "wrong join code");
        return false;
    }

    private static String lang(Request request) {
        String l = request.getHeaders().get("X-Lang");
        return l != null && PageText.LANGUAGES.contains(l) ? l
                : PageText.language(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    }

    /** The body as text, or null when it is longer than {@link #MAX_BODY} bytes (reading stops there). */
    private static String body(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            return b.length > MAX_BODY ? null : new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code a=1&b=2} (form-encoded), at most 8 fields; a field that does not decode is left out. */
    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = body.split("&", 9);
        for (int i = 0; i < Math.min(parts.length, 8); i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                out.putIfAbsent(URLDecoder.decode(parts[i].substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[i].substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a broken %-escape: that field is not there
            }
        }
        return out;
    }

    private Map<String, Object> state(String device, String lang, PollSession.Outcome outcome) {
        PollSession.View v = session.view(device);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", v.version());
        if (outcome != null) {
            m.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (v.question() != null) {
            PollQuestion q = v.question();
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("id", q.id());
            qm.put("kind", q.kind().name().toLowerCase(java.util.Locale.ROOT));
            qm.put("text", q.text(lang));
            qm.put("options", q.options(lang));
            m.put("question", qm);
            m.put("round", v.round());
            m.put("open", v.open());
            m.put("mine", v.mine());
            if (v.revealed() != null) {
                m.put("answer", q.kind() == PollQuestion.Kind.CHOICE
                        ? q.options(lang).get(Integer.parseInt(v.revealed())) : v.revealed());
            }
        }
        return m;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page in {@code lang}: its words go in as JSON data (every '<' escaped), never as markup. */
    private String page(String lang) {
        String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
        String text = json(PageText.of(lang)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return html.replace("{{lang}}", lang).replace("{{title}}", escapeHtml(PageText.of(lang).getOrDefault("title", "")))
                .replace("{{text}}", text);
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private void refuse(Response response, Callback callback, int status, String why) {
        refused.incrementAndGet();
        // a refused request's body may be left unread: the connection is not reused after it
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        send(response, callback, status, "text/plain; charset=utf-8", why);
    }

    private static void send(Response response, Callback callback, int status, String type, String body) {
        sendBytes(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, type);
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        // the page loads only its own script and style, and talks only to this server
        h.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PollServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw new IllegalStateException(WEB + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
