package rnnlab.poll;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The students' page's words ({@code rnnlab/i18n/pollpage_en|zh.properties}) and the choice of language
 * from the browser's Accept-Language header: Chinese when it prefers zh over en, English otherwise.
 */
public final class PageText {
    public static final List<String> LANGUAGES = List.of("en", "zh");
    private static final Map<String, Map<String, String>> TEXTS = new LinkedHashMap<>();

    private PageText() {
    }

    /** The page's words in {@code lang} (en or zh). */
    public static synchronized Map<String, String> of(String lang) {
        return TEXTS.computeIfAbsent(LANGUAGES.contains(lang) ? lang : "en", PageText::load);
    }

    private static Map<String, String> load(String lang) {
        Properties p = new Properties();
        try (InputStream in = PageText.class.getResourceAsStream("/rnnlab/i18n/pollpage_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("pollpage_" + lang + ".properties is missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).replace("''", "'")));
        return Map.copyOf(m);
    }

    /**
     * en or zh for an Accept-Language header such as {@code zh-CN,zh;q=0.9,en;q=0.8}: the language of the
     * highest weight among the two (the first of equals); English when neither is named.
     */
    public static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return "en";
        }
        String best = "en";
        double bestQ = -1;
        for (String part : acceptLanguage.split(",")) {
            String[] bits = part.trim().split(";");
            String tag = bits[0].trim().toLowerCase(Locale.ROOT);
            String lang = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (LANGUAGES.contains(lang) && q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return best;
    }
}
