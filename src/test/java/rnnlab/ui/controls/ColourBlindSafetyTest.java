package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import rnnlab.ui.controls.ColourVision.Deficiency;

/**
 * The palettes stay readable with protanopia, deuteranopia and tritanopia, in both themes: every pair
 * of colours that carries a distinction (negative vs positive, gate vs gate, a mark vs its background)
 * keeps a minimum CIEDE2000 difference after simulating the deficiency (Machado et al. 2009).
 *
 * <p>Thresholds. ΔE00 ≈ 1 is a just-noticeable difference for large patches side by side under ideal
 * light. Our marks are small (heatmap cells, gate bars, 2 px borders) and often seen on a washed-out
 * projector; studies of colour difference in visualisations (e.g. Szafir 2018, "Modeling Color
 * Difference for Visualization Design", IEEE TVCG) find that small marks need several times that. We
 * require {@value #CATEGORICAL} for colours that name different things (gates, the two signs at half
 * strength), {@value #OPPOSITE} for the two ends of the diverging scale and for full-strength values
 * against the neutral background, and {@value #MARK} for thin marks (highlight, focus ring) on panels.
 *
 * <p>To check another palette (e.g. a high-contrast presentation palette) add a {@link Case} to
 * {@link #cases()}.
 */
class ColourBlindSafetyTest {
    static final double CATEGORICAL = 10;
    static final double OPPOSITE = 20;
    static final double MARK = 15;

    /** One palette on one background: named colours and the pairs that must stay apart. */
    record Case(String name, int neutral, int panel, Map<String, Integer> colours, List<Pair> pairs) {
    }

    record Pair(String a, String b, double min) {
    }

    static List<Case> cases() throws IOException {
        Map<String, String> light = themeVariables(false);
        Map<String, String> dark = themeVariables(true);
        Map<String, String> projector = new java.util.HashMap<>(light);
        projector.putAll(projectorVariables());
        return List.of(themeCase("light", Palette.LIGHT_NEUTRAL, light), themeCase("dark", Palette.DARK_NEUTRAL, dark),
                themeCase("projector", Theme.PROJECTOR.neutral(), projector));
    }

    /** The app's palette (Palette + the theme's accent and highlight) on one theme's backgrounds. */
    static Case themeCase(String name, int neutral, Map<String, String> vars) {
        Map<String, Integer> c = new java.util.LinkedHashMap<>();
        c.put("neutral", neutral);
        c.put("panel", rgb(vars.get("-rl-panel")));
        c.put("-1", Palette.diverging(-1, neutral));
        c.put("+1", Palette.diverging(1, neutral));
        c.put("-0.5", Palette.diverging(-0.5, neutral));
        c.put("+0.5", Palette.diverging(0.5, neutral));
        for (String g : List.of("i", "f", "g", "o", "r", "z", "n")) {
            c.put("gate " + g, Palette.argb(Palette.gateHue(g)));
        }
        c.put("gradient max", Palette.gradient(1, neutral));
        c.put("highlight", rgb(vars.get("-rl-hot")));
        c.put("accent", rgb(vars.get("-rl-accent")));
        List<Pair> p = new ArrayList<>();
        p.add(new Pair("-1", "+1", OPPOSITE));
        p.add(new Pair("-1", "neutral", OPPOSITE));
        p.add(new Pair("+1", "neutral", OPPOSITE));
        p.add(new Pair("-0.5", "+0.5", CATEGORICAL));
        p.add(new Pair("-0.5", "neutral", CATEGORICAL));
        p.add(new Pair("+0.5", "neutral", CATEGORICAL));
        p.add(new Pair("gradient max", "neutral", OPPOSITE));
        for (List<String> cell : List.of(List.of("i", "f", "g", "o"), List.of("r", "z", "n"))) {
            for (int a = 0; a < cell.size(); a++) {
                p.add(new Pair("gate " + cell.get(a), "neutral", CATEGORICAL));
                for (int b = a + 1; b < cell.size(); b++) {
                    p.add(new Pair("gate " + cell.get(a), "gate " + cell.get(b), CATEGORICAL));
                }
            }
        }
        p.add(new Pair("highlight", "panel", MARK));
        p.add(new Pair("accent", "panel", MARK));
        return new Case(name, neutral, c.get("panel"), c, p);
    }

    @Test
    void ciede2000MatchesPublishedTestData() {
        // Sharma, Wu & Dalal (2005), pairs 1 and 17
        assertThat(ColourVision.ciede2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}))
                .isCloseTo(2.0425, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ColourVision.ciede2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}))
                .isCloseTo(27.1492, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void simulationKeepsGreysAndMergesRedAndGreenForRedGreenDeficiencies() {
        assertThat(ColourVision.simulate(0xFF808080, Deficiency.DEUTERANOPIA) & 0xFFFFFF).isEqualTo(0x808080);
        int red = Palette.argb(Color.web("#D62728"));
        int green = Palette.argb(Color.web("#2CA02C"));
        // the classic red/green pair is far apart normally and close with deuteranopia
        assertThat(ColourVision.deltaE(red, green)).isGreaterThan(50);
        assertThat(ColourVision.deltaE(ColourVision.simulate(red, Deficiency.DEUTERANOPIA),
                ColourVision.simulate(green, Deficiency.DEUTERANOPIA))).isLessThan(25);
    }

    @Test
    void everyDistinctionSurvivesEveryDeficiency() throws IOException {
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Case c : cases()) {
            failures.addAll(failures(c, report));
        }
        System.out.print(report);
        assertThat(failures).isEmpty();
    }

    @Test
    void aRedGreenDivergingScaleWouldFail() throws IOException {
        // the check catches what it is for: the classic red and green ends merge for deutan viewers
        Case app = cases().get(0);
        Map<String, Integer> colours = new java.util.LinkedHashMap<>(app.colours());
        colours.put("-1", Palette.argb(Color.web("#D62728")));
        colours.put("+1", Palette.argb(Color.web("#2CA02C")));
        Case bad = new Case("red-green", app.neutral(), app.panel(), colours, List.of(new Pair("-1", "+1", OPPOSITE)));
        List<String> f = failures(bad, new StringBuilder());
        assertThat(f).anyMatch(s -> s.contains("DEUTERANOPIA"))
                .noneMatch(s -> s.contains("/NONE"));
    }

    /** The pairs of a case that fall below their minimum for some deficiency; every difference goes to {@code report}. */
    static List<String> failures(Case c, StringBuilder report) {
        List<String> failures = new ArrayList<>();
        for (Deficiency d : Deficiency.values()) {
            for (Pair p : c.pairs()) {
                double e = ColourVision.deltaE(ColourVision.simulate(c.colours().get(p.a()), d),
                        ColourVision.simulate(c.colours().get(p.b()), d));
                report.append(String.format(java.util.Locale.ROOT, "%-6s %-13s %-14s %-14s ΔE00 %6.1f (min %.0f)%n",
                        c.name(), d, p.a(), p.b(), e, p.min()));
                if (e < p.min()) {
                    failures.add(String.format(java.util.Locale.ROOT, "%s/%s: %s vs %s ΔE00 = %.1f < %.0f", c.name(), d,
                            p.a(), p.b(), e, p.min()));
                }
            }
        }
        return failures;
    }

    /** The -rl-* colours of a theme (rnnlab.ui.controls.Theme defines them; the stylesheets only name them). */
    static Map<String, String> themeVariables(boolean dark) throws IOException {
        return hexes(Theme.of(dark));
    }

    /** Presentation mode's projector palette. */
    static Map<String, String> projectorVariables() throws IOException {
        return hexes(Theme.PROJECTOR);
    }

    private static Map<String, String> hexes(Theme t) {
        Map<String, String> out = new java.util.HashMap<>();
        t.css().forEach((k, v) -> out.put(k, Theme.hex(v)));
        return out;
    }

    private static int rgb(String hex) {
        return Palette.argb(Color.web(hex));
    }
}
