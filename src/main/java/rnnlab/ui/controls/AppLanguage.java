package rnnlab.ui.controls;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.text.Font;
import rnnlab.i18n.Language;

/**
 * The app's one language (English or Simplified Chinese) and the font families that can show it.
 * {@code Messages} (the one text lookup: shell and drawn view text) follows {@link #locale()};
 * views and controls read it from here, never from {@link Locale#getDefault()}. Numbers are always
 * formatted with {@code '.'} decimals, whatever the language.
 */
public final class AppLanguage {
    public static final Locale ENGLISH = Language.ENGLISH;
    public static final Locale CHINESE = Language.CHINESE;
    /** The Latin font of the interface and the canvases. */
    public static final String LATIN_FAMILY = "DejaVu Sans";
    public static final String MONO_FAMILY = "DejaVu Sans Mono";
    /** CJK families tried in this order (Linux, then Windows and macOS names); Noto has a bold weight. */
    public static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "WenQuanYi Micro Hei",
            "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei", "Droid Sans Fallback",
            "AR PL UMing CN", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC");
    /** The Debian/Ubuntu package that gives Linux a CJK font. */
    public static final String FONT_PACKAGE = "fonts-wqy-microhei";

    /** The JVM's locale when the app started (the system's). */
    private static final Locale SYSTEM = Locale.getDefault();
    private static volatile Optional<String> cjk;

    private AppLanguage() {
    }

    /** The language every text of the app is in now. */
    public static Locale locale() {
        return Language.locale();
    }

    public static boolean isChinese() {
        return Language.isChinese();
    }

    /** Sets the language (only English and Chinese exist; anything else means English). */
    public static void set(Locale l) {
        Language.set(l);
    }

    /**
     * Lets JavaFX's own texts (text-field context menus, built-in dialog buttons …) follow the app's
     * language: JavaFX looks them up in the JVM's default locale. Numbers are unaffected (Chinese, like
     * English, writes '.' decimals). Call on the FX thread when the window is (re)built.
     */
    public static void applyToJavaFx() {
        boolean sameAsSystem = SYSTEM.getLanguage().equals(locale().getLanguage());
        Locale.setDefault(sameAsSystem && !isChinese() ? SYSTEM : isChinese() ? Locale.SIMPLIFIED_CHINESE : ENGLISH);
    }

    /** The JVM's locale when the app started. */
    public static Locale systemLocale() {
        return SYSTEM;
    }

    /** {@code "en"} or {@code "zh"}: the tag saved in settings and given to {@code --lang}. */
    public static String tag() {
        return locale().getLanguage();
    }

    /** The supported language for a tag such as {@code zh}, {@code zh-CN}, {@code en_GB}; empty if none. */
    public static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String lang = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        if (lang.equals(CHINESE.getLanguage())) {
            return Optional.of(CHINESE);
        }
        if (lang.equals(ENGLISH.getLanguage())) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }

    /** Chinese for any Chinese locale, else English. */
    public static Locale supportedOrEnglish(Locale l) {
        return Language.supportedOrEnglish(l);
    }

    /** The first known CJK family among {@code families} (by the order of {@link #CJK_FAMILIES}). */
    public static Optional<String> findCjk(Collection<String> families) {
        for (String f : CJK_FAMILIES) {
            if (families.contains(f)) {
                return Optional.of(f);
            }
        }
        for (String f : families) {
            String n = f.toLowerCase(Locale.ROOT);
            if (n.contains("cjk") && (n.contains(" sc") || n.contains("sans"))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** An installed CJK family (probed once; needs the JavaFX toolkit), or empty. */
    public static Optional<String> cjkFamily() {
        Optional<String> c = cjk;
        if (c == null) {
            c = findCjk(Font.getFamilies());
            cjk = c;
        }
        return c;
    }

    /** For tests: pretend these families are installed (null: probe again). */
    public static void overrideInstalledFamilies(Collection<String> families) {
        cjk = families == null ? null : findCjk(families);
    }

    /** Whether Chinese text can be shown (a CJK font is installed). */
    public static boolean canShowChinese() {
        return cjkFamily().isPresent();
    }

    /**
     * The text font family: DejaVu Sans in English; in Chinese the installed CJK family (JavaFX falls
     * back to other installed fonts for glyphs it lacks, e.g. some math symbols).
     */
    public static String family() {
        return isChinese() ? cjkFamily().orElse(LATIN_FAMILY) : LATIN_FAMILY;
    }
}
