package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;

/**
 * The glossary opens from Help ▸ Glossary and from the lesson panel's link, in the window's language, with the
 * notation bridge and the term table typeset (no formula refused). Screenshots target/screenshots/glossary-{en,zh}.png
 * (GlossaryWindowZhTest: in a window built in Chinese, no English bundle string on screen).
 */
@ExtendWith(ApplicationExtension.class)
class GlossaryWindowTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "glossary-progress");
    }

    private static Stage glossary() throws Exception {
        return fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && Messages.get("glossary.title").equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElse(null));
    }

    @Test
    void helpMenuAndLessonPanelOpenTheGlossaryInTheWindowsLanguage() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        {
            String lang = lang();
            var item = menu("menu-help-glossary");
            assertThat(item).isNotNull();
            run(item::fire);
            until(() -> glossary() != null);
            Stage g = glossary();
            String words = fx(() -> Narration.text(g.getScene().getRoot()));
            assertThat(words).contains("weight_hh_l0").contains("隐藏单元").contains("hidden unit");
            assertThat(words).contains("zh".equals(lang) ? "符号对照" : "Notation bridge");
            assertThat(fx(() -> g.getScene().getRoot().lookupAll(".math-refused").size())).isZero();
            // the term table's first column is the English term, beside its Chinese: on purpose
            assertBuiltInChinese(fx(() -> g.getScene().getRoot()), n -> n.getParent() instanceof javafx.scene.layout.GridPane t
                    && t.getStyleClass().contains("glossary-table") && t.getColumnCount() == 2
                    && javafx.scene.layout.GridPane.getColumnIndex(n) != null && javafx.scene.layout.GridPane.getColumnIndex(n) == 0
                    && javafx.scene.layout.GridPane.getRowIndex(n) != null && javafx.scene.layout.GridPane.getRowIndex(n) > 0);
            screenshot(g.getScene(), "glossary-" + lang);
            run(g::close);
            // the lesson panel's link
            assertThat(fx(() -> player.open("bptt"))).isNull();
            Hyperlink link = fx(() -> (Hyperlink) window.scene().lookup("#lesson-glossary"));
            assertThat(link).isNotNull();
            run(link::fire);
            until(() -> glossary() != null);
            run(() -> {
                try {
                    glossary().close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            run(player::close);
        }
        Files.deleteIfExists(progressFile);
    }
}
