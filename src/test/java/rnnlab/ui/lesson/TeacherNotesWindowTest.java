package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;


/**
 * A shipped lesson's teacher note is hidden from the class and shows, quoted and labelled, once View ▸ Teacher
 * notes is on, in the window's language. Screenshot target/screenshots/teacher-notes-en.png; TeacherNotesWindowZhTest
 * runs it in a window built in Chinese (teacher-notes-zh.png).
 */
@ExtendWith(ApplicationExtension.class)
class TeacherNotesWindowTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "teacher-notes-progress");
    }

    @Test
    void theNoteOfLesson7ShowsOnlyWhenTheTeacherAsks() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        {
            String lang = lang();
            boolean zh = "zh".equals(lang);
            String label = Messages.get("lesson.note");
            String misconception = zh ? "常见误解" : "Misconception:";
            run(() -> player.teacherNotesProperty().set(false));
            assertThat(fx(() -> player.open("vanishing-gradients"))).isNull();
            atStep(1, END);
            String hidden = fx(() -> Narration.text(window.scene().getRoot()));
            assertThat(hidden).doesNotContain(label).doesNotContain(misconception);
            var item = menu("menu-view-teacherNotes");
            assertThat(item).isNotNull();
            run(() -> ((javafx.scene.control.CheckMenuItem) item).setSelected(true));
            until(() -> Narration.text(window.scene().getRoot()).contains(misconception));
            String shown = fx(() -> Narration.text(window.scene().getRoot()));
            assertThat(shown).contains(label).contains(zh ? "指给学生看" : "Point at:").contains(zh ? "讨论" : "Ask:");
            run(() -> ((javafx.scene.control.ScrollPane) window.scene().lookup("#lesson-scroll")).setVvalue(1));
            screenshot("teacher-notes-" + lang);
            run(() -> player.teacherNotesProperty().set(false));
            run(player::close);
        }
        Files.deleteIfExists(progressFile);
    }
}
