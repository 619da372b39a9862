package rnnlab.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXIcon;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Exercise;
import rnnlab.lessons.Figures;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.Step;
import rnnlab.lessons.TeacherNotes;
import rnnlab.tex.MathSpans;
import rnnlab.tex.TexSandbox;

/**
 * A lesson as one self-contained HTML page for printing or sharing: its front matter, every step's title,
 * picture and narration, its checkpoints with their options, and on request the answers the engine computes
 * and the teacher notes. Everything is inside the file (pictures, formulas and figures as {@code data:}
 * images), so it opens offline and requests nothing from the network. The lesson's own text is escaped: raw
 * HTML in a lesson file shows as text, links to the network are not followed for images.
 */
final class HandoutHtml {
    /** What the handout shows besides the class's view of the lesson. */
    record Options(boolean answers, boolean notes) {
    }

    /** A checkpoint's computed answer: the value (may be NaN), the answer text and the filled-in explanation. */
    record Answer(String value, String answer, String explanation) {
    }

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]*)\\]\\(([^)\\s]*)\\)");
    private static final float FORMULA_PX = 17f;
    private final Lesson lesson;
    private final Options options;
    private final boolean zh;
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TexSandbox tex = TexSandbox.shared();

    HandoutHtml(Lesson lesson, Options options) {
        this.lesson = lesson;
        this.options = options;
        this.zh = "zh".equals(lesson.lang());
    }

    /**
     * The page. {@code pictures}: each step's PNG (index from 0; a missing one is left out); {@code answers}: per
     * step, its checkpoints' answers (used when answers are asked for); {@code exerciseValues}: per exercise
     * number, the engine's value or null.
     */
    String page(Map<Integer, byte[]> pictures, Map<Integer, List<Answer>> answers, Map<Integer, String> exerciseValues,
                java.util.function.Function<String, String> titleOf) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(zh ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // nothing on this page may reach the network: images are data: URLs, no scripts, no fonts
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                        + "style-src 'unsafe-inline'\">\n")
                .append("<title>").append(esc(String.format("%02d %s", lesson.number(), lesson.title()))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><p class=\"kicker\">").append(esc(word("RNN Lab · Lesson ", "RNN Lab · 第 ")))
                .append(lesson.number()).append(esc(zh ? " 课" : "")).append("</p>\n<h1>").append(esc(lesson.title()))
                .append("</h1>\n");
        if (lesson.summary() != null && !lesson.summary().isBlank()) {
            b.append("<p class=\"summary\">").append(inline(lesson.summary())).append("</p>\n");
        }
        String front = lesson.front().markdown(lesson.lang(), titleOf);
        if (!front.isEmpty()) {
            b.append("<div class=\"front\">").append(block(front)).append("</div>\n");
        }
        if (options.answers() || options.notes()) {
            b.append("<p class=\"teacher\">").append(esc(options.answers()
                    ? word("For the teacher: with the answers", "教师用：含答案")
                    : word("For the teacher: with teacher notes", "教师用：含教师提示"))).append("</p>\n");
        }
        b.append("</header>\n");
        for (Step s : lesson.steps()) {
            b.append("<section class=\"step\">\n<h2>").append(esc(stepWord(s.index() + 1))).append(' ')
                    .append(esc(s.title())).append("</h2>\n");
            byte[] png = pictures.get(s.index());
            if (png != null) {
                b.append("<img class=\"shot\" alt=\"").append(esc(stepWord(s.index() + 1))).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
            }
            String narration = TeacherNotes.apply(s.narration(), options.notes(), word("Teacher note:", "教师提示："));
            b.append(block(narration));
            List<Answer> stepAnswers = answers.getOrDefault(s.index(), List.of());
            for (int i = 0; i < s.checkpoints().size(); i++) {
                checkpoint(b, s.checkpoints().get(i), i < stepAnswers.size() ? stepAnswers.get(i) : null);
            }
            b.append("</section>\n");
        }
        if (!lesson.exercises().isEmpty()) {
            b.append("<section class=\"exercises\">\n<h2>").append(esc(word("Exercises", "练习"))).append("</h2>\n<ol>\n");
            for (Exercise x : lesson.exercises()) {
                b.append("<li>").append(inline(x.question()));
                if (options.answers()) {
                    String v = exerciseValues.get(x.number());
                    if (x.value() != null && v != null) {
                        b.append("<p class=\"answer\"><b>").append(esc(word("Computed by the engine:", "引擎算出："))).append("</b> <code>")
                                .append(esc(x.value().text())).append("</code> = ").append(esc(v)).append("</p>");
                    }
                    if (x.answer() != null) {
                        b.append("<p class=\"answer\"><b>").append(esc(word("Answer:", "答案："))).append("</b> ")
                                .append(inline(x.answer())).append("</p>");
                    }
                }
                b.append("</li>\n");
            }
            b.append("</ol>\n</section>\n");
        }
        b.append("<footer>").append(esc(word("Made with RNN Lab (lessons handout). Print it, or save it as PDF from the "
                + "browser's print dialog.", "由 RNN Lab 生成（lessons handout）。可直接打印，或在浏览器的打印对话框中另存为 PDF。")))
                .append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private void checkpoint(StringBuilder b, Checkpoint c, Answer a) {
        b.append("<div class=\"checkpoint\">\n<p class=\"label\">").append(esc(c.kind() == Checkpoint.Kind.GOAL
                ? word("Try it", "动手试试") : word("Predict, then check", "先预测，再核对"))).append("</p>\n<p>")
                .append(inline(c.question())).append("</p>\n");
        if (!c.options().isEmpty()) {
            b.append("<ol type=\"A\">\n");
            for (Checkpoint.Option o : c.options()) {
                b.append("<li>").append(inline(o.label())).append("</li>\n");
            }
            b.append("</ol>\n");
        } else if (c.kind() == Checkpoint.Kind.NUMBER) {
            b.append("<p class=\"blank\">").append(esc(word("Your answer: ", "你的答案："))).append("____________</p>\n");
        }
        if (options.answers() && a != null) {
            b.append("<div class=\"answer\"><b>").append(esc(word("Answer:", "答案："))).append("</b> ").append(inline(a.answer()));
            if (a.value() != null) {
                b.append(" <span class=\"value\">(").append(esc(word("engine: ", "引擎："))).append(esc(a.value())).append(")</span>");
            }
            if (a.explanation() != null && !a.explanation().isBlank()) {
                b.append("<div>").append(block(a.explanation())).append("</div>");
            }
            b.append("</div>\n");
        }
        b.append("</div>\n");
    }

    private String stepWord(int n) {
        return zh ? "第 " + n + " 步" : "Step " + n + ".";
    }

    private String word(String en, String zhText) {
        return zh ? zhText : en;
    }

    /** Markdown of a paragraph or more, with formulas typeset and the lesson's figures embedded. */
    String block(String markdown) {
        List<String> inserts = new ArrayList<>();
        String md = withPlaceholders(markdown, inserts);
        return restore(renderer.render(parser.parse(md)), inserts);
    }

    /** One line of Markdown without its paragraph. */
    String inline(String markdown) {
        String html = block(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    /**
     * Replaces formulas and images by placeholders that Markdown leaves alone (letters and digits only), and
     * keeps the HTML each stands for; the placeholders are put back after the escaping render.
     */
    private String withPlaceholders(String markdown, List<String> inserts) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (MathSpans.Span sp : MathSpans.find(markdown)) {
            out.append(images(markdown.substring(at, sp.start()), inserts));
            out.append(placeholder(inserts.size()));
            inserts.add(formula(sp.source(), sp.display()));
            at = sp.end();
        }
        out.append(images(markdown.substring(at), inserts));
        return out.toString();
    }

    private String images(String md, List<String> inserts) {
        Matcher m = IMAGE.matcher(md);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String html;
            try {
                Path dir = lesson.file() == null ? null : lesson.file().getParent();
                if (dir == null) {
                    throw new Figures.Refused("no lesson folder");
                }
                Figures.Found f = Figures.resolve(dir, m.group(2));
                html = "<img class=\"figure\" alt=\"" + esc(m.group(1)) + "\" src=\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(Files.readAllBytes(f.file())) + "\">";
            } catch (Figures.Refused | IOException e) {
                // not a figure of the lesson's folder: its description only (nothing is fetched)
                html = "<span class=\"missing\">[" + esc(m.group(1)) + "]</span>";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder(inserts.size())));
            inserts.add(html);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String placeholder(int i) {
        return "RNNLABX" + i + "X";
    }

    private static String restore(String html, List<String> inserts) {
        Matcher m = Pattern.compile("RNNLABX(\\d+)X").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < inserts.size() ? inserts.get(i) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A formula as an embedded picture (typeset within the TeX sandbox), or its source when it cannot be. */
    private String formula(String source, boolean display) {
        TexSandbox.Outcome<byte[]> o = tex.typeset(source, f -> png(f.createTeXIcon(
                display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, FORMULA_PX * 2)));
        if (o.ok() && o.value() != null) {
            // drawn at twice the size and shown at half: sharp when printed
            int[] wh = size(o.value());
            return "<img class=\"" + (display ? "math display" : "math") + "\" alt=\"" + esc(source) + "\" width=\""
                    + (wh[0] / 2) + "\" height=\"" + (wh[1] / 2) + "\" src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(o.value()) + "\">";
        }
        return "<code class=\"math\">" + esc(source) + "</code>";
    }

    private static byte[] png(TeXIcon icon) {
        BufferedImage bi = rnnlab.tex.TexPictures.paint(icon, java.awt.Color.BLACK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(bi, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int[] size(byte[] png) {
        // the PNG header holds width and height at bytes 16–23
        int w = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        int h = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
        return new int[] {Math.max(2, w), Math.max(2, h)};
    }

    static String esc(String s) {
        return rnnlab.session.AnswerKey.esc(s);
    }

    private static final String CSS = """
            body { font: 16px/1.5 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Segoe UI", Helvetica, Arial, sans-serif;
                   color: #1b1f24; max-width: 52em; margin: 2em auto; padding: 0 1em; }
            header { border-bottom: 2px solid #2b6cb0; margin-bottom: 1.5em; }
            .kicker { color: #4a5568; margin: 0; }
            h1 { margin: 0.2em 0 0.4em; }
            .summary { font-size: 1.1em; }
            .teacher { color: #9b2c2c; font-weight: bold; }
            .step { page-break-inside: avoid; break-inside: avoid-page; margin-bottom: 2em; }
            h2 { border-bottom: 1px solid #cbd5e0; padding-bottom: 0.2em; }
            img.shot { width: 100%; border: 1px solid #cbd5e0; }
            img.figure { max-width: 100%; }
            img.math { vertical-align: middle; }
            img.math.display { display: block; margin: 0.6em auto; }
            blockquote { border-left: 4px solid #d69e2e; background: #fffaf0; margin: 0.8em 0; padding: 0.4em 0.8em; }
            .checkpoint { border: 1px solid #2b6cb0; border-radius: 6px; padding: 0.6em 1em; margin: 1em 0; background: #f7fafc; }
            .checkpoint .label { font-weight: bold; color: #2b6cb0; margin: 0; }
            .answer { color: #22543d; background: #f0fff4; border-left: 4px solid #38a169; padding: 0.3em 0.6em; margin-top: 0.5em; }
            .value { color: #4a5568; }
            .blank { color: #4a5568; }
            .missing { color: #9b2c2c; }
            code { background: #edf2f7; padding: 0 0.2em; }
            footer { color: #718096; font-size: 0.85em; border-top: 1px solid #cbd5e0; margin-top: 2em; padding-top: 0.5em; }
            @media print { body { margin: 0; max-width: none; } .step { page-break-before: auto; } }
            """;
}
