package rnnlab.i18n;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The user-visible text of the shell (menus, panels, dialogs, status): {@code rnnlab/i18n/messages_*.properties},
 * whole sentences as MessageFormat patterns (never concatenated, so translations can reorder the
 * arguments). The language is the app's one language, {@link Language#locale()}; a key missing from
 * a translation shows in English.
 */
public final class Messages {
    public static final String BUNDLE = "rnnlab.i18n.messages";

    private Messages() {
    }

    /** Switches the app's language (messages and view text alike); the window is then rebuilt. */
    public static void setLocale(Locale locale) {
        Language.set(locale);
    }

    /** The bundle in the app's language. */
    public static ResourceBundle bundle() {
        return Bundles.bundle(BUNDLE, Language.locale());
    }

    /** The text for {@code key}; English when untranslated, the key itself when missing (visible, never a crash). */
    public static String get(String key) {
        return Bundles.get(BUNDLE, key);
    }

    public static boolean has(String key) {
        return Bundles.has(BUNDLE, key);
    }

    /** The pattern for {@code key} filled with {@code args}. */
    public static String format(String key, Object... args) {
        return Bundles.format(BUNDLE, key, args);
    }
}
