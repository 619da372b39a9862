package rnnlab.ui.poll;

import rnnlab.i18n.Bundles;

/** The class poll's words on the teacher's side: {@code rnnlab/i18n/poll_en|zh.properties}. */
final class PollText {
    static final String BUNDLE = "rnnlab.i18n.poll";

    private PollText() {
    }

    static String get(String key) {
        return Bundles.get(BUNDLE, key);
    }

    static String format(String key, Object... args) {
        return Bundles.format(BUNDLE, key, args);
    }
}
