package rnnlab.ui.viewmodel;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import rnnlab.io.UserFiles;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.i18n.Messages;

/**
 * Which language the app starts in, and remembering the user's choice. Precedence: {@code --lang} on
 * the command line, then the saved setting ({@value #KEY} in the user's settings), then the system
 * locale. Chinese needs a CJK font: without one the app stays in English and says which package to install.
 */
public final class LanguageSetting {
    /** The settings key ({@link UserFiles#setting}). */
    public static final String KEY = "lang";

    private LanguageSetting() {
    }

    /** The language by precedence: a valid {@code cliTag}, else a valid {@code savedTag}, else the system's. */
    public static Locale choose(String cliTag, String savedTag, Locale system) {
        Optional<Locale> cli = AppLanguage.parse(cliTag);
        if (cli.isPresent()) {
            return cli.get();
        }
        return AppLanguage.parse(savedTag).orElseGet(() -> AppLanguage.supportedOrEnglish(system));
    }

    /** The saved language tag, or null. */
    public static String saved() {
        return UserFiles.setting(KEY, null);
    }

    /** Remembers the language for the next start; null when saved, else a message for the banner. */
    public static String save(Locale l) {
        try {
            UserFiles.putSetting(KEY, AppLanguage.supportedOrEnglish(l).getLanguage());
            return null;
        } catch (IOException | RuntimeException e) {
            return Messages.format("lang.saveFailed", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Makes {@code wanted} the app's language if it can be shown. Chinese without a CJK font: the app
     * stays in English and the bilingual message naming the font package is returned (else null).
     */
    public static String apply(Locale wanted) {
        Locale l = AppLanguage.supportedOrEnglish(wanted);
        if (l.equals(AppLanguage.CHINESE) && !AppLanguage.canShowChinese()) {
            AppLanguage.set(AppLanguage.ENGLISH);
            return fontMissing();
        }
        AppLanguage.set(l);
        return null;
    }

    /** "Chinese needs a CJK font … 中文界面需要中文字体 …", naming the Debian/Ubuntu package. */
    public static String fontMissing() {
        return Messages.format("lang.fontMissing", AppLanguage.FONT_PACKAGE);
    }
}
