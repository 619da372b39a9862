package rnnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.Problem;
import rnnlab.lessons.Step;

/**
 * {@code lessons check --layout}: every step of every readable lesson shown in the window (with
 * {@code --present} in presentation mode, as in front of a class) at each size in each language, through the app's {@link LessonScreens}. Text the
 * layout checker finds cut, clipped or over other text is a problem on the step's heading line
 * ({@code 03-x.en.md:40: step 2: view lstm: label "…" clipped by #x (1024x768)}); narration and
 * checkpoints that do not fit the lesson panel are a warning.
 */
final class LayoutReport {
    private LayoutReport() {
    }

    static List<Problem> check(LessonLibrary lib, List<int[]> sizes, boolean present, List<Problem> warnings, PrintWriter err) {
        LessonScreens screens = Main.screens();
        if (screens == null) {
            throw new IllegalArgumentException("--layout: " + LessonScreens.UNAVAILABLE);
        }
        List<LessonScreens.Shot> shots = new ArrayList<>();
        List<Lesson> of = new ArrayList<>();
        for (String lang : LessonLibrary.LANGUAGES) {
            for (LessonEntry e : lib.entries()) {
                Lesson l = e.ok() ? e.lesson(lang) : null;
                if (l == null) {
                    continue;
                }
                for (Step s : l.steps()) {
                    for (int[] size : sizes) {
                        shots.add(new LessonScreens.Shot(l.id(), s.index(), lang, size[0], size[1], present, null));
                        of.add(l);
                    }
                }
            }
        }
        err.println("showing " + shots.size() + " screens (steps x sizes x languages) ...");
        err.flush();
        List<LessonScreens.Screen> shown;
        try {
            shown = screens.show(lib, shots);
        } catch (Exception ex) {
            throw new IllegalStateException("--layout: the window could not be shown: " + ex.getMessage(), ex);
        }
        Set<Problem> out = new LinkedHashSet<>();
        for (int i = 0; i < shown.size(); i++) {
            LessonScreens.Screen sc = shown.get(i);
            LessonScreens.Shot shot = sc.shot();
            Lesson l = of.get(i);
            Step step = l.steps().get(shot.step());
            String at = "step " + (shot.step() + 1) + ": ";
            String size = shot.width() + "x" + shot.height();
            if (sc.error() != null) {
                out.add(new Problem(l.file(), step.line(), at + "could not be shown (" + size + "): " + sc.error()));
                continue;
            }
            for (String f : sc.findings()) {
                out.add(new Problem(l.file(), step.line(), at + f + " (" + size + ")"));
            }
            if (!sc.fits()) {
                warnings.add(new Problem(l.file(), step.line(), at + "warning: the narration"
                        + (step.checkpoints().isEmpty() ? "" : " and the checkpoint" + (step.checkpoints().size() > 1 ? "s" : ""))
                        + (step.checkpoints().isEmpty() ? " does" : " do") + " not fit the lesson panel at " + size + (present ? " in presentation mode" : "")
                        + ": the " + (present ? "class has" : "student has") + " to scroll"
                        + (step.checkpoints().isEmpty() ? "" : " to see the question") + " (shorten the narration or split the step)"));
            }
        }
        return new ArrayList<>(out);
    }
}
