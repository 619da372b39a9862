package rnnlab.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The Chinese bundles match the English ones key for key: every pattern uses the same argument
 * indices with the same kinds of format, formats without error, and Chinese entries are translated.
 * A new English key needs its Chinese entry (same key, in the same place in the _zh file); a new
 * {@code rnnlab/i18n/*_en.properties} bundle needs a {@code _zh} twin.
 */
class I18nBundlesTest {
    /** Words that may stay as they are in Chinese text: math, names of methods and keys. */
    private static final Set<String> SAME_WORDS = Set.of("tanh", "log", "bptt", "lstm", "gru", "rnn", "relu", "sgd",
            "adam", "adagrad", "ctrl", "shift", "home", "end", "english", "json", "csv", "png", "pytorch", "the");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/rnnlab/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Argument indices used anywhere in the pattern (choice branches included). */
    private static Set<Integer> indices(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]").matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** Whether the text (outside its {arguments}) has a word of three letters or more that is not math or a name. */
    private static boolean hasEnglishWords(String pattern) {
        Matcher m = Pattern.compile("[A-Za-z]{3,}").matcher(pattern.replaceAll("\\{[^}]*}", " "));
        while (m.find()) {
            if (!SAME_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String kind(Format f) {
        return f == null ? "text" : f instanceof ChoiceFormat ? "choice" : f instanceof NumberFormat ? "number" : f.getClass().getSimpleName();
    }

    private static Object[] sampleArgs(MessageFormat mf) {
        Format[] fs = mf.getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(fs.length, 10)];
        for (int i = 0; i < args.length; i++) {
            args[i] = i < fs.length && fs[i] != null ? (Object) 3 : "A" + i;
        }
        return args;
    }

    /** Every bundle with an English file (messages, views, and any a later feature adds) needs its Chinese twin. */
    static List<String> bundles() throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/rnnlab/i18n"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_en.properties"))
                    .map(n -> n.substring(0, n.length() - "_en.properties".length())).sorted().toList();
        }
    }

    @org.junit.jupiter.api.Test
    void theKnownBundlesAreFound() throws IOException {
        assertThat(bundles()).contains("messages", "views");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("bundles")
    void chineseHasExactlyTheEnglishKeysWithTheSameArguments(String base) throws IOException {
        Properties en = load(base + "_en");
        Properties zh = load(base + "_zh");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).as("keys of %s_zh", base)
                .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        List<String> problems = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            MessageFormat me = new MessageFormat(e, Locale.ENGLISH);
            MessageFormat mz;
            try {
                mz = new MessageFormat(z, Locale.CHINESE);
            } catch (IllegalArgumentException ex) {
                problems.add(key + ": not a valid pattern: " + ex.getMessage());
                continue;
            }
            if (!indices(e).equals(indices(z))) {
                problems.add(key + ": arguments " + indices(e) + " in English, " + indices(z) + " in Chinese");
            }
            Format[] fe = me.getFormatsByArgumentIndex();
            Format[] fz = mz.getFormatsByArgumentIndex();
            for (int i = 0; i < Math.max(fe.length, fz.length); i++) {
                String ke = i < fe.length ? kind(fe[i]) : "text";
                String kz = i < fz.length ? kind(fz[i]) : "text";
                if (!ke.equals(kz)) {
                    problems.add(key + ": {" + i + "} is " + ke + " in English, " + kz + " in Chinese");
                }
            }
            String out = mz.format(sampleArgs(me));
            if (out.contains("{") && !e.contains("'{'")) {
                problems.add(key + ": unfilled argument in \"" + out + "\"");
            }
            // a single apostrophe quotes text in MessageFormat: it would vanish or swallow arguments
            if (z.replace("''", "").contains("'")) {
                problems.add(key + ": single apostrophe (write '' for one)");
            }
            // (a bilingual text such as lang.fontMissing is the same in both files on purpose)
            if (z.equals(e) && hasEnglishWords(e) && !e.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                problems.add(key + ": not translated (\"" + e + "\")");
            }
        }
        assertThat(problems).as(base).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("bundles")
    void chineseKeysFollowTheEnglishOrder(String base) throws IOException {
        List<String> en = keysInOrder(base + "_en");
        List<String> zh = keysInOrder(base + "_zh");
        assertThat(zh).as("keep %s_zh in the order of %s_en (easy merges, easy review)", base, base).isEqualTo(en);
    }

    private static List<String> keysInOrder(String name) throws IOException {
        List<String> keys = new ArrayList<>();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/rnnlab/i18n/" + name + ".properties")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && s.charAt(0) != '#' && s.charAt(0) != '!' && s.contains("=")) {
                    keys.add(s.substring(0, s.indexOf('=')).strip());
                }
            }
        }
        return keys;
    }
}
