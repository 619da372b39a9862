package rnnlab.ui.common;

/**
 * Stable node ids for lessons, scenarios and tests. Dots (as in bundle keys and view ids such as
 * {@code view.cell}) become hyphens, so an id also works as a CSS selector ({@code #timeline-play}).
 */
public final class Ids {
    private Ids() {
    }

    public static String of(String key) {
        return key.replace('.', '-').replace('_', '-');
    }
}
