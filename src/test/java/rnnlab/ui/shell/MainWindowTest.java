package rnnlab.ui.shell;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.engine.Model;
import rnnlab.io.ModelIO;
import rnnlab.session.Frame;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.TestLabView;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, List.of(new TestLabView()), 1280, 720);
        vm = window.viewModel();
    }

    private Frame frame() throws Exception {
        return fx(() -> vm.frameProperty().get());
    }

    private static Path resource(String name) throws Exception {
        return Path.of(MainWindowTest.class.getResource(name).toURI());
    }

    /**
     * The side panel changes at every step (its one-hot row): with the ScrollPane skin's cached viewport the
     * renderer drew the whole panel again into the cache at every step (bench-ui, issue 12).
     */
    @Test
    void theSidePanelsViewportIsNotACachedBitmap() throws Exception {
        javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) fx(() -> window.sideNode());
        assertThat(fx(() -> rnnlab.ui.common.UncachedViewport.cached(side))).isFalse();
        // a plain ScrollPane's viewport is cached by JavaFX: what the check above would see without the fix
        javafx.scene.control.ScrollPane plain = fx(() -> {
            javafx.scene.control.ScrollPane p = new javafx.scene.control.ScrollPane(new Label("x"));
            ((javafx.scene.layout.Pane) side.getScene().getRoot()).getChildren().add(p);
            p.applyCss();
            return p;
        });
        try {
            assertThat(fx(() -> rnnlab.ui.common.UncachedViewport.cached(plain))).isTrue();
        } finally {
            fx(() -> ((javafx.scene.layout.Pane) side.getScene().getRoot()).getChildren().remove(plain));
        }
    }

    @Test
    void rightArrowStepsAndTheFrameFollows(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(frame().position()).isZero();
        assertThat(frame().time()).isEqualTo(-1);
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 1);
        assertThat(frame().time()).isZero();
        assertThat(frame().forwardSteps()).isEqualTo(1);
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 2);
        assertThat(frame().time()).isEqualTo(1);
        assertThat(robot.lookup("#test-label").queryAs(Label.class).getText()).isEqualTo("t=1 H=3 pos=2");
        assertThat(robot.lookup("#timeline-position").queryAs(Label.class).getText()).startsWith("Forward · t = 2 of 4");
        robot.type(KeyCode.LEFT);
        until(() -> vm.positionProperty().get() == 1);
        assertThat(frame().time()).isZero();
        // the one-hot display follows the cursor: "hello" → t=1 is "h" (vocab e,h,l,o → index 1)
        assertThat(robot.lookup("#sequence-vectorTitle").queryAs(Label.class).getText()).contains("“h”", "index 1");
    }

    @Test
    void aStepAnimatesFromThePreviousFrameAndScrubbingJumps(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        java.util.List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> {
            window.context().stepProgressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
            return null;
        });
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 1);
        Frame before = fx(() -> window.context().previousFrameProperty().get());
        Frame now = fx(() -> window.context().getFrame());
        assertThat(before.position()).isZero();
        assertThat(now.position()).isEqualTo(1);
        until(() -> window.context().stepProgressProperty().get() == 1.0);
        // the clock started at 0 and passed through values between 0 and 1
        assertThat(progress.get(0)).isZero();
        assertThat(progress).anyMatch(p -> p > 0 && p < 1);
        // scrubbing: the slider jumps, no animation
        javafx.scene.control.Slider slider = robot.lookup("#timeline-slider").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> slider.setValue(6));
        until(() -> vm.positionProperty().get() == 6);
        assertThat(fx(() -> window.context().stepProgressProperty().get())).isEqualTo(1.0);
        assertThat(fx(() -> window.context().previousFrameProperty().get())).isSameAs(frame());
        assertThat(frame().phase()).isEqualTo(Frame.Phase.BACKWARD);
        assertThat(frame().backwardSteps()).isEqualTo(2);
    }

    @Test
    void playRunsThroughForwardAndBpttAndSpacePauses(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.speedProperty().set(4.0);
            return null;
        });
        robot.clickOn("#timeline-play");
        until(() -> vm.playingProperty().get() && vm.positionProperty().get() >= 2);
        robot.clickOn("#views");
        robot.type(KeyCode.SPACE);
        until(() -> !vm.playingProperty().get());
        int stopped = fx(() -> vm.positionProperty().get());
        Thread.sleep(600);
        assertThat(fx(() -> vm.positionProperty().get())).isEqualTo(stopped);
        // play to the end: 4 forward steps then 4 BPTT steps
        robot.type(KeyCode.SPACE);
        until(() -> vm.positionProperty().get() == 8 && !vm.playingProperty().get());
        Frame f = frame();
        assertThat(f.phase()).isEqualTo(Frame.Phase.BACKWARD);
        assertThat(f.backwardSteps()).isEqualTo(4);
        assertThat(f.loss()).isGreaterThan(0);
        assertThat(robot.lookup("#timeline-position").queryAs(Label.class).getText()).startsWith("BPTT");
    }

    @Test
    void editingTheTextUpdatesDictionaryAndOneHot(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        TextArea text = robot.lookup("#sequence-text").queryAs(TextArea.class);
        robot.clickOn(text);
        robot.interact(() -> text.setText("abcab"));
        until(() -> vm.vocab().equals(List.of("a", "b", "c")));
        until(() -> vm.frameProperty().get().length() == 4);
        FlowPane dict = robot.lookup("#sequence-dictionary").queryAs(FlowPane.class);
        assertThat(dict.getChildren()).extracting(n -> ((Label) n).getText()).containsExactly("a → 0", "b → 1", "c → 2");
        Frame f = frame();
        assertThat(f.vocab()).containsExactly("a", "b", "c");
        assertThat(f.inputSize()).isEqualTo(3);
        assertThat(f.classTargets()).containsExactly(1, 2, 0, 1);
        GridPane vec = robot.lookup("#sequence-vector").queryAs(GridPane.class);
        // row 1 holds the one-hot digits of x_1 = "a": 1 0 0
        assertThat(vec.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == 1)
                .map(n -> ((Label) n).getText())).containsExactly("1", "0", "0");
        // step to t=3 ("c")
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT, 3);
        until(() -> vm.positionProperty().get() == 3);
        until(() -> robot.lookup("#sequence-vectorTitle").queryAs(Label.class).getText().contains("“c”"));
        assertThat(vec.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == 1)
                .map(n -> ((Label) n).getText())).containsExactly("0", "0", "1");
    }

    @Test
    void unknownCharacterForAFixedVocabularyShowsOneMessageAndKeepsTheSequence(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.loadModel(resource("/fixtures/lstm_onehot_ce.model.json"));
            return null;
        });
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        int len = frame().length();
        TextArea text = robot.lookup("#sequence-text").queryAs(TextArea.class);
        robot.interact(() -> text.setText("abz"));
        until(() -> vm.errorProperty().get() != null);
        assertThat(fx(() -> vm.errorProperty().get())).contains("“z”", "a b c d e");
        assertThat(frame().length()).isEqualTo(len);
        assertThat(robot.lookup("#error").query().isVisible()).isTrue();
    }

    @Test
    void changingTheHiddenSizeRebuildsTheModel(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(frame().hiddenSize()).isEqualTo(3);
        @SuppressWarnings("unchecked")
        Spinner<Integer> spinner = robot.lookup("#param-hidden-size").queryAs(Spinner.class);
        robot.interact(() -> spinner.getValueFactory().setValue(7));
        until(() -> vm.frameProperty().get().hiddenSize() == 7);
        Frame f = frame();
        assertThat(f.layers().get(0).h()[0]).hasSize(7);
        assertThat(f.weights().get("rnn.weight_hh_l0")).hasNumberOfRows(7);
        assertThat(fx(() -> vm.presetProperty().get())).isNull();
        assertThat(robot.lookup("#test-label").queryAs(Label.class).getText()).contains("H=7");
        // typing into the spinner: a number rebuilds, text that is not a number keeps the value
        robot.clickOn(spinner.getEditor());
        robot.interact(() -> spinner.getEditor().setText("12"));
        robot.type(KeyCode.ENTER);
        until(() -> vm.frameProperty().get().hiddenSize() == 12);
        robot.interact(() -> spinner.getEditor().setText("abc"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spinner.getValue()).isEqualTo(12);
        assertThat(fx(() -> vm.hiddenSizeProperty().get())).isEqualTo(12);
    }

    @Test
    void openingAScenarioRestoresModelPositionAndSettings(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path file = resource("/scenarios/lstm_onehot.rnnlab.json");
        fx(() -> {
            window.openFile(file);
            return null;
        });
        until(() -> "lstm".equals(vm.frameProperty().get().cell()) && vm.positionProperty().get() == 3);
        Frame f = frame();
        assertThat(f.time()).isEqualTo(2);
        assertThat(f.hiddenSize()).isEqualTo(8);
        assertThat(f.vocab()).containsExactly("a", "b", "c", "d", "e");
        Model fixture = ModelIO.read(resource("/fixtures/lstm_onehot_ce.model.json"));
        assertThat(f.weights().get("rnn.weight_hh_l0")[3][5]).isEqualTo(fixture.param("rnn.weight_hh_l0").get(3, 5));
        until(() -> window.context().darkThemeProperty().get());
        assertThat(fx(() -> window.context().highlightProperty().get())).isEqualTo("gate.f");
        assertThat(fx(() -> window.context().selectedUnitProperty().get())).isEqualTo(2);
        assertThat(fx(() -> vm.speedProperty().get())).isEqualTo(2.0);
        assertThat(fx(() -> window.scene().getRoot().getStyleClass().contains("dark"))).isTrue();
        assertThat(fx(() -> vm.sequenceTextProperty().get())).isEqualTo("dbdbed");
        // spotlights: a window node by its id, a view's tile by the view id
        fx(() -> {
            window.context().highlightProperty().set("timeline.play");
            return null;
        });
        assertThat(robot.lookup("#timeline-play").query().getStyleClass()).contains("highlighted");
        fx(() -> {
            window.context().highlightProperty().set("view.test");
            return null;
        });
        assertThat(robot.lookup("#timeline-play").query().getStyleClass()).doesNotContain("highlighted");
        assertThat(robot.lookup("#tile-view-test").query().getStyleClass()).contains("highlighted");
        System.gc();
        FlowPane dict = robot.lookup("#sequence-dictionary").queryAs(FlowPane.class);
        assertThat(fx(() -> dict.getChildren().stream().map(n -> ((Label) n).getText()).toList()))
                .containsExactly("a → 0", "b → 1", "c → 2", "d → 3", "e → 4");
        // the cursor stands after t = 3 ("d", index 3): its one-hot vector is 0 0 0 1 0
        assertThat(robot.lookup("#sequence-vectorTitle").queryAs(Label.class).getText()).contains("t = 3", "“d”", "index 3");
    }

    @Test
    void savedScenarioReopensWithTheSameWeightsBitForBitAndPosition(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.applyPreset(rnnlab.io.Preset.GRU_6);
            return null;
        });
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT, 5);
        until(() -> vm.positionProperty().get() == 5);
        Frame before = frame();
        Path file = dir.resolve("lesson.rnnlab.json");
        java.util.concurrent.CountDownLatch saved = new java.util.concurrent.CountDownLatch(1);
        fx(() -> {
            window.saveScenario(file, saved::countDown);
            return null;
        });
        assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        // change everything: new weights, back to the start
        fx(() -> {
            vm.newSeed();
            return null;
        });
        until(() -> vm.positionProperty().get() == 0);
        assertThat(frame().weights().get("rnn.weight_ih_l0")[0][0])
                .isNotEqualTo(before.weights().get("rnn.weight_ih_l0")[0][0]);
        fx(() -> {
            window.openScenario(file);
            return null;
        });
        until(() -> vm.positionProperty().get() == 5);
        Frame after = frame();
        assertThat(after.cell()).isEqualTo("gru");
        assertThat(after.weights().keySet()).containsExactlyElementsOf(before.weights().keySet());
        for (String k : before.weights().keySet()) {
            double[][] a = before.weights().get(k);
            double[][] b = after.weights().get(k);
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < a[r].length; c++) {
                    assertThat(Double.doubleToRawLongBits(b[r][c])).as(k).isEqualTo(Double.doubleToRawLongBits(a[r][c]));
                }
            }
        }
        assertThat(after.time()).isEqualTo(before.time());
        assertThat(after.layers().get(0).h()[3]).containsExactly(before.layers().get(0).h()[3]);
        assertThat(fx(() -> vm.presetProperty().get())).isEqualTo(rnnlab.io.Preset.GRU_6);
        // the reopened character model still follows the text: a new character grows the vocabulary
        TextArea text = robot.lookup("#sequence-text").queryAs(TextArea.class);
        robot.interact(() -> text.setText("hello!"));
        until(() -> vm.vocab().contains("!"));
        assertThat(fx(() -> vm.errorProperty().get())).isNull();
        assertThat(frame().inputSize()).isEqualTo(5);
    }

    @Test
    void realValuedSequencesAreEditedAsNumbers(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.loadModel(resource("/fixtures/gru_real_mse_last.model.json"));
            return null;
        });
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        fx(() -> {
            vm.loadSequence(resource("/fixtures/gru_real_mse_last.seq.json"));
            return null;
        });
        until(() -> vm.editorModeProperty().get() == rnnlab.session.SequenceText.Mode.NUMBERS
                && vm.statusProperty().get().contains("gru_real_mse_last.seq.json"));
        Frame f = frame();
        assertThat(f.tokens()).isNull();
        String text = fx(() -> vm.sequenceTextProperty().get());
        String[] lines = text.strip().split("\n");
        assertThat(lines).hasSize(f.length());
        assertThat(lines[0].split(",")).hasSize(f.inputSize());
        assertThat(Double.parseDouble(lines[0].split(",")[0].trim())).isEqualTo(f.inputs()[0][0]);
        assertThat(robot.lookup("#sequence-vectorTitle").queryAs(Label.class).getText()).isEqualTo("Input vector at t = 1");
        // change the first number; the loaded targets stay (same length), so BPTT is still possible
        String edited = text.replaceFirst("^[^,]+", "0.5");
        TextArea area = robot.lookup("#sequence-text").queryAs(TextArea.class);
        robot.interact(() -> area.setText(edited));
        until(() -> vm.frameProperty().get().inputs()[0][0] == 0.5);
        assertThat(frame().timelineLength()).isEqualTo(2 * f.length());
        // a line with the wrong width is refused with its line number, nothing changes
        robot.interact(() -> area.setText(edited + "1\n"));
        until(() -> vm.errorProperty().get() != null);
        assertThat(fx(() -> vm.errorProperty().get())).startsWith("Line " + (f.length() + 1) + ": expected " + f.inputSize() + " numbers, found 1");
        assertThat(frame().length()).isEqualTo(f.length());
    }

    @Test
    void aBadModelFileShowsOneClearMessageAndNothingIsLost(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 1);
        Path bad = dir.resolve("broken.model.json");
        Files.writeString(bad, "{\"format\": \"rnnlab-model\", \"version\": 1, \"cell\": \"lstn\"");
        fx(() -> {
            vm.loadModel(bad);
            return null;
        });
        until(() -> vm.errorProperty().get() != null);
        Label msg = robot.lookup("#error-text").queryAs(Label.class);
        assertThat(msg.getText()).startsWith("Could not open the file; nothing was changed.")
                .contains("broken.model.json").contains("malformed JSON");
        assertThat(robot.lookup("#error").query().isVisible()).isTrue();
        assertThat(frame().cell()).isEqualTo("rnn_tanh");
        assertThat(frame().position()).isEqualTo(1);
        robot.clickOn("#error-dismiss");
        until(() -> vm.errorProperty().get() == null);
        // a well-formed file with a wrong value names the field
        Files.writeString(bad, Files.readString(resource("/fixtures/lstm_onehot_ce.model.json")).replace("\"lstm\"", "\"lstn\""));
        fx(() -> {
            vm.loadModel(bad);
            return null;
        });
        until(() -> vm.errorProperty().get() != null);
        assertThat(msg.getText()).contains("cell: unknown cell \"lstn\"");
    }

    @Test
    void screenshotOfTheMainWindow(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT, 2);
        until(() -> vm.positionProperty().get() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null));
        Path out = Path.of("target/screenshots/main-window.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        Node placeholder = robot.lookup("#views-placeholder").query();
        assertThat(placeholder.isVisible()).isFalse();
    }

    @Test
    void viewsCanBeTiledTabbedOrHidden(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Node tile = robot.lookup("#tile-view-test").query();
        assertThat(robot.lookup("#views-placeholder").query().isVisible()).isFalse();
        fx(() -> {
            window.viewsArea().tabbedProperty().set(true);
            return null;
        });
        javafx.scene.control.TabPane tabs = robot.lookup("#views-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.isVisible()).isTrue();
        assertThat(tabs.getTabs()).hasSize(1);
        assertThat(tabs.getTabs().get(0).getContent()).isSameAs(tile);
        assertThat(window.settings()).containsEntry("layout", "tabs");
        fx(() -> {
            window.viewsArea().visibleProperty("view.test").set(false);
            return null;
        });
        assertThat(tabs.isVisible()).isFalse();
        Label title = robot.lookup(".placeholder-title").queryAs(Label.class);
        assertThat(title.isVisible()).isTrue();
        assertThat(title.getText()).isEqualTo("All views are hidden");
        assertThat(window.viewsArea().visibleIds()).isEmpty();
        // Ctrl+B hides the side panel: the views get the whole width
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        until(() -> !window.sidePanelShownProperty().get());
        assertThat(robot.lookup("#side").tryQuery()).isEmpty();
        assertThat(window.settings()).containsEntry("side_panel", "false");
        fx(() -> {
            window.sidePanelShownProperty().set(true);
            return null;
        });
        assertThat(robot.lookup("#side").tryQuery()).isPresent();
    }

    @Test
    void f1ShowsTheShortcutsAndDarkThemeScreenshot(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT, 3);
        until(() -> vm.positionProperty().get() == 3);
        fx(() -> {
            window.theme().setDark(true);
            window.theme().setFontScale(1.25);
            return null;
        });
        robot.type(KeyCode.F1);
        until(() -> robot.lookup("#shortcuts").tryQuery().isPresent());
        GridPane keys = robot.lookup("#shortcuts").queryAs(GridPane.class);
        List<String> texts = fx(() -> keys.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertThat(texts).contains("→", "Space", "F1").anyMatch(t -> t.startsWith("Step forward"));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        Files.createDirectories(Path.of("target/screenshots"));
        BufferedImage dialog = fx(() -> SwingFXUtils.fromFXImage(keys.getScene().snapshot(null), null));
        ImageIO.write(dialog, "png", Path.of("target/screenshots/shortcuts-dark.png").toFile());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null));
        ImageIO.write(img, "png", Path.of("target/screenshots/main-window-dark.png").toFile());
        assertThat(fx(() -> window.scene().getRoot().getStyle())).contains("17.5px");
    }
}
