package rnnlab.lessons;

import java.util.List;
import java.util.Map;

/**
 * One lesson of the library in all its languages, with what is wrong with it. A lesson with problems
 * still appears in the list (showing them) but cannot be opened.
 *
 * @param id       the lesson's id
 * @param number   its place in the list
 * @param lessons  by language ({@code en}, {@code zh}); empty when no file could be read
 * @param problems file:line messages; empty when the lesson is fine
 */
public record LessonEntry(String id, int number, Map<String, Lesson> lessons, List<Problem> problems) {
    public LessonEntry {
        lessons = Map.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && !lessons.isEmpty();
    }

    /** The lesson in {@code lang}, else in English, else in any language; null when none was read. */
    public Lesson lesson(String lang) {
        Lesson l = lessons.get(lang);
        if (l == null) {
            l = lessons.get("en");
        }
        if (l == null && !lessons.isEmpty()) {
            l = lessons.values().iterator().next();
        }
        return l;
    }

    /** The title in {@code lang} (falling back as {@link #lesson} does), or the id. */
    public String title(String lang) {
        Lesson l = lesson(lang);
        return l == null ? id : l.title();
    }

    /**
     * A short hash of checkpoint {@code checkpointId} as every language words it (kind, question, value,
     * options, goal): rewording it in either language changes the hash, so saved answers to the old
     * wording are not shown as answers to the new one. Null when no language has the checkpoint.
     */
    public String questionHash(String checkpointId) {
        StringBuilder sb = new StringBuilder();
        for (String lang : LessonLibrary.LANGUAGES) {
            Lesson l = lessons.get(lang);
            if (l == null) {
                continue;
            }
            for (Step s : l.steps()) {
                for (Checkpoint c : s.checkpoints()) {
                    if (c.id().equals(checkpointId)) {
                        sb.append(lang).append('\u0000').append(c.fingerprint()).append('\u0000');
                    }
                }
            }
        }
        if (sb.length() == 0) {
            return null;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            return Integer.toHexString(sb.toString().hashCode());
        }
    }
}
