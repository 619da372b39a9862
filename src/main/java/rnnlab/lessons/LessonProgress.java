package rnnlab.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import rnnlab.io.InputException;
import rnnlab.io.StrictJson;
import rnnlab.io.UserFiles;

/**
 * A user's progress through the lessons: the step each lesson was left at, whether it was finished, and
 * the answer given to each checkpoint. Saved as {@code progress.json} in the user folder
 * ({@link UserFiles}), atomically, so a crash never leaves half a file; an unreadable file starts afresh.
 */
public final class LessonProgress {
    public static final String FILE = "progress.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An answer: what was chosen or typed, whether it was right (a goal: reached), the hash of the
     * question it answered ({@link LessonEntry#questionHash}; null for answers saved before hashes were kept),
     * and whether it was a first wrong answer whose one retry is still left ({@code retryLeft}: the student
     * left the step before retrying; shown again, the question is open for that retry). The answer kept is
     * the first one either way (it is the score); answers saved before retries were kept are settled (false).
     * {@code last} is the answer the question was revealed with when that was not the first one (the retry,
     * or the class poll's answer while the retry was left), so that the step shown again says what the
     * student ended with; null otherwise, and in files written before it was kept (shown as the first).
     */
    public record Answer(String given, boolean right, String question, boolean retryLeft, String last) {
        public Answer(String given, boolean right, String question, boolean retryLeft) {
            this(given, right, question, retryLeft, null);
        }

        public Answer(String given, boolean right, String question) {
            this(given, right, question, false);
        }

        public Answer(String given, boolean right) {
            this(given, right, null);
        }

        /** The same answer with its retry used (or given up by a reveal): nothing is left to try. */
        public Answer settled() {
            return retryLeft ? new Answer(given, right, question, false, last) : this;
        }

        /**
         * The same answer (still the score) settled, revealed with {@code shown}: kept as {@link #last} when it
         * differs from the first answer.
         */
        public Answer settledWith(String shown) {
            String l = shown == null || shown.equals(given) ? null : shown;
            return new Answer(given, right, question, false, l);
        }

        /** What the question was revealed with: the last answer if there was one after the first, else the first. */
        public String shown() {
            return last != null ? last : given;
        }
    }

    private static final class State {
        int step;
        boolean done;
        final Map<String, Answer> answers = new LinkedHashMap<>();
    }

    private final Path file;
    private String problem;
    private final Map<String, State> lessons = new LinkedHashMap<>();

    private LessonProgress(Path file) {
        this.file = file;
    }

    /** The user's progress ({@code progress.json} in the user folder). */
    public static LessonProgress load() {
        return load(UserFiles.file(FILE));
    }

    /**
     * The progress in {@code file}; a file that cannot be read (malformed, a key twice, the wrong
     * format …) starts afresh, keeps a copy beside it ({@code progress.json.unreadable}) so nothing is
     * lost, and says why in {@link #problem()}.
     */
    public static LessonProgress load(Path file) {
        LessonProgress p = new LessonProgress(file);
        if (!Files.isRegularFile(file)) {
            return p;
        }
        try {
            p.read();
        } catch (InputException e) {
            p.lessons.clear();
            p.problem = e.getMessage();
            StrictJson.setAside(file);
        }
        return p;
    }

    /** Why the file could not be read (file, place, expectation), or null. */
    public String problem() {
        return problem;
    }

    private void read() throws InputException {
        String name = file.toString();
        JsonNode root = StrictJson.read(file);
        StrictJson.checkHeader(name, root, "rnnlab-progress");
        JsonNode ls = root.path("lessons");
        if (!ls.isObject()) {
            throw new InputException(name, "lessons", "expected a JSON object of lessons");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ls.fields(); it.hasNext();) {
            var e = it.next();
            String at = "lessons." + e.getKey();
            if (!e.getValue().isObject()) {
                throw new InputException(name, at, "expected a JSON object with step, done and answers");
            }
            State s = new State();
            JsonNode step = e.getValue().path("step");
            if (!step.isMissingNode() && (!step.canConvertToInt() || !step.isIntegralNumber() || step.asInt() < 0)) {
                throw new InputException(name, at + ".step", "expected a whole number from 0, found " + step);
            }
            s.step = Math.max(0, step.asInt(0));
            s.done = e.getValue().path("done").asBoolean(false);
            for (Iterator<Map.Entry<String, JsonNode>> a = e.getValue().path("answers").fields(); a.hasNext();) {
                var ae = a.next();
                JsonNode q = ae.getValue().path("question");
                JsonNode last = ae.getValue().path("last");
                // "retryLeft" is written only while a retry is left: without it (files from before) the answer is
                // settled; "last" only when the answer revealed was not the first: without it, the first shows
                s.answers.put(ae.getKey(), new Answer(ae.getValue().path("given").asText(""),
                        ae.getValue().path("right").asBoolean(false), q.isTextual() ? q.asText() : null,
                        ae.getValue().path("retryLeft").asBoolean(false), last.isTextual() ? last.asText() : null));
            }
            lessons.put(e.getKey(), s);
        }
    }

    private State state(String lesson) {
        return lessons.computeIfAbsent(lesson, k -> new State());
    }

    /** True when the lesson was ever opened. */
    public synchronized boolean started(String lesson) {
        return lessons.containsKey(lesson);
    }

    /** The step the lesson was left at (from 0). */
    public synchronized int step(String lesson) {
        State s = lessons.get(lesson);
        return s == null ? 0 : s.step;
    }

    public synchronized void setStep(String lesson, int step) {
        state(lesson).step = Math.max(0, step);
    }

    public synchronized boolean done(String lesson) {
        State s = lessons.get(lesson);
        return s != null && s.done;
    }

    public synchronized void setDone(String lesson, boolean done) {
        state(lesson).done = done;
    }

    /** The saved answer to a checkpoint, or null. */
    public synchronized Answer answer(String lesson, String checkpoint) {
        State s = lessons.get(lesson);
        return s == null ? null : s.answers.get(checkpoint);
    }

    /**
     * The saved answer to a checkpoint as it is worded now: an answer saved for another wording of the
     * question (its hash differs) is ignored, so a reworded question starts fresh.
     */
    public synchronized Answer answer(String lesson, String checkpoint, String questionHash) {
        Answer a = answer(lesson, checkpoint);
        return a == null || (a.question() != null && questionHash != null && !a.question().equals(questionHash)) ? null : a;
    }

    public synchronized void setAnswer(String lesson, String checkpoint, Answer answer) {
        state(lesson).answers.put(checkpoint, answer);
    }

    /** Forgets a lesson (restart from the beginning). */
    public synchronized void reset(String lesson) {
        lessons.remove(lesson);
    }

    /** Writes the file atomically (temporary file, then rename). */
    public void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "rnnlab-progress");
        root.put("version", 1);
        ObjectNode ls = root.putObject("lessons");
        synchronized (this) {
            for (var e : lessons.entrySet()) {
                ObjectNode l = ls.putObject(e.getKey());
                l.put("step", e.getValue().step);
                l.put("done", e.getValue().done);
                ObjectNode a = l.putObject("answers");
                e.getValue().answers.forEach((k, v) -> {
                    ObjectNode o = a.putObject(k);
                    o.put("given", v.given());
                    o.put("right", v.right());
                    if (v.question() != null) {
                        o.put("question", v.question());
                    }
                    if (v.retryLeft()) {
                        o.put("retryLeft", true);
                    }
                    if (v.last() != null) {
                        o.put("last", v.last());
                    }
                });
            }
        }
        UserFiles.writeTextAtomically(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), file);
    }
}
