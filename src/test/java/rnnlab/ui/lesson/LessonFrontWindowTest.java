package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;

/**
 * A lesson's front matter where the class meets it, in English and Chinese: objectives, prerequisites
 * (with their numbers and titles), time and references above the first step, and a line in the lesson
 * list. Screenshots target/screenshots/lesson-front-{en,zh}.png and lesson-list-front-{en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFrontWindowTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "lesson-front-progress");
    }

    @Test
    void frontMatterOpensTheLessonAndLinesTheList() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        for (String lang : new String[] {"en", "zh"}) {
            Locale.setDefault(Locale.forLanguageTag(lang));
            Messages.setLocale(Locale.forLanguageTag(lang));
            assertThat(fx(() -> player.open("vanishing-gradients"))).isNull();
            run(player::restart);
            run(() -> player.go(0));
            until(() -> player.stepIndex() == 0 && !vm.busyProperty().get());
            String text = fx(() -> player.narration(player.lesson().steps().get(0)));
            if (lang.equals("en")) {
                assertThat(text).startsWith("**Learning objectives**").contains("**Prerequisites:** 06 Loss over time")
                        .contains("about 35 minutes").contains("Pascanu, Mikolov, Bengio");
            } else {
                assertThat(text).startsWith("**学习目标**").contains("**先修课程：** 06 ").contains("约 35 分钟");
            }
            screenshot("lesson-front-" + lang);
            run(player::showList);
            until(() -> Window.getWindows().size() > 1);
            Window dialog = fx(() -> Window.getWindows().stream().filter(x -> x.getScene() != window.scene()).findFirst().orElseThrow());
            until(() -> !dialog.getScene().getRoot().lookupAll(".lesson-list-front").isEmpty());
            String lines = fx(() -> dialog.getScene().getRoot().lookupAll(".lesson-list-front").stream()
                    .map(n -> ((Label) n).getText()).collect(Collectors.joining("\n")));
            // lesson 03's objective has math: plain text in a label, not TeX source
            assertThat(lines).doesNotContain("\\tanh").doesNotContain("$");
            assertThat(lines).contains(lang.equals("en") ? "About 20 min \u00b7 builds on: nothing before" : "约 20 分钟 · 先修：无");
            screenshot(dialog.getScene(), "lesson-list-front-" + lang);
            run(dialog::hide);
            run(player::close);
        }
    }
}
