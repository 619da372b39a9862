package rnnlab.i18n;

import java.util.Locale;

/**
 * The app's one language (English or Simplified Chinese), headless: the text lookups ({@link Messages},
 * {@link Bundles}) and the command line read it here. {@code ui.controls.AppLanguage} adds the fonts
 * that can show it and delegates its locale to this class.
 */
public final class Language {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.CHINESE;

    private static volatile Locale locale = ENGLISH;

    private Language() {
    }

    /** The language every text of the app is in now. */
    public static Locale locale() {
        return locale;
    }

    public static boolean isChinese() {
        return CHINESE.getLanguage().equals(locale.getLanguage());
    }

    /** Sets the language (only English and Chinese exist; anything else means English). */
    public static void set(Locale l) {
        locale = supportedOrEnglish(l);
    }

    /** Chinese for any Chinese locale, else English. */
    public static Locale supportedOrEnglish(Locale l) {
        return l != null && CHINESE.getLanguage().equals(l.getLanguage()) ? CHINESE : ENGLISH;
    }
}
