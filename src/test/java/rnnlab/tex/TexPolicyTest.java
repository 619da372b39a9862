package rnnlab.tex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The TeX policy: ordinary maths and every shipped formula pass; files, URLs, macros and oversize do not. */
class TexPolicyTest {

    private static List<TexRefusal.Kind> kinds(String tex) {
        return TexPolicy.check(tex).stream().map(TexRefusal::kind).toList();
    }

    @Test
    void ordinaryMathsIsAllowed() {
        for (String tex : List.of(
                "h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)",
                "\\frac{\\partial L}{\\partial W_{hh}} = \\sum_{t=1}^{T} \\delta_t\\, h_{t-1}^{\\top}",
                "\\left\\lVert \\prod_{k} W^{\\top} \\operatorname{diag}(1-h_k^2) \\right\\rVert \\le \\rho^{T}",
                "c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t, \\quad \\sigma(x) = \\frac{1}{1+e^{-x}}",
                "\\begin{aligned} a &= b \\\\ c &\\approx d \\end{aligned}",
                "\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix} \\mathbf{x} \\in \\mathbb{R}^{n}",
                "\\textcolor{#D55E00}{f_{6}}[4] = \\sigma\\left(\\underbrace{0.12}_{W_{if}x_{6}+b_{if}}\\right)",
                "\\text{loss } L \\mathrel{+}= \\ln 47 \\approx 3.85, \\; \\alpha \\ne \\beta \\ \\{a\\}",
                "\\\\includegraphics")) { // a line break, then the letters "includegraphics": no command
            assertThat(TexPolicy.check(tex)).as(tex).isEmpty();
            assertThat(TexPolicy.allows(tex)).isTrue();
        }
    }

    @Test
    void commandsThatLoadFilesOrUrlsAreRefused() {
        TexRefusal r = TexPolicy.firstRefusal("\\includegraphics{http://127.0.0.1:8765/tex.png}");
        assertThat(r.kind()).isEqualTo(TexRefusal.Kind.LOADS_FILES);
        assertThat(r.message()).isEqualTo("\\includegraphics is not allowed in lesson math (it loads files or URLs)");
        assertThat(kinds("x \\includegraphics{/etc/hostname}")).containsExactly(TexRefusal.Kind.LOADS_FILES);
        // hidden inside text, options or after a space: still found
        assertThat(kinds("\\text{see \\includegraphics[width=1cm]{a.png}}")).containsExactly(TexRefusal.Kind.LOADS_FILES);
        for (String c : List.of("input", "include", "href", "url", "usepackage", "jlmExternalFont")) {
            assertThat(kinds("a \\" + c + "{x}")).as(c).containsExactly(TexRefusal.Kind.LOADS_FILES);
        }
    }

    @Test
    void commandsThatDefineMacrosAreRefused() {
        assertThat(TexPolicy.check("\\newcommand{\\a}{\\a x}\\a")).extracting(TexRefusal::message).containsExactly(
                "\\newcommand is not allowed in lesson math (it defines macros)",
                "\\a is not an allowed command in lesson math (lessons/README.md, \"Math\", lists the allowed ones)");
        for (String c : List.of("renewcommand", "def", "let", "newenvironment", "renewenvironment",
                "DeclareMathOperator", "catcode", "makeatletter", "csname", "expandafter")) {
            assertThat(kinds("\\" + c + "\\x")).as(c).startsWith(TexRefusal.Kind.DEFINES_MACROS);
        }
    }

    @Test
    void unknownCommandsAndEnvironmentsAreRefusedWithANearMiss() {
        TexRefusal r = TexPolicy.firstRefusal("\\fracc{1}{2}");
        assertThat(r.kind()).isEqualTo(TexRefusal.Kind.UNKNOWN_COMMAND);
        assertThat(r.message()).startsWith("\\fracc is not an allowed command in lesson math; did you mean \\frac?");
        assertThat(kinds("\\hspace{100000cm}")).containsExactly(TexRefusal.Kind.UNKNOWN_COMMAND);
        assertThat(kinds("\\rule{9999cm}{9999cm}")).containsExactly(TexRefusal.Kind.UNKNOWN_COMMAND);
        assertThat(kinds("\\@x")).containsExactly(TexRefusal.Kind.UNKNOWN_COMMAND);
        assertThat(TexPolicy.firstRefusal("\\begin{verbatim}x\\end{verbatim}").message())
                .startsWith("environment \"verbatim\" is not allowed in lesson math; allowed: aligned, gathered, array");
        assertThat(kinds("\\begin x")).containsExactly(TexRefusal.Kind.UNKNOWN_ENVIRONMENT);
        // each command is reported once
        assertThat(TexPolicy.check("\\foo \\foo \\foo")).hasSize(1);
    }

    @Test
    void sizeIsBoundedBeforeParsing() {
        String longest = "x".repeat(TexPolicy.MAX_CHARS);
        assertThat(TexPolicy.check(longest)).isEmpty();
        assertThat(TexPolicy.check(longest + "x")).extracting(TexRefusal::message)
                .containsExactly("a formula has 2001 characters; lesson math allows at most 2000");
        String deep = "{".repeat(TexPolicy.MAX_DEPTH) + "x" + "}".repeat(TexPolicy.MAX_DEPTH);
        assertThat(TexPolicy.check(deep)).isEmpty();
        assertThat(TexPolicy.check("{" + deep + "}")).extracting(TexRefusal::message)
                .containsExactly("a formula nests braces 13 deep; lesson math allows at most 12");
        assertThat(TexPolicy.check("x^2".repeat(TexPolicy.MAX_TOKENS))).isEmpty();
        assertThat(kinds("x^2".repeat(TexPolicy.MAX_TOKENS + 1))).containsExactly(TexRefusal.Kind.TOO_MANY_TOKENS);
        assertThat(kinds("\\,".repeat(TexPolicy.MAX_TOKENS + 1))).containsExactly(TexRefusal.Kind.TOO_MANY_TOKENS);
    }

    @Test
    void everyFormulaOfTheShippedLessonsIsAllowed() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("lessons"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (MathSpans.Span s : MathSpans.find(Files.readString(f))) {
                    assertThat(TexPolicy.check(s.source())).as(f + ": " + s.source()).isEmpty();
                    all.add(s.source());
                }
            }
        }
        // the lessons do use a lot of maths: the check above read it
        assertThat(all.size()).isGreaterThan(300);
        assertThat(all).anyMatch(s -> s.contains("\\begin{aligned}")).anyMatch(s -> s.contains("\\overrightarrow"));
    }

    @Test
    void mathSpansSkipCodeAndEscapedDollars() {
        assertThat(MathSpans.find("a $x$ `$y$` \\$5 and $$z$$ then $5 alone"))
                .extracting(MathSpans.Span::source, MathSpans.Span::display)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", false), org.assertj.core.groups.Tuple.tuple("z", true));
        // an inline formula does not cross a blank line
        assertThat(MathSpans.find("$a\n\nb$")).isEmpty();
    }
}
