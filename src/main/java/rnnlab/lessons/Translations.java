package rnnlab.lessons;

import java.util.List;
import java.util.Objects;

/** The English and Chinese files of a lesson must differ only in their words. */
final class Translations {
    private Translations() {
    }

    static void compare(Lesson en, Lesson zh, List<Problem> problems) {
        if (en.steps().size() != zh.steps().size()) {
            problems.add(new Problem(zh.file(), 0, "has " + zh.steps().size() + " steps; the English file has " + en.steps().size()));
            return;
        }
        for (int i = 0; i < en.steps().size(); i++) {
            Step a = en.steps().get(i);
            Step b = zh.steps().get(i);
            if (!a.scene().equals(b.scene())) {
                problems.add(new Problem(zh.file(), b.line(), "step " + (i + 1) + "'s scene differs from the English file's (line "
                        + a.line() + "); only the words may differ"));
            }
            List<Checkpoint> xs = a.checkpoints();
            List<Checkpoint> ys = b.checkpoints();
            if (xs.size() != ys.size()) {
                problems.add(new Problem(zh.file(), b.line(), "step " + (i + 1) + " has " + ys.size()
                        + " checkpoint(s) but the English file's has " + xs.size()));
                continue;
            }
            for (int k = 0; k < xs.size(); k++) {
                Checkpoint x = xs.get(k);
                Checkpoint y = ys.get(k);
                if (!sameLogic(x, y)) {
                    problems.add(new Problem(zh.file(), y.line(), "checkpoint \"" + y.id() + "\" differs from the English file's (line "
                            + x.line() + "): id, kind, value, tolerance, goal, reveal, require and the options' conditions must be the same"));
                }
            }
        }
    }

    /** The same exercises (ids, order, step, computed value) and the same prerequisites and time. */
    static void compareAround(Lesson en, Lesson zh, List<Problem> problems) {
        List<Exercise> a = en.exercises();
        List<Exercise> b = zh.exercises();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Exercise x = i < a.size() ? a.get(i) : null;
            Exercise y = i < b.size() ? b.get(i) : null;
            if (x == null || y == null || !x.id().equals(y.id()) || x.step() != y.step() || !Objects.equals(x.value(), y.value())
                    || (x.answer() == null) != (y.answer() == null)) {
                problems.add(new Problem(zh.file(), y == null ? 0 : y.line(), "exercise " + (i + 1) + " differs from the English file's"
                        + (x == null ? "" : " (line " + x.line() + ")") + ": id, step, value and whether it has an answer must be the same"));
                return;
            }
        }
        if (!en.front().prerequisites().equals(zh.front().prerequisites()) || en.front().minutes() != zh.front().minutes()
                || en.front().objectives().size() != zh.front().objectives().size()
                || en.front().references().size() != zh.front().references().size()) {
            problems.add(new Problem(zh.file(), 1, "the front matter differs from the English file's: the same prerequisites and "
                    + "minutes, and as many objective and reference lines"));
        }
    }

    private static boolean sameLogic(Checkpoint x, Checkpoint y) {
        if (!x.id().equals(y.id()) || x.kind() != y.kind() || !Objects.equals(x.value(), y.value())
                || !Objects.equals(x.tolerance(), y.tolerance()) || !Objects.equals(x.goal(), y.goal())
                || !Objects.equals(x.goalCondition(), y.goalCondition()) || x.options().size() != y.options().size()
                || !Objects.equals(x.reveal(), y.reveal()) || x.requireAnswer() != y.requireAnswer()) {
            return false;
        }
        for (int i = 0; i < x.options().size(); i++) {
            var a = x.options().get(i);
            var b = y.options().get(i);
            if (a.marked() != b.marked() || !Objects.equals(a.condition(), b.condition())) {
                return false;
            }
        }
        return true;
    }
}
