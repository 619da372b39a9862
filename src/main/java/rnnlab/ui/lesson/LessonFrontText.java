package rnnlab.ui.lesson;

import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import rnnlab.i18n.Messages;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonFront;
import rnnlab.lessons.LessonLibrary;

/** A lesson's front matter where the class meets it: a line in the lesson list, and above the first step. */
final class LessonFrontText {
    private LessonFrontText() {
    }

    /** The first step's narration with the lesson's objectives, prerequisites, time and references above it. */
    static String before(Lesson lesson, LessonLibrary lib, String narration) {
        if (lesson == null || lesson.front().isEmpty()) {
            return narration;
        }
        String front = lesson.front().markdown(lesson.lang(), id -> {
            LessonEntry e = lib == null ? null : lib.entry(id);
            return e == null ? null : String.format("%02d %s", e.number(), e.title(lesson.lang()));
        });
        return front + "\n\n" + narration;
    }

    /** Markdown and inline math as plain text for a label: $W_{hh}$ → W_hh, \tanh → tanh, *x* → x. */
    static String plain(String markdown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([^$]*)\\$").matcher(markdown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String tex = m.group(1).replaceAll("\\\\(sigma)", "\u03c3").replaceAll("\\\\(rho)", "\u03c1")
                    .replaceAll("\\\\([a-zA-Z]+)", "$1").replace("{", "").replace("}", "");
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(tex));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\*+([^*]+)\\*+", "$1");
    }

    /** "About 25 min · builds on 03, 06" with the objectives as its tooltip; empty for a lesson without them. */
    static Label listLine(LessonEntry e, String lang, LessonLibrary lib) {
        Lesson l = e.lesson(lang);
        LessonFront f = l == null ? LessonFront.NONE : l.front();
        Label line = new Label();
        line.getStyleClass().addAll("muted", "lesson-list-front");
        line.setWrapText(true);
        line.setMinWidth(0);
        if (f.isEmpty()) {
            line.setVisible(false);
            line.setManaged(false);
            return line;
        }
        String prereq = f.prerequisites().isEmpty() ? Messages.get("lesson.front.noPrereq")
                : f.prerequisites().stream().map(p -> {
                    LessonEntry pe = lib == null ? null : lib.entry(p);
                    return pe == null ? p : String.format("%02d", pe.number());
                }).collect(Collectors.joining(", "));
        String objectives = f.objectives().stream().map(o -> "\u2022 " + plain(o)).collect(Collectors.joining("\n"));
        line.setText(Messages.format("lesson.front.line", f.minutes(), prereq)
                + (f.objectives().isEmpty() ? "" : "\n" + objectives));
        if (!f.objectives().isEmpty()) {
            line.setTooltip(new Tooltip(objectives));
        }
        return line;
    }
}
