package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.lessons.Step;
import rnnlab.ui.viewmodel.LessonCommands;
import rnnlab.i18n.Messages;

/**
 * Every step of every shipped lesson, in both languages, applied in the real window: no step's scene
 * ends in a problem line or an error banner, each lands on its timeline position, and every
 * checkpoint's value (or goal) can be computed on the model the step shows. Catches ids, presets and
 * files that only fail at run time.
 */
@ExtendWith(ApplicationExtension.class)
class ShippedLessonsPlayerTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "shipped-lessons-progress");
    }

    @Test
    void everyStepOfEveryLessonAppliesInBothLanguages() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        List<String> failures = new ArrayList<>();
        LessonCommands commands = new LessonCommands(vm);
        int steps = 0;
        for (String lang : List.of("en", "zh")) {
            Locale.setDefault(Locale.forLanguageTag(lang));
            Messages.setLocale(Locale.forLanguageTag(lang));
            for (LessonEntry e : player.library().entries()) {
                assertThat(fx(() -> player.open(e.id()))).as(e.id()).isNull();
                Lesson l = player.lesson();
                assertThat(l.lang()).isEqualTo(lang);
                run(player::restart);
                for (int i = 0; i < l.steps().size(); i++) {
                    int index = i;
                    run(() -> player.go(index));
                    Step s = l.steps().get(i);
                    String where = l.file().getFileName() + " step " + (i + 1) + " (line " + s.line() + ")";
                    try {
                        until(() -> player.stepIndex() == index && !vm.busyProperty().get() && applied());
                    } catch (Exception timeout) {
                        failures.add(where + ": the scene never finished applying");
                        continue;
                    }
                    String problem = fx(() -> player.lessonPanel().problemText());
                    String error = fx(() -> vm.errorProperty().get());
                    if (problem != null || error != null) {
                        failures.add(where + ": " + problem + " / " + error);
                    }
                    String spot = s.scene().highlightRegion();
                    String viewId = rnnlab.lessons.ElementIds.viewOf(spot);
                    if (spot != null && viewId != null && !spot.equals(viewId) && !drawn(viewId, spot)) {
                        failures.add(where + ": the highlight " + s.scene().highlight() + " is not drawn by " + viewId);
                    }
                    for (Checkpoint c : s.checkpoints()) { // every checkpoint of the step (lesson 01 has a step with two)
                        var q = c.kind() == Checkpoint.Kind.GOAL ? c.goal() : c.value();
                        if (q != null) {
                            CompletableFuture<Double> v = new CompletableFuture<>();
                            run(() -> commands.evaluate(q, s.scene().seq2seq(), v::complete)); // as the player does: a seq2seq quantity reads the step's encoder-decoder
                            double value = v.get(20, TimeUnit.SECONDS);
                            if (Double.isNaN(value)) {
                                failures.add(where + ": checkpoint " + c.id() + " cannot be computed");
                            }
                        }
                    }
                    steps++;
                }
                run(player::close);
                // the training panel or experiment window a lesson opened must not pile up
                run(() -> window.training().shownProperty().set(false));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(steps).isGreaterThan(2 * 16 * 4);
        Files.deleteIfExists(progressFile);
    }

    /** True once the view has drawn the part {@code id} (or parts below it) since the step was applied. */
    private boolean drawn(String viewId, String id) {
        try {
            until(() -> window.viewsArea().views().stream().filter(v -> v.id().equals(viewId)).findFirst()
                    .map(v -> ((rnnlab.ui.controls.LabCanvasSkin<?>) ((rnnlab.ui.controls.LabCanvasControl) v.node()).getSkin())
                            .regionIds().stream().anyMatch(r -> r.equals(id) || r.startsWith(id + ".")))
                    .orElse(false));
            return true;
        } catch (Exception timeout) {
            return false;
        }
    }

    /** The position the step asks for has been reached (the last applied step's, whatever it is). */
    private boolean applied() {
        return player.isOpen() && vm.frameProperty().get() != null && player.appliedPosition() == vm.positionProperty().get();
    }
}
