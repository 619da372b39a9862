package rnnlab.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import rnnlab.cli.LessonScreens;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.lessonshot.StepScreens;

/**
 * The window's side of {@code lessons check --layout}, {@code lessons render} and {@code snapshot}: starts
 * JavaFX headless (Monocle's headless screen with the software renderer, as the tests run, so that a
 * teacher without a display can use them), shows the steps through {@link StepScreens}, and stops it again.
 */
final class LessonScreensHook implements LessonScreens {
    /** The headless screen: large enough for any window size the commands accept (3840×2160). */
    static final String GEOMETRY = "3840x2160-32";
    /** Monocle's headless screen at a scale above 1 (rnnlab's class in Monocle's package). */
    static final String SCALED_PLATFORM = "ScaledHeadless";

    @Override
    public List<Screen> show(LessonLibrary library, List<Shot> shots) throws Exception {
        startHeadless(shots.stream().mapToDouble(Shot::scale).max().orElse(1));
        List<StepScreens.Shot> asked = shots.stream().map(s -> new StepScreens.Shot(s.lessonId(), s.step(), s.lang(),
                s.width(), s.height(), s.present(), s.png(), s.scale())).toList();
        List<StepScreens.Screen> shown;
        try {
            shown = StepScreens.show(library, asked);
        } catch (java.util.concurrent.TimeoutException e) {
            // it has no message: the command says how long the window was waited for, in the user's language
            throw new Timeout(StepScreens.TIMEOUT_SECONDS, e);
        }
        List<Screen> out = new java.util.ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            StepScreens.Screen s = shown.get(i);
            out.add(new Screen(shots.get(i), s.findings(), s.fits(), s.error()));
        }
        return out;
    }

    private static boolean started;

    /** How long JavaFX may take to start. */
    static final int START_SECONDS = 60;

    /**
     * Monocle headless and software rendering unless the caller chose otherwise; the toolkit once. With
     * shots at a scale above 1 ({@code 1280x720@2}) the headless screen is a HiDPI screen at the highest of
     * them (so canvases are drawn with as many pixels as on one); a shot at 1 is then drawn at 1 all the same.
     */
    static synchronized void startHeadless(double scale) throws InterruptedException, Timeout {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        if (scale > 1 && System.getProperty("monocle.platform") == null) {
            System.setProperty("monocle.platform", SCALED_PLATFORM);
            System.setProperty(com.sun.glass.ui.monocle.ScaledHeadlessPlatformFactory.SCALE, String.valueOf(scale));
        }
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        // the screen's pixels hold the windows' pixels: at scale 2 a 1920x1080 window has 3840x2160 of them, which
        // overflowed a 3840x2160 screen (a BufferOverflowException on stderr at every shot, the PNG unharmed)
        setIfAbsent("headless.geometry", geometry(scale));
        setIfAbsent("java.awt.headless", "true");
        NativeLibraries.prepare(); // the portable jar's JavaFX libraries (prism_sw among them)
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown(); // a toolkit started before (tests): use it
        }
        Platform.setImplicitExit(false);
        if (!up.await(START_SECONDS, TimeUnit.SECONDS)) {
            throw new Timeout(START_SECONDS, null); // JavaFX did not start
        }
        started = true;
    }

    /** {@link #GEOMETRY} at scale 1; at a higher scale as many times wider and taller. */
    static String geometry(double scale) {
        if (scale <= 1) {
            return GEOMETRY;
        }
        return (int) Math.ceil(3840 * scale) + "x" + (int) Math.ceil(2160 * scale) + "-32";
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
