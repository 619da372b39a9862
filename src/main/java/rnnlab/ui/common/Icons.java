package rnnlab.ui.common;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Playback glyphs drawn as paths (the installed fonts lack some media symbols). */
public final class Icons {
    private Icons() {
    }

    private static Node path(String d) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        p.getStyleClass().add("icon");
        return p;
    }

    public static Node play() {
        return path("M2 0 L14 8 L2 16 Z");
    }

    public static Node pause() {
        return path("M2 0 H6 V16 H2 Z M10 0 H14 V16 H10 Z");
    }

    public static Node stepForward() {
        return path("M0 0 L10 8 L0 16 Z M11 0 H15 V16 H11 Z");
    }

    public static Node stepBack() {
        return path("M15 0 L5 8 L15 16 Z M0 0 H4 V16 H0 Z");
    }

    public static Node reset() {
        return path("M0 0 H4 V16 H0 Z M16 0 V16 L5 8 Z");
    }
}
