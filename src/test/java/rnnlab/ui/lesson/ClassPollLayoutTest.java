package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.formula.TexImages;
import rnnlab.ui.poll.ClassPoll;
import rnnlab.ui.poll.ClassPollWindow;
import rnnlab.ui.poll.LessonLink;

/**
 * The class screen at 1024x768, 1280x720 and 1920x1080, light, dark and projector, English and Chinese,
 * with a question with math (typeset by the lesson's TeX sandbox) and two rounds of bars: the join code,
 * the QR code, the whole chart and its legend lie inside the window. Screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ClassPollLayoutTest {
    private final SimpleBooleanProperty dark = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty projector = new SimpleBooleanProperty(false);
    private Locale before;


    @Start
    void start(Stage stage) {
        before = AppLanguage.locale();
    }

    @AfterEach
    void restore() {
        AppLanguage.set(before);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** The lesson's checkpoint on ‖δh₉‖ (en and zh), put by a lesson link that typesets as the lesson panel does. */
    static final class Link implements LessonLink {
        final SimpleIntegerProperty shown = new SimpleIntegerProperty();
        final SimpleBooleanProperty open = new SimpleBooleanProperty(true);
        final Map<String, Checkpoint> cps = new LinkedHashMap<>();
        final TexImages tex = new TexImages();

        Link(String first) {
            LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
            for (String lang : List.of(first, first.equals("en") ? "zh" : "en")) {
                Lesson l = lib.entry("vanishing-gradients").lesson(lang);
                for (var s : l.steps()) {
                    if (s.checkpoint() != null && s.checkpoint().question() != null
                            && s.checkpoint().question().contains("\\delta h_9")) {
                        cps.put(lang, s.checkpoint());
                        break;
                    }
                }
            }
        }

        public ReadOnlyIntegerProperty stepShownProperty() {
            return shown;
        }

        public ReadOnlyBooleanProperty lessonOpenProperty() {
            return open;
        }

        public String stepKey() {
            return "vanishing-gradients/2";
        }

        public Map<String, Checkpoint> checkpoints() {
            return cps;
        }

        public void reveal(String given) {
        }

        public void onRevealed(BiConsumer<Checkpoint, Double> listener) {
        }

        public Node typeset(String markdown, double px, Color fg) {
            return Narration.render(markdown, px, fg, tex);
        }

        public void next() {
        }
    }

    @Test
    void theClassScreenFitsEveryScreenThemeAndLanguage() throws Exception {
        System.setProperty("rnnlab.poll.address", "127.0.0.1");
        System.setProperty("rnnlab.poll.port", "0");
        for (String lang : List.of("en", "zh")) {
            fx(() -> {
                AppLanguage.set(lang.equals("zh") ? AppLanguage.CHINESE : AppLanguage.ENGLISH);
                return null;
            });
            Link link = new Link(lang);
            assertThat(link.cps).as("the lesson's ‖δh₉‖ checkpoint").containsKey(lang);
            ClassPoll poll = fx(() -> new ClassPoll(link));
            ClassPollWindow w = fx(() -> {
                ClassPollWindow cw = new ClassPollWindow(poll, null);
                cw.followTheme(dark, projector);
                cw.stage().show();
                poll.start();
                return cw;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(poll::isRunning));
            var session = poll.session();
            int options = Math.max(1, session.question().optionCount());
            for (int d = 0; d < 23; d++) {
                session.answer("dev" + d, session.question().id(), 1, options > 1 ? String.valueOf(d % options) : String.valueOf(0.1 * (d % 5)));
            }
            fx(() -> {
                poll.showDistribution();
                poll.secondRound();
                return null;
            });
            for (int d = 0; d < 23; d++) {
                session.answer("dev" + d, session.question().id(), 2, options > 1 ? String.valueOf((d / 3) % options) : String.valueOf(0.2 * (d % 3)));
            }
            fx(() -> {
                poll.showDistribution();
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> poll.distributionProperty().get() != null
                    && poll.distributionProperty().get().counts().size() == 2));
            for (int[] size : new int[][] {{1024, 768}, {1280, 720}, {1920, 1080}}) {
                for (String theme : List.of("light", "dark", "projector")) {
                    fx(() -> {
                        dark.set(theme.equals("dark"));
                        projector.set(theme.equals("projector"));
                        w.stage().setWidth(size[0]);
                        w.stage().setHeight(size[1]);
                        return null;
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(400); // the typesetting thread
                    WaitForAsyncUtils.waitForFxEvents();
                    Scene sc = w.stage().getScene();
                    String name = "class-poll-" + size[0] + "x" + size[1] + "-" + theme + "-" + lang;
                    LessonWalkBase.screenshot(sc, name);
                    for (String id : List.of("#poll-code", "#poll-qr", "#poll-chart", "#poll-count", "#poll-show", "#poll-export")) {
                        Bounds b = fx(() -> sc.lookup(id).localToScene(sc.lookup(id).getBoundsInLocal()));
                        assertThat(b.getMinX()).as(name + " " + id + " left").isGreaterThanOrEqualTo(0);
                        assertThat(b.getMaxX()).as(name + " " + id + " right").isLessThanOrEqualTo(sc.getWidth() + 0.5);
                        assertThat(b.getMaxY()).as(name + " " + id + " bottom").isLessThanOrEqualTo(sc.getHeight() + 0.5);
                    }
                    Bounds legend = fx(() -> {
                        Node l = sc.lookup("#poll-chart").lookup(".chart-legend");
                        return l.localToScene(l.getBoundsInLocal());
                    });
                    assertThat(legend.getHeight()).as(name + " legend shown").isGreaterThan(5);
                    assertThat(legend.getMaxY()).as(name + " legend inside the window").isLessThanOrEqualTo(sc.getHeight() + 0.5);
                    double chartH = fx(() -> sc.lookup("#poll-chart").getBoundsInLocal().getHeight());
                    assertThat(chartH).as(name + " chart height").isGreaterThan(size[1] * 0.3);
                    double qr = fx(() -> ((ImageView) sc.lookup("#poll-qr")).getFitWidth());
                    assertThat(qr).as(name + " QR side").isGreaterThanOrEqualTo(200);
                    // the math is typeset (an image), not shown as TeX source
                    boolean math = fx(() -> !sc.lookup("#poll-question-box").lookupAll(".math").isEmpty());
                    assertThat(math).as(name + " question typeset").isTrue();
                }
            }
            fx(() -> {
                w.stage().hide();
                return null;
            });
            assertThat(fx(poll::isRunning)).isFalse();
        }
    }
}
