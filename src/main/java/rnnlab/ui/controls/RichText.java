package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Label text with subscripts: "c_t−1" draws c with a smaller, lower t−1; after an underscore a brace
 * group {…} or the run of characters up to a space or one of ·()[],=:⊙;|./‖ (or a + not followed by a
 * digit) is the subscript. Also wraps such text by measured width.
 */
final class RichText {
    private static final String STOPS = " ·()[],=+:⊙;|./‖\u00a0";

    private RichText() {
    }

    /** "t+1": a plus directly followed by a digit stays in the subscript. */
    private static boolean plusDigit(String text, int i) {
        return text.charAt(i) == '+' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
    }

    /** Chinese characters and full-width punctuation ("、", "（", "：") end a subscript too. */
    private static boolean cjk(char ch) {
        return (ch >= '\u3000' && ch <= '\u9fff') || (ch >= '\uff00' && ch <= '\uffef');
    }

    /**
     * Runs as {subscript, null} or {null, plain}; not to be changed (cached: labels are measured and drawn at every
     * frame of a step, and splitting them again allocated about a tenth of the FX thread's garbage in bench-ui).
     */
    static List<String[]> runs(String text) {
        List<String[]> known = RUNS.get(text);
        if (known == null) {
            if (RUNS.size() >= 4096) {
                RUNS.clear();
            }
            known = split(text);
            RUNS.put(text, known);
        }
        return known;
    }

    /** Runs by text (bounded: cleared when full). */
    private static final java.util.Map<String, List<String[]>> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String[]> split(String text) {
        List<String[]> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '_' && i + 1 < n && text.charAt(i + 1) != ' ') {
                int end;
                String sub;
                if (text.charAt(i + 1) == '{') {
                    end = text.indexOf('}', i + 2);
                    if (end < 0) {
                        end = n;
                    }
                    sub = text.substring(i + 2, end);
                    end = Math.min(n, end + 1);
                } else {
                    end = i + 1;
                    while (end < n && !cjk(text.charAt(end)) && (STOPS.indexOf(text.charAt(end)) < 0 || plusDigit(text, end))) {
                        end++;
                    }
                    sub = text.substring(i + 1, end);
                }
                if (plain.length() > 0) {
                    out.add(new String[] {null, plain.toString()});
                    plain.setLength(0);
                }
                out.add(new String[] {sub, null});
                i = end;
            } else {
                plain.append(ch);
                i++;
            }
        }
        if (plain.length() > 0) {
            out.add(new String[] {null, plain.toString()});
        }
        return out;
    }

    private static Font sub(Font base) {
        // looked up once per base font: labels are measured and drawn at every frame of a step (bench-ui)
        Font known = SUBS.get(base);
        if (known == null) {
            if (SUBS.size() >= 512) {
                SUBS.clear();
            }
            known = Font.font(base.getFamily(), base.getSize() * 0.72);
            SUBS.put(base, known);
        }
        return known;
    }

    /** Subscript fonts by base font (bounded: cleared when full). */
    private static final java.util.Map<Font, Font> SUBS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The combining tilde (c̃): drawn by {@link #fill} as a stroke over its letter, not by the font. */
    static final char TILDE = '\u0303';

    static double width(String text, Font base, ToDoubleBiFunction<String, Font> measure) {
        Font sub = sub(base);
        double w = 0;
        for (String[] r : runs(text)) {
            w += r[0] != null ? measure.applyAsDouble(bare(r[0]), sub) : measure.applyAsDouble(bare(r[1]), base);
        }
        return w;
    }

    private static String bare(String s) {
        return s.indexOf(TILDE) < 0 ? s : s.replace(String.valueOf(TILDE), "");
    }

    /**
     * Draws a run left-aligned at x; a combining tilde becomes a small wave over the letter before it.
     * Fonts place U+0303 where they like: the CJK fonts put it beside the c or far above it (issue 12: "the
     * tilde of c̃ is displaced" in Chinese), so every font gets the same drawn tilde.
     */
    private static void run(GraphicsContext g, String s, double x, double y, Font f, ToDoubleBiFunction<String, Font> measure) {
        int k = s.indexOf(TILDE);
        if (k < 0) {
            g.fillText(s, x, y);
            return;
        }
        String before = s.substring(0, k);
        g.fillText(before, x, y);
        if (k > 0) {
            double left = x + measure.applyAsDouble(before.substring(0, k - 1), f);
            double cw = measure.applyAsDouble(before.substring(k - 1), f);
            double size = f.getSize();
            double ww = Math.max(3, cw * 0.75);
            double x0 = left + (cw - ww) / 2;
            // y is the line's vertical centre: a lower-case letter's top is about 0.2 of the size above it
            double ty = y - size * 0.42;
            double a = size * 0.07;
            g.save();
            g.setStroke(g.getFill());
            g.setLineWidth(Math.max(1, size * 0.07));
            g.beginPath();
            g.moveTo(x0, ty + a);
            g.bezierCurveTo(x0 + ww * 0.35, ty - 2 * a, x0 + ww * 0.65, ty + 2 * a, x0 + ww, ty - a);
            g.stroke();
            g.restore();
        }
        run(g, s.substring(k + 1), x + measure.applyAsDouble(before, f), y, f, measure);
    }

    /** Draws the runs with the context's font, fill and alignment; returns the width. */
    static double fill(GraphicsContext g, String text, double x, double y, ToDoubleBiFunction<String, Font> measure) {
        Font base = g.getFont();
        Font sub = sub(base);
        double total = width(text, base, measure);
        TextAlignment align = g.getTextAlign();
        double cx = align == TextAlignment.CENTER ? x - total / 2 : align == TextAlignment.RIGHT ? x - total : x;
        g.setTextAlign(TextAlignment.LEFT);
        for (String[] r : runs(text)) {
            boolean isSub = r[0] != null;
            String s = isSub ? r[0] : r[1];
            Font f = isSub ? sub : base;
            g.setFont(f);
            run(g, s, cx, isSub ? y + base.getSize() * 0.28 : y, f, measure);
            cx += measure.applyAsDouble(bare(s), f);
        }
        g.setFont(base);
        g.setTextAlign(align);
        return total;
    }

    /**
     * Lines no wider than maxW where possible. Lines break at spaces and, in Chinese, between any two
     * characters — never before closing punctuation ("，", "。", "）" …) or after an opening one ("（", "“").
     */
    static List<String> wrap(String text, Font f, double maxW, ToDoubleBiFunction<String, Font> measure) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String[] t : tokens(text)) {
            String tryLine = line.length() == 0 ? t[1] : line + t[0] + t[1];
            if (line.length() > 0 && width(tryLine, f, measure) > maxW) {
                lines.add(line.toString());
                line = new StringBuilder(t[1]);
            } else {
                line = new StringBuilder(tryLine);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static final String CLOSING = "，。、；：！？）」』”’》〉…,.;:!?)";
    private static final String OPENING = "（「『“‘《〈";

    /** The pieces a line may break between, as {separator before ("" or " "), piece}. */
    static List<String[]> tokens(String text) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean space = false;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == ' ') {
                space = true;
                i++;
                continue;
            }
            int start = i;
            while (i < n && OPENING.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i < n && cjk(text.charAt(i))) {
                i++; // one Chinese character
            } else {
                while (i < n && text.charAt(i) != ' ' && !cjk(text.charAt(i))) {
                    i++;
                }
            }
            while (i < n && CLOSING.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            out.add(new String[] {space && !out.isEmpty() ? " " : "", text.substring(start, i)});
            space = false;
        }
        return out;
    }

    /** Lines no wider than maxW, centred on (cx, cy) as a block; returns the block height. */
    static double fillWrapped(GraphicsContext g, String text, double cx, double cy, double maxW,
                              ToDoubleBiFunction<String, Font> measure) {
        List<String> lines = wrap(text, g.getFont(), maxW, measure);
        double lh = g.getFont().getSize() * 1.3;
        double y = cy - lh * (lines.size() - 1) / 2;
        g.setTextAlign(TextAlignment.CENTER);
        for (String line : lines) {
            fill(g, line, cx, y, measure);
            y += lh;
        }
        return lh * lines.size();
    }
}
