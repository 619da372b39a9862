package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.UnrolledView;
import rnnlab.ui.views.ViewCatalog;

/**
 * Walks the three test lessons end to end in one language with the keys a presentation clicker sends,
 * answering each checkpoint (right and wrong), reaching a goal by scaling W_hh, and checks that each
 * scene was applied (model, position, views, spotlight, locks) and that progress is saved and resumed.
 */
abstract class LessonWalkBase {
    static final Path LESSONS = Path.of("src/test/resources/lessons-test");
    MainWindow window;
    RunViewModel vm;
    LessonPlayer player;
    Path progressFile;

    /** The language the window is built in: English unless a test class says otherwise. */
    Locale locale() {
        return Locale.ENGLISH;
    }

    String lang() {
        return locale().getLanguage();
    }

    /** Each test class calls this from its own @Start (TestFX looks there only). */
    void start(Stage stage) throws Exception {
        Locale.setDefault(locale());
        Messages.setLocale(locale());
        progressFile = Path.of("target", "test-home", "lesson-walk-" + lang() + ".json");
        Files.createDirectories(progressFile.getParent());
        Files.deleteIfExists(progressFile);
        window = build(stage);
        vm = window.viewModel();
    }

    /** For tests of the shipped lessons: {@link #start}, then lessons/ and a fresh progress file of this name. */
    void startWithShippedLessons(Stage stage, String progressName) throws Exception {
        start(stage);
        player.setLibrary(LessonLibrary.load(Path.of("lessons")));
        freshProgress(progressName);
    }

    /** The player keeps its progress in target/test-home/{@code name}.json, emptied first: a test class's own file. */
    void freshProgress(String name) throws Exception {
        progressFile = Path.of("target", "test-home", name + ".json");
        Files.deleteIfExists(progressFile);
        player.setProgress(LessonProgress.load(progressFile));
    }

    /**
     * Once the window shows its first frame: {@code lesson} written to {@code dir} as {@code stem}.en.md and
     * {@code stem}.zh.md, its {@code %s} (the title) filled in with {@code titleEn} and {@code titleZh}.
     */
    void writeLesson(Path dir, String stem, String lesson, String titleEn, String titleZh) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Files.writeString(dir.resolve(stem + ".en.md"), lesson.formatted(titleEn));
        Files.writeString(dir.resolve(stem + ".zh.md"), lesson.formatted(titleZh));
    }

    /** {@code dir} becomes the player's library and lesson {@code id} opens from it, with no problem. */
    void openFrom(Path dir, String id) throws Exception {
        run(() -> player.setLibrary(LessonLibrary.load(dir)));
        assertThat(fx(() -> player.open(id))).isNull();
    }

    /** Every lesson test leaves the JVM in English for the test classes after it. */
    @org.junit.jupiter.api.AfterAll
    static void backToEnglish() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    MainWindow build(Stage stage) {
        MainWindow w = new MainWindow(stage, ViewCatalog.createAll());
        w.lessons().setLibrary(LessonLibrary.load(LESSONS));
        w.lessons().setProgress(LessonProgress.load(progressFile));
        player = w.lessons();
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
        return w;
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    static void run(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    static void until(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(c));
    }

    static final int END = -1;
    static final int BACKWARD_END = -2;

    /** Waits until step {@code n} (from 1) shows and its scene has reached the engine (END: T, BACKWARD_END: 2T). */
    void atStep(int n, int position) throws Exception {
        try {
            waitStep(n, position);
        } catch (Exception e) {
            throw new AssertionError(fx(() -> "step " + n + " at " + position + " not reached: open=" + player.isOpen()
                    + " lesson=" + (player.lesson() == null ? null : player.lesson().id()) + " index=" + player.stepIndex()
                    + " busy=" + vm.busyProperty().get() + " position=" + vm.positionProperty().get() + " length="
                    + vm.timelineLengthProperty().get() + " problem=" + player.lessonPanel().problemText()
                    + " error=" + vm.errorProperty().get()), e);
        }
    }

    /** Next (the button's action), then {@link #atStep} {@code n} at {@code position}. */
    void nextTo(int n, int position) throws Exception {
        run(player::next);
        atStep(n, position);
    }

    /** Previous (the button's action), then {@link #atStep} {@code n} at {@code position}. */
    void previousTo(int n, int position) throws Exception {
        run(player::previous);
        atStep(n, position);
    }

    private void waitStep(int n, int position) throws Exception {
        until(() -> {
            if (player.stepIndex() != n - 1 || vm.busyProperty().get() || vm.frameProperty().get() == null) {
                return false;
            }
            int t = vm.frameProperty().get().length();
            int want = position == END ? t : position == BACKWARD_END ? vm.timelineLengthProperty().get() : position;
            return vm.positionProperty().get() == want;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lesson 1 (vanilla RNN), lesson 2 (LSTM), lesson 3 (GRU), opened from the list, stepped with PageDown and PageUp. */
    void walkThreeLessons(FxRobot robot) throws Exception {
        boolean zh = lang().equals("zh");
        until(() -> vm.frameProperty().get() != null);
        // the list: three lessons with their titles in this language, the broken one with its problem
        LessonList list = fx(player::showList);
        var items = fx(() -> List.copyOf(list.listView().getItems()));
        assertThat(items).hasSize(4);
        assertThat(items.get(0).title(lang())).isEqualTo(zh ? "初识普通 RNN" : "First steps through a vanilla RNN");
        assertThat(fx(() -> player.mark(items.get(3)))).startsWith("\u26a0").contains("04-broken.en.md:9:", "tiny_rnnn");
        assertThat(fx(() -> player.mark(items.get(0)))).isEmpty();
        // a broken lesson does not open: the list says why and stays
        run(() -> list.listView().getSelectionModel().select(3));
        robot.lookup("#lesson-list-open").queryAs(Button.class);
        run(() -> robot.lookup("#lesson-list-open").queryAs(Button.class).fire());
        assertThat(robot.lookup("#lesson-list-problem").queryAs(Label.class).getText()).contains("tiny_rnnn");
        assertThat(player.isOpen()).isFalse();
        run(() -> list.listView().getSelectionModel().select(0));
        run(() -> robot.lookup("#lesson-list-open").queryAs(Button.class).fire());

        // ---- lesson 1, step 1: tiny RNN at position 0, three views, the unrolled view lit, the model locked
        atStep(1, 0);
        assertTitle(robot, "One cell, reused", "同一个单元，反复使用");
        assertThat(text(robot, "lesson-counter")).isEqualTo(Messages.format("lesson.counter", 1, 4));
        assertThat(vm.cellTypeProperty().get()).isEqualTo("rnn_tanh");
        assertThat(vm.hiddenSizeProperty().get()).isEqualTo(3);
        assertThat(fx(window::visibleViews)).containsExactly("view.unrolled", "view.rnn", "view.heatmap"); // the scene's order (views: unrolled, rnn, heatmap)
        assertThat(fx(() -> window.context().highlightProperty().get())).isEqualTo("view.unrolled");
        assertThat(robot.lookup("#tile-view-unrolled").query().getStyleClass()).contains("highlighted");
        assertThat(disabled(robot, "panel-model")).isTrue();
        assertThat(disabled(robot, "panel-sequence")).isFalse();
        assertThat(robot.lookup("#lesson-locked-hint").query().isVisible()).isTrue();
        screenshot("lesson-player-step1-" + lang());
        String n1 = narration(robot);
        assertThat(n1).contains(zh ? "同一个单元" : "the same cell").contains("$h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)$");

        // step 2 (PageDown): position 2, unit 1 selected, rnn.h lit; predict the sign: right
        robot.type(KeyCode.PAGE_DOWN);
        atStep(2, 2);
        assertThat(fx(() -> window.context().selectedUnitProperty().get())).isZero();
        assertThat(fx(() -> window.context().highlightProperty().get())).isEqualTo("rnn.h");
        assertThat(robot.lookup("#tile-view-rnn").query().getStyleClass()).contains("highlighted");
        choose(robot, 1);
        assertThat(verdict(robot, true)).isEqualTo(Messages.format("lesson.choice.right", zh ? "正数" : "positive"));
        assertThat(narration(robot)).contains("0.456");

        // step 3 (PageDown; → steps the timeline, as the narration says): the end of the forward pass;
        // a wrong number gets a second try, a second wrong one the reveal that says 3
        robot.type(KeyCode.PAGE_DOWN);
        atStep(3, END);
        assertThat(fx(window::visibleViews)).containsExactly("view.unrolled", "view.heatmap", "view.output");
        // the lesson's "heatmap.unit.2" (units from 1) is the heatmap's row drawn as heatmap.unit.1
        assertThat(fx(() -> window.context().highlightProperty().get())).isEqualTo("heatmap.unit.1");
        type(robot, "7");
        assertThat(verdict(robot, false)).isEqualTo(Messages.get("lesson.tryAgain"));
        assertThat(robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class).isEditable()).isTrue();
        type(robot, "8");
        assertThat(revealed(robot)).isEqualTo(Messages.format("lesson.number.wrong", "3"));

        // step 4: the whole BPTT; timeline and model locked, side panel hidden; a goal reached by scaling W_hh
        robot.type(KeyCode.PAGE_DOWN);
        atStep(4, BACKWARD_END);
        assertThat(disabled(robot, "timeline")).isTrue();
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isFalse();
        assertThat(fx(() -> vm.recurrentScaleProperty().get())).isEqualTo(0.2);
        assertThat(verdict(robot, false)).isEqualTo(Messages.format("lesson.goal.notYet", "0.102"));
        run(() -> vm.recurrentScaleProperty().set(3.0));
        assertThat(verdict(robot, true)).isEqualTo(Messages.format("lesson.goal.reached", "1.53"));
        // Shift+→ would step the timeline, but it is locked: nothing moves
        int pos = fx(() -> vm.positionProperty().get());
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        Thread.sleep(200);
        assertThat(fx(() -> vm.positionProperty().get())).isEqualTo(pos);
        // PageDown on the last step finishes the lesson
        robot.type(KeyCode.PAGE_DOWN);
        until(() -> player.progress().done("first-steps"));
        var answers = player.progress();
        assertThat(answers.answer("first-steps", "sign-h2").right()).isTrue();
        assertThat(answers.answer("first-steps", "size")).extracting(LessonProgress.Answer::given, LessonProgress.Answer::right)
                .containsExactly("7", false);
        // saved with the hash of the question's wording
        assertThat(answers.answer("first-steps", "size").question()).isEqualTo(player.library().entry("first-steps").questionHash("size"));
        assertThat(answers.answer("first-steps", "reach-step-1").right()).isTrue();

        // ---- lesson 2 (LSTM), opened from the menu's list with Enter
        LessonList list2 = fx(player::showList);
        screenshot(fx(() -> list2.listView().getScene()), "lesson-list-" + lang());
        run(() -> list2.listView().getSelectionModel().select(1));
        until(() -> list2.listView().isFocused());
        robot.type(KeyCode.ENTER);
        atStep(1, 3);
        // leaving lesson 1's last step released its locks and brought the side panel back
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isTrue();
        assertThat(disabled(robot, "timeline")).isFalse();
        assertThat(vm.cellTypeProperty().get()).isEqualTo("lstm");
        assertThat(vm.hiddenSizeProperty().get()).isEqualTo(8);
        assertThat(fx(window::visibleViews)).containsExactly("view.lstm", "view.belt");
        assertThat(fx(() -> window.context().selectedUnitProperty().get())).isEqualTo(1);
        assertThat(fx(() -> window.context().selectedGateProperty().get())).isEqualTo("f");
        robot.type(KeyCode.PAGE_DOWN);
        atStep(2, 4);
        assertThat(fx(() -> window.context().highlightProperty().get())).isEqualTo("lstm.gate.f");
        choose(robot, 1);
        assertThat(verdict(robot, true)).contains(zh ? "高于 0.5" : "above 0.5");
        if (!zh) {
            screenshot("lesson-player-en");
        } else {
            screenshot("lesson-player-zh");
        }
        robot.type(KeyCode.PAGE_DOWN);
        atStep(3, END);
        type(robot, "500");
        assertThat(verdict(robot, true)).isEqualTo(Messages.format("lesson.number.right", "525"));
        // the clicker still works with the focus left in the number field
        TextField numberField = robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class);
        run(numberField::requestFocus);
        until(numberField::isFocused);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(4, END);
        UnrolledView unrolled = fx(window::unrolledView);
        assertThat(fx(() -> unrolled.control().getArchitecture())).isEqualTo(rnnlab.ui.diagrams.Architecture.MANY_TO_ONE);
        assertThat(menu("menu-view-views").isDisable()).isTrue();
        assertThat(menu("menu-train").isDisable()).isTrue();
        choose(robot, 1);
        assertThat(verdict(robot, false)).isEqualTo(Messages.get("lesson.tryAgain"));
        assertThat(robot.lookup("#lesson-option-2").queryAs(RadioButton.class).isDisabled()).isFalse();
        choose(robot, 1);
        assertThat(revealed(robot)).isEqualTo(Messages.format("lesson.choice.wrong", zh ? "不大于 1" : "at most 1"));
        // back one step (PageUp): the saved answer shows again, revealed
        robot.type(KeyCode.PAGE_UP);
        atStep(3, END);
        until(() -> robot.lookup("#lesson-checkpoint-result").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class).getText()).isEqualTo("500");
        assertThat(menu("menu-view-views").isDisable()).isFalse();
        // the teacher unlocks what a step locked
        robot.type(KeyCode.PAGE_DOWN);
        atStep(4, END);
        assertThat(menu("menu-train").isDisable()).isTrue();
        MenuItem unlock = menu("menu-lesson-unlock");
        run(unlock::fire);
        assertThat(menu("menu-train").isDisable()).isFalse();
        robot.type(KeyCode.PAGE_DOWN);
        until(() -> player.progress().done("lstm-gates"));

        // ---- lesson 3 (GRU)
        assertThat(fx(() -> player.open("gru"))).isNull();
        atStep(1, 1);
        assertThat(vm.cellTypeProperty().get()).isEqualTo("gru");
        assertThat(vm.hiddenSizeProperty().get()).isEqualTo(6);
        assertThat(fx(() -> window.context().highlightProperty().get())).isEqualTo("gru.gate.z");
        robot.type(KeyCode.PAGE_DOWN);
        atStep(2, 3);
        type(robot, "0.5");
        assertThat(verdict(robot, true)).isEqualTo(Messages.format("lesson.number.right", "0.384"));
        // the student changes the model by hand; the next step (same model in the lesson) builds it again
        run(() -> vm.hiddenSizeProperty().set(2));
        until(() -> !vm.busyProperty().get() && vm.frameProperty().get().hiddenSize() == 2);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(3, END);
        assertThat(fx(() -> vm.frameProperty().get().hiddenSize())).isEqualTo(6);
        choose(robot, 2);
        assertThat(verdict(robot, false)).isEqualTo(Messages.get("lesson.tryAgain"));
        choose(robot, 2);
        assertThat(revealed(robot)).isEqualTo(Messages.format("lesson.choice.wrong", zh ? "是" : "yes"));
        robot.type(KeyCode.PAGE_DOWN);
        atStep(4, END);
        until(() -> window.training().shownProperty().get());
        assertThat(fx(() -> window.training().viewModel().taskProperty().get())).isEqualTo("charlm");
        assertThat(fx(() -> window.training().panel().isDisabled())).isTrue();
        // Finish with the question unanswered does not finish the lesson: it says so (a second Finish skips)
        robot.type(KeyCode.PAGE_DOWN);
        until(() -> Messages.get("lesson.finish.unanswered").equals(vm.statusProperty().get()));
        assertThat(player.progress().done("gru")).isFalse();
        // a question with a fixed answer, answered from the keyboard: ↓ to the option, Space, Tab to Check, Space
        RadioButton first = robot.lookup("#lesson-option-1").queryAs(RadioButton.class);
        run(first::requestFocus);
        robot.type(KeyCode.DOWN);
        until(() -> robot.lookup("#lesson-option-2").queryAs(RadioButton.class).isFocused());
        robot.type(KeyCode.SPACE);
        until(() -> robot.lookup("#lesson-option-2").queryAs(RadioButton.class).isSelected());
        robot.type(KeyCode.TAB);
        until(() -> robot.lookup("#lesson-checkpoint-check").queryAs(Button.class).isFocused());
        robot.type(KeyCode.SPACE);
        assertThat(verdict(robot, true)).isEqualTo(Messages.format("lesson.choice.right", "GRU"));
        assertThat(narration(robot)).contains(zh ? "答案是 GRU" : "the answer is GRU");
        assertThat(fx(() -> vm.positionProperty().get())).isEqualTo(fx(() -> vm.frameProperty().get().length()));
        // PageUp goes back a step; the training panel the lesson opened closes with its step
        robot.type(KeyCode.PAGE_UP);
        atStep(3, END);
        assertThat(fx(() -> window.training().shownProperty().get())).isFalse();
        robot.type(KeyCode.PAGE_DOWN);
        atStep(4, END);
        robot.type(KeyCode.PAGE_DOWN);
        until(() -> player.progress().done("gru"));
        run(player::close);
        assertThat(fx(() -> player.mark(player.library().entry("gru")))).isEqualTo(Messages.get("lesson.mark.done"));
        assertThat(robot.lookup("#lesson-panel").query().isVisible()).isFalse();
        assertThat(fx(() -> window.context().highlightProperty().get())).isNull();
        // the progress file was written
        player.flush();
        var saved = LessonProgress.load(progressFile);
        assertThat(saved.done("first-steps")).isTrue();
        assertThat(saved.done("gru")).isTrue();
        assertThat(saved.answer("lstm-gates", "params")).extracting(LessonProgress.Answer::given, LessonProgress.Answer::right)
                .containsExactly("500", true);
    }

    String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    void choose(FxRobot robot, int option) throws Exception {
        RadioButton r = robot.lookup("#lesson-option-" + option).queryAs(RadioButton.class);
        run(() -> r.setSelected(true));
        Button check = robot.lookup("#lesson-checkpoint-check").queryAs(Button.class);
        run(check::fire);
    }

    void type(FxRobot robot, String number) throws Exception {
        TextField f = robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class);
        run(() -> f.setText(number));
        run(() -> f.getOnAction().handle(null));
    }

    /** Waits for the verdict and returns it; asserts it is right or wrong as expected. */
    String verdict(FxRobot robot, boolean right) throws Exception {
        until(() -> robot.lookup("#lesson-checkpoint-result").queryAs(Label.class).isVisible()
                && robot.lookup("#lesson-checkpoint-result").queryAs(Label.class).getStyleClass().contains(right ? "right" : "wrong"));
        return text(robot, "lesson-checkpoint-result");
    }

    /** Waits for the verdict that follows a second try and returns it. */
    String revealed(FxRobot robot) throws Exception {
        until(() -> !Messages.get("lesson.tryAgain").equals(text(robot, "lesson-checkpoint-result")));
        return text(robot, "lesson-checkpoint-result");
    }

    /** The lesson panel's text: the narration and the checkpoint pinned below it (its question and explanation). */
    String narration(FxRobot robot) throws Exception {
        return fx(() -> Narration.text(robot.lookup("#lesson-body").query()) + "\n" + Narration.text(robot.lookup("#lesson-pinned").query()));
    }

    boolean disabled(FxRobot robot, String id) throws Exception {
        Node n = robot.lookup("#" + id).query();
        return fx(n::isDisabled);
    }

    MenuItem menu(String id) throws Exception {
        return fx(() -> find(((javafx.scene.control.MenuBar) window.scene().lookup("#menu")).getMenus(), id));
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem m : items) {
            if (id.equals(m.getId())) {
                return m;
            }
            if (m instanceof javafx.scene.control.Menu menu) {
                MenuItem f = find(menu.getItems(), id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The texts shown in {@code root} (visible Labeled and Text nodes, menu bar included) that are an English
     * bundle string whose Chinese differs: what a window built in Chinese must not show.
     */
    static List<String> englishLeft(javafx.scene.Parent root, java.util.function.Predicate<Node> bilingual) throws Exception {
        java.util.Set<String> english = new java.util.HashSet<>();
        java.util.Set<String> chinese = new java.util.HashSet<>();
        for (String base : Messages.BUNDLES) {
            java.util.ResourceBundle en = java.util.ResourceBundle.getBundle(base, Locale.ENGLISH);
            java.util.ResourceBundle zh = java.util.ResourceBundle.getBundle(base, Locale.CHINESE);
            zh.keySet().forEach(k -> chinese.add(zh.getString(k).strip()));
            for (String k : en.keySet()) {
                String v = en.getString(k).strip();
                if (v.length() > 2 && v.matches(".*[A-Za-z]{3}.*") && !(zh.containsKey(k) && zh.getString(k).strip().equals(v))) {
                    english.add(v);
                }
            }
        }
        return fx(() -> {
            List<String> shown = new java.util.ArrayList<>();
            shownTexts(root, shown, bilingual);
            // a string the Chinese bundles use too ("BPTT", "LSTM") is not a leftover
            return shown.stream().map(String::strip).filter(english::contains).filter(t -> !chinese.contains(t)).distinct().toList();
        });
    }

    /** The texts shown in {@code root}, how many of them have a Chinese character. */
    static long chineseShown(javafx.scene.Parent root) throws Exception {
        return fx(() -> {
            List<String> shown = new java.util.ArrayList<>();
            shownTexts(root, shown, n -> false);
            return shown.stream().filter(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
        });
    }

    private static void shownTexts(Node n, List<String> out, java.util.function.Predicate<Node> skip) {
        if (!n.isVisible() || skip.test(n)) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof javafx.scene.text.Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof javafx.scene.control.MenuBar bar) {
            bar.getMenus().forEach(m -> out.add(m.getText()));
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                shownTexts(c, out, skip);
            }
        }
    }

    /** In a Chinese window: something Chinese is on screen in {@code root} and no English bundle string is. */
    void assertBuiltInChinese(javafx.scene.Parent root) throws Exception {
        assertBuiltInChinese(root, n -> false);
    }

    /** {@link #assertBuiltInChinese(javafx.scene.Parent)}, leaving out the nodes that show English on purpose. */
    void assertBuiltInChinese(javafx.scene.Parent root, java.util.function.Predicate<Node> bilingual) throws Exception {
        if (!"zh".equals(lang())) {
            return;
        }
        assertThat(chineseShown(root)).as("Chinese texts on screen").isGreaterThan(3);
        assertThat(englishLeft(root, bilingual)).as("English bundle strings on screen in the Chinese window").isEmpty();
    }

    void screenshot(String name) throws Exception {
        screenshot(window.scene(), name);
    }

    static void screenshot(javafx.scene.Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WritableImage img = fx(() -> scene.snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }

    void press(FxRobot robot, KeyCode k) {
        robot.type(k);
    }

    void assertTitle(FxRobot robot, String en, String zh) {
        assertThat(text(robot, "lesson-stepTitle")).isEqualTo(lang().equals("zh") ? zh : en);
    }
}
