package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.print.Printer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonLibrary;
import rnnlab.session.AnswerKey;

/**
 * Lesson ▸ Answer key… opens every checkpoint and exercise of the open lesson with its answer, in the
 * window's language: the engine's values (lesson 07's σ_max = 1.06 and ρ = 0.72), the right options, the
 * fixed answers. Print is off with a reason when there is no printer (headless: none); Save as HTML writes
 * an escaped page; the pages Print would send are checked without a printer ({@code printedPages}). Screenshots target/screenshots/answer-key-{en,zh}.png
 * and answer-key-page1-{en,zh}.png (the first printed page).
 */
@ExtendWith(ApplicationExtension.class)
class AnswerKeyWindowTest extends LessonWalkBase {
    @TempDir
    Path tmp;

    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "answer-key-progress");
    }

    private static Stage keyWindow() throws Exception {
        return fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null
                        && s.getTitle().startsWith(Messages.get("answerKey.title")))
                .map(w -> (Stage) w).findFirst().orElse(null));
    }

    @Test
    void theAnswerKeyOfTheOpenLessonShowsEveryAnswerInTheWindowsLanguage() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> menu("menu-lesson-answerKey").isDisable())).as("no lesson open: nothing to show").isTrue();
        for (String lang : new String[] {"en", "zh"}) {
            Locale.setDefault(Locale.forLanguageTag(lang));
            Messages.setLocale(Locale.forLanguageTag(lang));
            assertThat(fx(() -> player.open("vanishing-gradients"))).isNull();
            var item = menu("menu-lesson-answerKey");
            assertThat(fx(item::isDisable)).isFalse();
            run(item::fire);
            until(() -> keyWindow() != null);
            Stage k = keyWindow();
            until(() -> k.getScene().getRoot().lookup("#answer-key-exercise-2") != null);
            String words = fx(() -> Narration.text(k.getScene().getRoot()));
            boolean zh = "zh".equals(lang);
            // the checkpoints, with the engine's values: sigma_max of the cat model is 1.06, rho 0.72
            assertThat(words).contains(zh ? "检查点 1" : "Checkpoint 1").contains(zh ? "练习 2" : "Exercise 2")
                    .contains("sigma_max = 1.06").contains("rho = 0.716")
                    .contains(zh ? "大于或等于 1" : "1 or above")
                    .contains(zh ? "引擎算出：" : "Computed by the engine:")
                    .doesNotContain("cannot compute").doesNotContain("无法计算");
            int checks = fx(() -> player.lesson().checkpoints().size());
            assertThat(fx(() -> k.getScene().getRoot().lookupAll(".answer-key-item").size()))
                    .isEqualTo(checks + fx(() -> player.lesson().exercises().size()));
            assertThat(fx(() -> k.getScene().getRoot().lookupAll(".math-refused").size())).isZero();
            Button print = fx(() -> (Button) k.getScene().getRoot().lookup("#answerKey-print"));
            Label message = fx(() -> (Label) k.getScene().getRoot().lookup("#answerKey-message"));
            boolean printer = fx(() -> Printer.getDefaultPrinter() != null);
            assertThat(fx(print::isDisable)).isEqualTo(!printer);
            if (!printer) {
                assertThat(fx(message::getText)).isEqualTo(Messages.get("answerKey.noPrinter"));
            }
            assertThat(fx(() -> k.getScene().getRoot().lookup("#answerKey-save").isDisable())).isFalse();
            screenshot(k.getScene(), "answer-key-" + lang);
            Lesson l = fx(() -> player.library().entry("vanishing-gradients").lesson(lang));
            List<AnswerKey.Item> items = AnswerKey.items(l, AnswerKeyWindow.words());
            printedPages(k, items, lang);
            // Save as HTML, through the atomic writer
            Path out = tmp.resolve("key-" + lang + ".html");
            run(() -> AnswerKeyWindow.save(out, l, items, message));
            String html = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("lang=\"" + lang + "\"").contains("sigma_max = 1.06")
                    .contains(l.title()).doesNotContain("<script");
            assertThat(fx(message::getText)).isEqualTo(Messages.format("answerKey.saved", out.getFileName()));
            run(k::close);
            run(player::close);
        }
        Files.deleteIfExists(progressFile);
    }

    /**
     * Print without a printer: the pages a printer would get for US Letter with 1-inch margins (468 × 648 pt)
     * hold every item once, in the window's order, each page no taller than the printable height (an item
     * taller than a page has one of its own), typeset as on screen: same stylesheets and font family, 0.8 the size.
     */
    private void printedPages(Stage k, List<AnswerKey.Item> items, String lang) throws Exception {
        double width = 468;
        double height = 648;
        double px = fx(() -> LessonHost.ThemeSettings.BASE_PX * window.theme().fontScale());
        List<javafx.scene.layout.VBox> sheets = fx(() -> AnswerKeyWindow.sheets(items, px, width, height,
                k.getScene().getStylesheets(), k.getScene().getRoot().getStyle()));
        assertThat(sheets).hasSizeGreaterThan(1);
        List<String> onScreen = fx(() -> k.getScene().getRoot().lookupAll(".answer-key-item").stream().map(javafx.scene.Node::getId).toList());
        List<String> onPaper = fx(() -> sheets.stream().flatMap(p -> p.getChildren().stream()).map(javafx.scene.Node::getId).toList());
        assertThat(onPaper).isEqualTo(onScreen);
        for (var sheet : sheets) {
            assertThat(fx(() -> sheet.getScene().getStylesheets())).isEqualTo(fx(() -> k.getScene().getStylesheets()));
            assertThat(fx(sheet::getWidth)).isCloseTo(width, org.assertj.core.data.Offset.offset(0.5));
            if (fx(() -> sheet.getChildren().size()) > 1) {
                assertThat(fx(sheet::getHeight)).as("a page of several items fits the printable height").isLessThanOrEqualTo(height + 0.5);
            }
        }
        // pages are filled: the first item of a page would not have fitted on the one before
        for (int p = 1; p < sheets.size(); p++) {
            var before = sheets.get(p - 1);
            var next = (javafx.scene.layout.Region) sheets.get(p).getChildren().get(0);
            double together = fx(() -> before.getHeight() + before.getSpacing() + next.getHeight());
            assertThat(together).isGreaterThan(height);
        }
        javafx.scene.text.Text screen = fx(() -> (javafx.scene.text.Text) k.getScene().getRoot().lookup("#answer-key-checkpoint-1").lookup(".nt"));
        javafx.scene.text.Text paper = fx(() -> (javafx.scene.text.Text) sheets.get(0).lookup("#answer-key-checkpoint-1").lookup(".nt"));
        assertThat(fx(() -> paper.getFont().getFamily())).isEqualTo(fx(() -> screen.getFont().getFamily()));
        assertThat(fx(() -> paper.getFont().getSize() / screen.getFont().getSize()))
                .isCloseTo(AnswerKeyWindow.PRINT_SCALE, org.assertj.core.data.Offset.offset(0.02));
        String paperWords = fx(() -> sheets.stream().map(Narration::text).reduce("", String::concat));
        assertThat(paperWords).contains("sigma_max = 1.06").contains("rho = 0.716");
        screenshot(fx(() -> sheets.get(0).getScene()), "answer-key-page1-" + lang);
    }

    @Test
    void savingIntoAFolderThatIsAFileSaysWhyAndKeepsTheWindow() throws Exception {
        Path blocker = tmp.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Lesson l = fx(() -> player.library().entry("bptt").lesson("en"));
        List<AnswerKey.Item> items = AnswerKey.items(l, AnswerKeyWindow.words());
        Label message = fx(Label::new);
        run(() -> AnswerKeyWindow.save(blocker.resolve("key.html"), l, items, message));
        assertThat(fx(message::getText)).startsWith("Could not save " + blocker.resolve("key.html"));
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void itemsAreGroupedIntoPagesThatFit() {
        assertThat(AnswerKeyWindow.pages(List.of(100.0, 300.0, 200.0, 900.0, 50.0), 500))
                .containsExactly(List.of(0, 1), List.of(2), List.of(3), List.of(4));
        assertThat(AnswerKeyWindow.pages(List.of(), 500)).isEmpty();
    }

    @Test
    void theHtmlEscapesLessonText() throws Exception {
        Lesson l = fx(() -> player.library().entry("bptt").lesson("en"));
        AnswerKey.Item hostile = new AnswerKey.Item(true, 1, 0, "<b>step</b>", "x", "<script>alert(1)</script> & \"q\"",
                null, "a < b", null);
        String html = AnswerKey.html(l, List.of(hostile), AnswerKeyWindow.words());
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;")
                .contains("a &lt; b").contains("&lt;b&gt;step&lt;/b&gt;");
    }
}
