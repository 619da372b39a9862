package rnnlab.ui.viewmodel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text: {@code rnnlab/i18n/messages_*.properties}, whole sentences as MessageFormat
 * patterns (never concatenated, so translations can reorder the arguments). English is the fallback.
 */
public final class Messages {
    public static final String BUNDLE = "rnnlab.i18n.messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() {
    }

    private static ResourceBundle load(Locale locale) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale);
            if (b.getLocale().getLanguage().equals(locale.getLanguage())) {
                return b;
            }
        } catch (MissingResourceException e) {
            // fall through to English
        }
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
    }

    /** Switches the language (before the window is built). */
    public static void setLocale(Locale locale) {
        bundle = load(locale);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}; the key itself when it is missing (visible, never a crash). */
    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The pattern for {@code key} filled with {@code args}. */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
