package rnnlab.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import rnnlab.i18n.Bundles;
import rnnlab.i18n.Language;

/**
 * The messages of the author commands ({@code snapshot}, {@code lessons render}, {@code lessons handout},
 * {@code lessons check --layout}) in the language the command was asked for ({@code --lang}, or the launcher's
 * {@code rnnlab.lang}), from the bundle pair {@code rnnlab/i18n/cli_en|zh.properties}. The language is passed
 * in, not read from {@link Language}: showing the window switches the app's language to each shot's own.
 */
final class CliText {
    static final String BUNDLE = "rnnlab.i18n.cli";

    private CliText() {
    }

    /**
     * The pattern for {@code key} in Chinese ({@code zh}) or English, filled with {@code args}. Numbers are
     * given as they are written ({@code 3840}, not {@code 3,840}); a key missing in Chinese shows in English.
     */
    static String get(boolean zh, String key, Object... args) {
        Locale locale = zh ? Language.CHINESE : Language.ENGLISH;
        ResourceBundle b = Bundles.bundle(BUNDLE, locale);
        ResourceBundle en = Bundles.bundle(BUNDLE, Language.ENGLISH);
        // as Messages: English when untranslated, the key itself when missing (visible, never a crash)
        String pattern = b.containsKey(key) ? b.getString(key) : en.containsKey(key) ? en.getString(key) : key;
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number || args[i] == null ? String.valueOf(args[i]) : args[i];
        }
        return new MessageFormat(pattern, locale).format(plain);
    }
}
