package rnnlab.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks text up in a resource bundle in the app's language ({@link Language#locale()}); a key the
 * translation lacks falls back to English, a key English lacks shows as itself (visible, never a crash).
 */
public final class Bundles {
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(List.of("java.properties"));

    /**
     * Bundles by base name, then by language: two lookups with the caller's own strings, no key built per call
     * (the views look texts up at every step; a concatenated key was 3.5 % of what the FX thread allocated in bench-ui).
     */
    private static final Map<String, Map<String, ResourceBundle>> CACHE = new ConcurrentHashMap<>();

    private Bundles() {
    }

    /** The bundle {@code base} in {@code locale} (the English one if there is no such translation). */
    public static ResourceBundle bundle(String base, Locale locale) {
        return CACHE.computeIfAbsent(base, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(locale.getLanguage(), l -> load(base, locale));
    }

    private static ResourceBundle load(String base, Locale locale) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(base, locale, Bundles.class.getClassLoader(), NO_DEFAULT_LOCALE);
            if (b.getLocale().getLanguage().equals(locale.getLanguage())) {
                return b;
            }
        } catch (MissingResourceException e) {
            // fall through to English
        }
        return ResourceBundle.getBundle(base, Language.ENGLISH, Bundles.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }

    /** The text for {@code key} in the app's language, else in English, else the key itself. */
    public static String get(String base, String key) {
        ResourceBundle b = bundle(base, Language.locale());
        if (b.containsKey(key)) {
            return b.getString(key);
        }
        ResourceBundle en = bundle(base, Language.ENGLISH);
        return en.containsKey(key) ? en.getString(key) : key;
    }

    public static boolean has(String base, String key) {
        return bundle(base, Language.ENGLISH).containsKey(key) || bundle(base, Language.locale()).containsKey(key);
    }

    /** The pattern for {@code key} filled with {@code args} (numbers with '.' decimals in every language). */
    public static String format(String base, String key, Object... args) {
        Locale locale = numberLocale();
        String pattern = get(base, key);
        // parsed once per pattern and locale: views format their labels on every repaint (issue 12, bench-ui)
        String formatKey = locale.toLanguageTag() + '\u0000' + pattern;
        MessageFormat f = FORMATS.computeIfAbsent(formatKey, k -> new MessageFormat(pattern, locale));
        // and the same label ("step 12", "unit 3") is formatted at every frame of a step: remembered when its
        // arguments are whole numbers or texts (formatting them was 5 % of the FX thread's samples, bench-ui)
        Text memoKey = memoKey(formatKey, args);
        if (memoKey != null) {
            String known = FORMATTED.get(memoKey);
            if (known != null) {
                return known;
            }
        }
        String out;
        synchronized (f) { // a MessageFormat is not safe for concurrent use
            out = f.format(args);
        }
        if (memoKey != null) {
            if (FORMATTED.size() >= MAX_FORMATTED) {
                FORMATTED.clear();
            }
            FORMATTED.put(memoKey, out);
        }
        return out;
    }

    /** A formatted label by pattern and arguments; only for arguments whose text cannot change (see {@link #memoKey}). */
    private record Text(String pattern, List<Object> args) {
    }

    /** Formatted labels (bounded: cleared when full). */
    private static final Map<Text, String> FORMATTED = new ConcurrentHashMap<>();
    private static final int MAX_FORMATTED = 20_000;

    /** The memo key, or null when an argument is not an Integer, Long or String (or there are more than 4). */
    private static Text memoKey(String formatKey, Object[] args) {
        if (args == null || args.length > 4) {
            return null;
        }
        for (Object a : args) {
            if (!(a instanceof Integer || a instanceof Long || a instanceof String)) {
                return null;
            }
        }
        return new Text(formatKey, List.of(args));
    }

    /** Parsed patterns by number locale and pattern text (bounded by the bundles' patterns in two languages). */
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    /**
     * The locale numbers are formatted in: the app's language with English digits and separators, so
     * "0.25" reads the same in both languages.
     */
    public static Locale numberLocale() {
        return Language.isChinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
