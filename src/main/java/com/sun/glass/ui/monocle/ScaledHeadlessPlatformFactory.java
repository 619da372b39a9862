package com.sun.glass.ui.monocle;

/**
 * Monocle's headless screen as a HiDPI screen: the same screen, reporting the scale of the system property
 * {@value #SCALE} (e.g. 2) instead of 1. Chosen with {@code -Dmonocle.platform=ScaledHeadless}; RNN Lab's
 * {@code snapshot --size 1280x720@2} and {@code lessons check --layout 1280x720@2} choose it when they start
 * JavaFX headless, so that canvases are drawn at the screen's scale (JavaFX sizes a canvas's pixels by the
 * highest scale of the screens there are) and a picture at scale 2 is as sharp as on a HiDPI desktop.
 *
 * It lives in Monocle's package because Monocle's headless platform and screen are package-private there;
 * it runs only where Monocle is on the class path with it (the jar, the tests).
 */
public final class ScaledHeadlessPlatformFactory extends NativePlatformFactory {
    /** The system property with the screen's scale (1 to 4; 1 when absent or not a number). */
    public static final String SCALE = "rnnlab.monocle.scale";

    @Override
    protected boolean matches() {
        return true;
    }

    @Override
    protected int getMajorVersion() {
        return 1;
    }

    @Override
    protected int getMinorVersion() {
        return 0;
    }

    @Override
    protected NativePlatform createNativePlatform() {
        float scale = scale();
        return new HeadlessPlatform() {
            @Override
            protected NativeScreen createScreen() {
                return new HeadlessScreen() {
                    @Override
                    public float getScale() {
                        return scale;
                    }
                };
            }
        };
    }

    static float scale() {
        try {
            float s = Float.parseFloat(System.getProperty(SCALE, "1"));
            return s >= 1 && s <= 4 ? s : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
