package rnnlab.ui;

import java.util.Locale;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.AppLanguage;

/** The language a window test runs in: the default locale, the messages and the app's fonts, switched together. */
public final class TestLanguage {
    private TestLanguage() {
    }

    /**
     * Switches to {@code lang} ("en" or "zh"); false, with nothing changed, for Chinese where no installed
     * font can show it (the test then skips that language).
     */
    public static boolean use(String lang) throws Exception {
        if (lang.equals("zh") && !FxWait.fx(AppLanguage::canShowChinese)) {
            return false;
        }
        Locale l = Locale.forLanguageTag(lang);
        Locale.setDefault(l);
        Messages.setLocale(l);
        FxWait.fx(() -> {
            AppLanguage.set(l);
            return null;
        });
        return true;
    }

    /** Back to English, for the tests that run after (an {@code @AfterAll}). */
    public static void english() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
        AppLanguage.set(Locale.ENGLISH);
    }
}
