package rnnlab.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.AppLanguage;

/**
 * No user-visible words hard-coded in the views and controls: every text a user reads comes from
 * {@code Messages} so that it exists in English and Chinese. The scan flags string
 * literals with two words ("Open model"), with Chinese characters, or with any letter when handed
 * straight to a text-showing call ({@code setText("…")}, {@code new Label("…")}, {@code fillText("…")} …).
 * Bundle keys, CSS, ids, LaTeX and format strings pass; exception messages (developer text) pass.
 */
class HardCodedTextTest {
    /** Literals that may appear as they are, with the reason. */
    private static final Set<String> ALLOWED = new HashSet<>(Set.of(
            "M", // TextActivationSkin: a probe glyph to measure the monospaced cell width, never shown
            "t", // DecayOverlay: the time axis symbol, the same in every language
            "java.properties")); // Bundles: the resource-bundle format name
    static {
        // font family names are names, not words
        ALLOWED.add(AppLanguage.LATIN_FAMILY);
        ALLOWED.add(AppLanguage.MONO_FAMILY);
        ALLOWED.addAll(AppLanguage.CJK_FAMILIES);
    }

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}[,;:!?]? +[A-Za-z]{2,}");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern SHOWS_TEXT = Pattern.compile("(setText|setTitle|setHeaderText|setContentText|"
            + "setPromptText|Label|Button|Tooltip|MenuItem|Menu|CheckBox|RadioButton|ToggleButton|Tab|Text|fillText|"
            + "strokeText|ExtensionFilter|ButtonType|Alert|fillFitted|fillWrapped|fillRich|emptyMessage|heading)\\(\\s*$");

    static List<String> offences(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String[] lines = stripComments(Files.readString(f, StandardCharsets.UTF_8)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.contains("Exception(")) {
                    continue; // developer messages of exceptions
                }
                Matcher m = LITERAL.matcher(line);
                while (m.find()) {
                    String s = unescape(m.group(1));
                    if (ALLOWED.contains(s) || s.contains("\\\\") || s.contains("%") || s.startsWith("-fx-")) {
                        continue;
                    }
                    boolean shown = SHOWS_TEXT.matcher(line.substring(0, m.start())).find() && s.matches(".*[A-Za-z].*");
                    if (WORDS.matcher(s).find() || CJK.matcher(s).find() || shown) {
                        out.add(root.relativize(f) + ":" + (i + 1) + " \"" + s + "\"");
                    }
                }
            }
        }
        return out;
    }

    /** {@code \\u25be} and the like as the characters they stand for. */
    static String unescape(String s) {
        Matcher u = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder b = new StringBuilder();
        while (u.find()) {
            u.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(u.group(1), 16))));
        }
        return u.appendTail(b).toString();
    }

    /** The source with comments blanked out (line numbers kept). */
    static String stripComments(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        boolean inString = false;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\' && i + 1 < src.length()) {
                    b.append(src.charAt(++i));
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
                i++;
            } else if (c == '"') {
                inString = true;
                b.append(c);
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (src.charAt(k) == '\n') {
                        b.append('\n');
                    }
                }
                i = end;
            } else if (c == '\'' && i + 2 < src.length()) {
                // a char literal such as '"' must not open a string
                int end = src.indexOf('\'', i + (src.charAt(i + 1) == '\\' ? 3 : 2));
                end = end < 0 ? i + 1 : end + 1;
                b.append(src, i, end);
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    @Test
    void viewsAndControlsTakeEveryVisibleTextFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : new String[] {"views", "controls", "diagrams", "shell", "lesson", "training", "export", "compare", "poll", "about", "seq2seq", "textlab"}) {
            found.addAll(offences(Path.of("src/main/java/rnnlab/ui", pkg)));
        }
        assertThat(found).as("hard-coded user-visible text; put it in messages_en/zh or views_en/zh").isEmpty();
    }

    @Test
    void theScanCatchesHardCodedWordsButNotKeysIdsOrFormulas(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A.java"), String.join("\n",
                "class A {",
                "  void a() {",
                "    label.setText(\"Save\");", // flagged: a word shown directly
                "    new MenuItem(\"Open model\");", // flagged: two words
                "    x = \"打开\";", // flagged: Chinese
                "    Messages.get(\"menu.file.openModel\");", // a key
                "    node.setId(\"compare.view\");", // an id
                "    // label.setText(\"In a comment\");",
                "    f = \"\\\\frac{a b}{c}\";", // LaTeX
                "    throw new IllegalStateException(\"view is not showing\");",
                "  }",
                "}"));
        assertThat(offences(dir)).containsExactly("A.java:3 \"Save\"", "A.java:4 \"Open model\"", "A.java:5 \"打开\"");
    }
}
