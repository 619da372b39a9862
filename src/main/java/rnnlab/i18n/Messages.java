package rnnlab.i18n;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one text lookup of the app: every user-visible string of the window, the views, the
 * encoder–decoder window and the class poll's teacher side comes from here, as whole sentences
 * (MessageFormat patterns, never concatenated, so translations can reorder the arguments). The text
 * lives in four bundle pairs under {@code rnnlab/i18n/} — {@link #BUNDLE} (the shell: menus, panels,
 * dialogs, status), {@link #VIEWS} (what views draw), {@link #SEQ2SEQ}, {@link #POLL} — split so that a
 * translator finds a feature's words together; a key is looked up in them in that order, and no key is
 * in two of them ({@code MessagesTest}). The language is the app's one language, {@link Language#locale()};
 * a key missing from a translation shows in English, a key missing everywhere shows as itself.
 * Numbers are formatted by {@code rnnlab.ui.controls.NumberText}, not here.
 */
public final class Messages {
    public static final String BUNDLE = "rnnlab.i18n.messages";
    public static final String VIEWS = "rnnlab.i18n.views";
    public static final String SEQ2SEQ = "rnnlab.i18n.seq2seq";
    public static final String POLL = "rnnlab.i18n.poll";
    /** The bundles {@link #get} searches, in order. */
    public static final List<String> BUNDLES = List.of(BUNDLE, VIEWS, SEQ2SEQ, POLL);

    private Messages() {
    }

    /** Switches the app's language (messages and view text alike); the window is then rebuilt. */
    public static void setLocale(Locale locale) {
        Language.set(locale);
    }

    /** The shell's bundle in the app's language. */
    public static ResourceBundle bundle() {
        return bundle(BUNDLE);
    }

    /** One of {@link #BUNDLES} in the app's language. */
    public static ResourceBundle bundle(String base) {
        return Bundles.bundle(base, Language.locale());
    }

    /** The text for {@code key}; English when untranslated, the key itself when missing (visible, never a crash). */
    public static String get(String key) {
        return Bundles.get(bundleOf(key), key);
    }

    /** Whether any of the app's bundles has {@code key}. */
    public static boolean has(String key) {
        for (String b : BUNDLES) {
            if (Bundles.has(b, key)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern for {@code key} filled with {@code args} (numbers with '.' decimals in every language). */
    public static String format(String key, Object... args) {
        return Bundles.format(bundleOf(key), key, args);
    }

    private static String bundleOf(String key) {
        // remembered per language and key: views look their labels up on every repaint (issue 12, bench-ui)
        return BUNDLE_OF.computeIfAbsent(Language.locale().getLanguage() + '\u0000' + key, k -> {
            for (String b : BUNDLES) {
                if (Bundles.has(b, key)) {
                    return b;
                }
            }
            return BUNDLE;
        });
    }

    private static final java.util.Map<String, String> BUNDLE_OF = new java.util.concurrent.ConcurrentHashMap<>();
}
