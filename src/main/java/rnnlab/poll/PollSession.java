package rnnlab.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class poll's questions and answers, in memory only. The teacher asks a question (round 1 opens),
 * closes it, may open a second round after discussion, and reveals the answer; each device (a random
 * token from the page's cookie, never a name or an address) has at most one answer per round, which it
 * can change until the round is closed. Safe to call from the server's threads and the FX thread at once.
 */
public final class PollSession {
    /** The most devices one round takes answers from (more is not a class; it bounds the memory). */
    public static final int MAX_DEVICES = 500;
    /** The most questions a session keeps for the export (a long lesson has about 20). */
    public static final int MAX_QUESTIONS = 200;

    /** What became of an answer. */
    public enum Outcome { COUNTED, CHANGED, SAME, CLOSED, NOT_CURRENT, INVALID, FULL }

    /** One round of one question: when it opened and closed, and the answers by device token. */
    static final class Round {
        final int number;
        final Instant opened;
        Instant closed;
        final Map<String, String> answers = new HashMap<>();

        Round(int number, Instant opened) {
            this.number = number;
            this.opened = opened;
        }
    }

    /** A question asked in this session, with its rounds. */
    static final class Asked {
        final PollQuestion question;
        final List<Round> rounds = new ArrayList<>();
        /** The right answer once revealed: an option index, or the engine's number; null before. */
        String revealed;

        Asked(PollQuestion q) {
            this.question = q;
        }

        Round current() {
            return rounds.get(rounds.size() - 1);
        }
    }

    /** What the page needs to draw: the question, the round, whether it is open, and this device's answer. */
    public record View(long version, PollQuestion question, int round, boolean open, String mine, String revealed) {
    }

    private final Clock clock;
    private final List<Asked> history = new ArrayList<>();
    private Asked current;
    private long version;

    public PollSession() {
        this(Clock.systemUTC());
    }

    public PollSession(Clock clock) {
        this.clock = clock;
    }

    /**
     * Puts a question to the class (round 1 opens). Asking the question already shown again changes
     * nothing (the lesson redraws a step when the theme or font changes); asking one asked before in this
     * session shows it again as it was left (closed). The question shown until now is closed.
     */
    public synchronized void ask(PollQuestion q) {
        if (current != null && current.question.id().equals(q.id())) {
            return;
        }
        if (current != null) {
            closeRound(current); // the lesson moved on: the question left is closed
        }
        Asked before = history.stream().filter(a -> a.question.id().equals(q.id())).findFirst().orElse(null);
        if (before != null) {
            current = before;
        } else {
            if (history.size() >= MAX_QUESTIONS) {
                history.remove(0);
            }
            current = new Asked(q);
            current.rounds.add(new Round(1, clock.instant()));
            history.add(current);
        }
        version++;
    }

    /** No question now (a lesson step without one): the page waits. Open rounds are closed. */
    public synchronized void clear() {
        if (current != null) {
            closeRound(current);
            current = null;
            version++;
        }
    }

    /** Closes the current round: answers are refused from now on. */
    public synchronized void close() {
        if (current != null && current.current().closed == null) {
            closeRound(current);
            version++;
        }
    }

    private void closeRound(Asked a) {
        if (a.current().closed == null) {
            a.current().closed = clock.instant();
        }
    }

    /** Opens round 2 of the current question (after round 1 is closed); false when that is not possible. */
    public synchronized boolean secondRound() {
        if (current == null || current.rounds.size() != 1 || current.revealed != null) {
            return false;
        }
        closeRound(current);
        current.rounds.add(new Round(2, clock.instant()));
        version++;
        return true;
    }

    /** The right answer is out (an option index or a number as text): every round closes, the page shows it. */
    public synchronized void reveal(String answer) {
        if (current != null) {
            closeRound(current);
            current.revealed = answer;
            version++;
        }
    }

    /**
     * A device's answer to the current round of question {@code questionId}. Anything that is not an
     * option index or a number is {@link Outcome#INVALID} and leaves no trace.
     */
    public synchronized Outcome answer(String device, String questionId, int round, String raw) {
        if (current == null || !current.question.id().equals(questionId) || current.current().number != round) {
            return Outcome.NOT_CURRENT;
        }
        Round r = current.current();
        if (r.closed != null) {
            return Outcome.CLOSED;
        }
        String a = current.question.canonical(raw);
        if (a == null) {
            return Outcome.INVALID;
        }
        String before = r.answers.get(device);
        if (before == null && r.answers.size() >= MAX_DEVICES) {
            return Outcome.FULL;
        }
        r.answers.put(device, a);
        return before == null ? Outcome.COUNTED : before.equals(a) ? Outcome.SAME : Outcome.CHANGED;
    }

    /** What a device sees now. */
    public synchronized View view(String device) {
        if (current == null) {
            return new View(version, null, 0, false, null, null);
        }
        Round r = current.current();
        return new View(version, current.question, r.number, r.closed == null, r.answers.get(device), current.revealed);
    }

    /** The question shown now, or null. */
    public synchronized PollQuestion question() {
        return current == null ? null : current.question;
    }

    /** The current round (1 or 2; 0 without a question). */
    public synchronized int round() {
        return current == null ? 0 : current.current().number;
    }

    public synchronized boolean isOpen() {
        return current != null && current.current().closed == null;
    }

    public synchronized boolean isRevealed() {
        return current != null && current.revealed != null;
    }

    /** How many devices have answered the current round (not who). */
    public synchronized int count() {
        return current == null ? 0 : current.current().answers.size();
    }

    /** Changes whenever the question, round or state changes (not on answers). */
    public synchronized long version() {
        return version;
    }

    /** The current question's distribution, every round in the same categories ({@code lang} for option labels). */
    public synchronized Distribution distribution(String lang) {
        return current == null ? null : distribution(current, lang);
    }

    private static Distribution distribution(Asked a, String lang) {
        List<List<String>> rounds = new ArrayList<>();
        for (Round r : a.rounds) {
            rounds.add(new ArrayList<>(r.answers.values()));
        }
        return a.question.kind() == PollQuestion.Kind.CHOICE
                ? Distribution.ofChoices(a.question.options(lang), rounds)
                : Distribution.ofNumbers(rounds);
    }

    /** One round of one question as the export writes it: no device tokens, only counts. */
    public record RoundResult(PollQuestion question, int round, Instant opened, Instant closed, int answers,
                              List<String> categories, int[] counts, String revealed) {
    }

    /** Every round of every question asked, in order ({@code lang} for the text). */
    public synchronized List<RoundResult> results(String lang) {
        List<RoundResult> out = new ArrayList<>();
        for (Asked a : history) {
            Distribution d = distribution(a, lang);
            for (int i = 0; i < a.rounds.size(); i++) {
                Round r = a.rounds.get(i);
                out.add(new RoundResult(a.question, r.number, r.opened, r.closed, r.answers.size(), d.labels(),
                        d.counts().get(i).clone(), a.revealed));
            }
        }
        return out;
    }
}
