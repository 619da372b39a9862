package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Colours are defined once: in {@link Theme} (per theme) and {@link Palette} (hues and scales). Every
 * stylesheet of the app names them ({@code -rl-text}), and no UI class writes a colour literal. The
 * one exception is the class poll's phone page ({@code rnnlab/poll/web/}): a separate web page with
 * its own stylesheet, served to browsers that never see the app's themes.
 */
class ColourDefinedOnceTest {
    static final Path CSS_ROOT = Path.of("src/main/resources");
    static final Path UI_JAVA = Path.of("src/main/java/rnnlab/ui");
    static final Set<String> DEFINING = Set.of("controls/Palette.java", "controls/Theme.java");

    /** A colour written in a CSS value: #rgb…#rrggbbaa, rgb(…), rgba(…), hsb(…). */
    static final Pattern CSS_COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\b(rgba?|hsba?)\\s*\\(");
    /** A colour literal in Java: a hex colour inside a string, Color.web/rgb/color/gray/hsb with literal arguments, an ARGB int. */
    static final Pattern JAVA_COLOUR = Pattern.compile("\"[^\"\\n]*(#[0-9a-fA-F]{3,8}\\b|\\brgba?\\s*\\()[^\"\\n]*\""
            + "|Color\\.(web|rgb|color|gray|grayRgb|hsb)\\(\\s*[-0-9.\"]|0x[fF][fF][0-9a-fA-F]{6}\\b");
    static final Pattern LOOKUP = Pattern.compile("-rl-[a-z][a-z-]*[a-z]");

    @Test
    void noStylesheetWritesAColour() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path css : files(CSS_ROOT, ".css")) {
            if (exempt(css)) {
                continue;
            }
            String text = Pattern.compile("(?s)/\\*.*?\\*/").matcher(Files.readString(css, StandardCharsets.UTF_8)).replaceAll(m -> blank(m));
            // only declaration values: the text between a ':' and ';' or '}' inside a block
            Matcher block = Pattern.compile("\\{([^}]*)}").matcher(text);
            while (block.find()) {
                Matcher m = CSS_COLOUR.matcher(block.group(1));
                while (m.find()) {
                    found.add(css + ":" + line(text, block.start(1) + m.start()) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("colours written in stylesheets (name a -rl-* colour of rnnlab.ui.controls.Theme instead)")
                .isEmpty();
    }

    @Test
    void noUiClassWritesAColourOutsideThemeAndPalette() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path java : files(UI_JAVA, ".java")) {
            String rel = UI_JAVA.relativize(java).toString().replace('\\', '/');
            if (DEFINING.contains(rel)) {
                continue;
            }
            String text = stripComments(Files.readString(java, StandardCharsets.UTF_8));
            Matcher m = JAVA_COLOUR.matcher(text);
            while (m.find()) {
                found.add(java + ":" + line(text, m.start()) + ": " + m.group());
            }
        }
        assertThat(found).as("colour literals outside Theme and Palette (use a Theme or Palette colour instead)").isEmpty();
    }

    @Test
    void everyNamedColourIsDefinedForEveryTheme() throws IOException {
        String generated = Theme.stylesheetText();
        Set<String> defined = new TreeSet<>();
        Matcher d = Pattern.compile("(-rl-[a-z-]+)\\s*:").matcher(generated);
        while (d.find()) {
            defined.add(d.group(1));
        }
        Set<String> used = new TreeSet<>();
        for (Path f : Stream.concat(files(CSS_ROOT, ".css").stream(), files(UI_JAVA, ".java").stream()).toList()) {
            if (exempt(f)) {
                continue;
            }
            Matcher u = LOOKUP.matcher(stripComments(Files.readString(f, StandardCharsets.UTF_8)));
            while (u.find()) {
                used.add(u.group());
            }
        }
        used.removeIf(n -> n.startsWith("-rl-") && generated.contains(n + ":"));
        assertThat(used).as("-rl-* colours named but defined nowhere (defined: %s)", defined).isEmpty();
        // the window's colours exist in all three themes, with the same names
        assertThat(Theme.DARK.css().keySet()).containsAll(Theme.LIGHT.css().keySet());
        assertThat(Theme.PROJECTOR.css().keySet()).containsAll(Theme.LIGHT.css().keySet());
        assertThat(Theme.DARK.css("-rl-bg")).isNotEqualTo(Theme.LIGHT.css("-rl-bg"));
        assertThat(generated).contains(".root.dark {").contains(".root.projector {").contains("-rl-blue: #0072b2;");
    }

    static boolean exempt(Path f) {
        return f.toString().replace('\\', '/').contains("rnnlab/poll/web/");
    }

    static List<Path> files(Path root, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    static String stripComments(String java) {
        // block comments and // comments outside strings (good enough for this code base: no "//" in colour strings)
        String noBlocks = Pattern.compile("(?s)/\\*.*?\\*/").matcher(java).replaceAll(m -> blank(m));
        return Pattern.compile("(?m)^(\\s*)//.*$").matcher(noBlocks).replaceAll("$1");
    }

    private static String blank(java.util.regex.MatchResult m) {
        return Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " "));
    }

    static int line(String text, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
