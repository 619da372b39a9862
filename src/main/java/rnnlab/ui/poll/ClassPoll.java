package rnnlab.ui.poll;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import rnnlab.lessons.Checkpoint;
import rnnlab.poll.Distribution;
import rnnlab.poll.Interfaces;
import rnnlab.poll.JoinCode;
import rnnlab.poll.PollCsv;
import rnnlab.poll.PollQuestion;
import rnnlab.poll.PollServer;
import rnnlab.poll.PollSession;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.i18n.Messages;

/**
 * The teacher's side of a class poll: starts and stops the server on the chosen address, puts the
 * lesson's current checkpoint to the class (both languages), follows the lesson as it moves on, and does
 * what the class screen's buttons ask (close, show the distribution, second round, reveal through the
 * lesson panel, next step, export). Off until {@link #start()}; everything here runs on the FX thread,
 * the server's threads only touch the {@link PollSession}.
 */
public final class ClassPoll {
    /** The port offered first (any free one when the property rnnlab.poll.port is 0, as in the tests). */
    public static final int DEFAULT_PORT = 8765;
    private final LessonLink lesson;
    private final ObjectProperty<Interfaces.Choice> address = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> port = new SimpleObjectProperty<>(Integer.getInteger("rnnlab.poll.port", DEFAULT_PORT));
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(false);
    private long startAttempt;
    private final ReadOnlyStringWrapper joinUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper questionSource = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Distribution> distribution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canClose = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRound2 = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canReveal = new ReadOnlyBooleanWrapper(false);
    private final Timeline refresh = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
    private PollSession session;
    private PollServer server;
    private Map<String, Checkpoint> asked = Map.of();
    private boolean distributionShown;

    public ClassPoll(LessonLink lesson) {
        this.lesson = lesson;
        refresh.setCycleCount(Timeline.INDEFINITE);
        address.set(defaultAddress(Interfaces.list()));
        lesson.stepShownProperty().addListener((o, a, b) -> followLesson());
        lesson.lessonOpenProperty().addListener((o, was, open) -> {
            if (!open) {
                stop(); // the poll ends with the lesson
            }
        });
        lesson.onRevealed(this::revealed);
    }

    /** rnnlab.poll.address if set (tests: 127.0.0.1), else the first network address, else the loopback one. */
    static Interfaces.Choice defaultAddress(List<Interfaces.Choice> choices) {
        String wanted = System.getProperty("rnnlab.poll.address");
        for (Interfaces.Choice c : choices) {
            if (wanted != null ? c.host().equals(wanted) : !c.loopback()) {
                return c;
            }
        }
        return choices.get(0);
    }

    public ObjectProperty<Interfaces.Choice> addressProperty() {
        return address;
    }

    public ObjectProperty<Integer> portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty joinUrlProperty() {
        return joinUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** How many devices answered the current round (refreshed four times a second while running). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The question as the lesson writes it (Markdown with $math$), empty without one: for typesetting. */
    public ReadOnlyStringProperty questionSourceProperty() {
        return questionSource.getReadOnlyProperty();
    }

    /**
     * The question typeset as the lesson panel does (math through the app's TeX sandbox), at {@code px}
     * in {@code fg}; null when there is no question with math (the plain label reads as well).
     */
    public javafx.scene.Node typesetQuestion(double px, javafx.scene.paint.Color fg) {
        String src = questionSource.get();
        // math, or emphasis the plain label would lose: typeset as the lesson panel does
        if (src == null || !(src.contains("$") || src.contains("*"))) {
            return null;
        }
        return lesson.typeset(src, px, fg);
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The distribution shown on the class screen (null until Show; it then follows new answers). */
    public ReadOnlyObjectProperty<Distribution> distributionProperty() {
        return distribution.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCloseProperty() {
        return canClose.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRound2Property() {
        return canRound2.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRevealProperty() {
        return canReveal.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The session of the running poll (null when off). */
    public PollSession session() {
        return session;
    }

    /** The server of the running poll (null when off). */
    public PollServer server() {
        return server;
    }

    /**
     * Starts the server on the chosen address and port with a new join code, and puts the current step's
     * question. Jetty's start (about a second the first time) runs on a background thread while
     * {@link #startingProperty()} is true; a failure (port taken, address gone) is one message in
     * {@link #errorProperty()}. Stop while starting cancels: the server is closed as soon as it is up.
     */
    public void start() {
        if (running.get() || starting.get()) {
            return;
        }
        Integer p = port.get();
        if (p == null || p < 0 || p > 65535) {
            error.set(Messages.get("poll.error.port"));
            return;
        }
        Interfaces.Choice where = address.get();
        PollSession s = new PollSession();
        PollServer srv = new PollServer(s, JoinCode.random(), where.address(), p);
        error.set(null);
        starting.set(true);
        long attempt = ++startAttempt;
        Thread t = new Thread(() -> {
            String failure = null;
            try {
                srv.start();
            } catch (IOException | RuntimeException e) {
                srv.close();
                failure = startFailure(e, where.address(), p);
            }
            String why = failure;
            Platform.runLater(() -> started(attempt, s, srv, why));
        }, "class-poll-start");
        t.setDaemon(true);
        t.start();
    }

    /**
     * One line for a server that did not start: when the address is still this computer's, a refused bind
     * means another program holds the port; otherwise the address itself is gone (network changed).
     */
    static String startFailure(Throwable e, java.net.InetAddress address, int port) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.BindException) {
                boolean ours;
                try {
                    ours = address.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(address) != null;
                } catch (java.net.SocketException se) {
                    ours = false;
                }
                String host = address.getHostAddress();
                return ours ? Messages.format("poll.error.portTaken", String.valueOf(port), host)
                        : Messages.format("poll.error.address", host, String.valueOf(port));
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Messages.format("poll.error.start", m.length() > 200 ? m.substring(0, 200) + "\u2026" : m);
    }

    private void started(long attempt, PollSession s, PollServer srv, String failure) {
        if (attempt != startAttempt || !starting.get()) { // stopped (or the lesson closed) while starting
            srv.close();
            return;
        }
        starting.set(false);
        if (failure != null) {
            error.set(failure);
            return;
        }
        session = s;
        server = srv;
        asked = Map.of();
        code.set(srv.code());
        joinUrl.set(srv.joinUrl());
        running.set(true);
        followLesson();
        refresh.play();
    }

    /** True while the server is being started off the FX thread (the window shows a busy indicator). */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** Stops the server (every connection ends) and forgets the session's answers; the export is the only copy. */
    public void stop() {
        if (starting.get()) {
            starting.set(false);
            startAttempt++;
        }
        refresh.stop();
        if (server != null) {
            PollServer s = server;
            server = null;
            s.close();
        }
        running.set(false);
        joinUrl.set("");
        code.set("");
        count.set(0);
        distribution.set(null);
        distributionShown = false;
        question.set("");
        questionSource.set("");
        state.set("");
        updateButtons();
    }

    /** Closes the current round: no answer is taken or changed after it. */
    public void closeQuestion() {
        if (session != null) {
            session.close();
            refresh();
        }
    }

    /** Shows the distribution on the class screen (closing the round first: the spread is shown before the reveal). */
    public void showDistribution() {
        if (session != null && session.question() != null) {
            session.close();
            distributionShown = true;
            refresh();
        }
    }

    /** Opens round 2 after the discussion: the same question, new answers, both distributions side by side. */
    public void secondRound() {
        if (session != null && session.secondRound()) {
            distributionShown = false;
            distribution.set(null);
            refresh();
        }
    }

    /**
     * Reveals the engine's answer in the lesson panel, checked against the class's most common answer; with
     * no answers it is shown without a verdict.
     */
    public void reveal() {
        if (session == null || session.question() == null) {
            return;
        }
        session.close();
        Distribution d = session.distribution("en");
        int r = d.counts().size() - 1;
        int mode = d.mode(r);
        String given = null; // nobody answered: the lesson shows the engine's answer without judging
        if (mode >= 0) {
            given = session.question().kind() == PollQuestion.Kind.CHOICE ? String.valueOf(mode) : d.labels().get(mode);
            if (given.contains(" \u2013 ")) { // a range of values: its middle
                String[] ends = given.split(" \u2013 ");
                given = String.valueOf((Double.parseDouble(ends[0]) + Double.parseDouble(ends[1])) / 2);
            }
        }
        lesson.reveal(given);
        refresh();
    }

    /** The lesson's next step, for everyone: the page follows. */
    public void next() {
        lesson.next();
    }

    /** Writes the session's results (questions, rounds, counts, times; no devices) as CSV. */
    public void export(Path file) throws IOException {
        if (session == null) {
            throw new IOException("no poll is running");
        }
        List<PollSession.RoundResult> results = session.results(lang());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PollCsv.write(results, w);
        }
    }

    private void revealed(Checkpoint c, Double value) {
        if (session == null || asked.isEmpty() || !asked.containsValue(c)) {
            return;
        }
        double v = value == null ? Double.NaN : value;
        if (c.kind() == Checkpoint.Kind.CHOICE) {
            int right = c.rightOption(v);
            if (right >= 0) {
                session.reveal(String.valueOf(right));
            }
        } else if (!Double.isNaN(v)) {
            session.reveal(Checkpoint.format(v));
        }
        refresh();
    }

    /** Puts the lesson's current checkpoint to the class, or no question (a step without one, a goal). */
    private void followLesson() {
        if (session == null) {
            return;
        }
        Map<String, Checkpoint> cps = lesson.checkpoints();
        Checkpoint here = cps.get(lang());
        if (here == null && !cps.isEmpty()) {
            here = cps.values().iterator().next();
        }
        distributionShown = false;
        distribution.set(null);
        if (here == null || here.kind() == Checkpoint.Kind.GOAL) {
            session.clear();
            asked = Map.of();
            questionSource.set("");
            question.set(Messages.get(here == null ? "poll.question.none" : "poll.question.goal"));
        } else {
            asked = cps;
            session.ask(toQuestion(lesson.stepKey() + "/" + here.id(), here.kind(), cps));
            question.set(plain(here.question()));
            questionSource.set(here.question() == null ? "" : here.question());
        }
        refresh();
    }

    static PollQuestion toQuestion(String id, Checkpoint.Kind kind, Map<String, Checkpoint> cps) {
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        cps.forEach((lang, c) -> {
            text.put(lang, plain(c.question()));
            List<String> o = new ArrayList<>();
            c.options().forEach(opt -> o.add(plain(opt.label())));
            options.put(lang, o);
        });
        return new PollQuestion(id, kind == Checkpoint.Kind.CHOICE ? PollQuestion.Kind.CHOICE : PollQuestion.Kind.NUMBER,
                text, kind == Checkpoint.Kind.CHOICE ? options : Map.of());
    }

    /**
     * A lesson's inline Markdown as plain text for the page: no emphasis marks or backticks, and the math
     * between $ as readable Unicode (rnnlab.tex.TexUnicode: {@code \delta h_9} shows as δh₉).
     */
    static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        String t = markdown.replace("**", "").replace("__", "").replace("`", "");
        // *italic* (lesson 1: "*dog bites man.*") loses its marks too
        t = t.replaceAll("\\*(?=\\S)([^*\n]*?\\S)\\*", "$1");
        return rnnlab.tex.TexUnicode.inText(t).strip();
    }

    private static String lang() {
        return AppLanguage.locale().getLanguage().equals("zh") ? "zh" : "en";
    }

    private void refresh() {
        if (session == null) {
            updateButtons();
            return;
        }
        count.set(session.count());
        if (session.question() != null) {
            state.set(session.isRevealed() ? Messages.get("poll.state.revealed")
                    : Messages.format(session.isOpen() ? "poll.state.open" : "poll.state.closed", session.round()));
        } else {
            state.set("");
        }
        if (distributionShown) {
            Distribution d = session.distribution(lang());
            if (!same(d, distribution.get())) {
                distribution.set(d);
            }
        }
        updateButtons();
    }

    private static boolean same(Distribution a, Distribution b) {
        if (a == null || b == null || !a.labels().equals(b.labels()) || a.counts().size() != b.counts().size()) {
            return a == b;
        }
        for (int i = 0; i < a.counts().size(); i++) {
            if (!java.util.Arrays.equals(a.counts().get(i), b.counts().get(i))) {
                return false;
            }
        }
        return true;
    }

    private void updateButtons() {
        boolean q = session != null && running.get() && session.question() != null;
        canClose.set(q && session.isOpen());
        canRound2.set(q && session.round() == 1 && !session.isRevealed());
        canReveal.set(q && !session.isRevealed());
    }

    /** For the tests: run the refresh now instead of waiting for the next tick. */
    void refreshNow() {
        if (Platform.isFxApplicationThread()) {
            refresh();
        }
    }

    static String describe(Interfaces.Choice c) {
        return c.loopback() ? Messages.format("poll.address.loopback", c.host())
                : Messages.format("poll.address.network", c.host(), c.network().toLowerCase(Locale.ROOT));
    }
}
