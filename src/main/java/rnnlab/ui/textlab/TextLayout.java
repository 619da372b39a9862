package rnnlab.ui.textlab;

import java.util.Arrays;

/**
 * Where each character of a long text sits on screen: the text is wrapped into visual lines of at most
 * {@code columns} cells (a new line after every '\n'); a CJK character takes two cells. Headless, so the
 * long text view, its minimap and the tests share one answer.
 */
public final class TextLayout {
    private final int[] cps;
    private final int columns;
    private int[] lineStart;
    private int lines;
    private final int[] column;

    public TextLayout(int[] cps, int columns) {
        this.cps = cps;
        this.columns = Math.max(8, columns);
        this.column = new int[cps.length];
        this.lineStart = new int[Math.max(16, cps.length / 40 + 2)];
        int col = 0;
        add(0);
        for (int i = 0; i < cps.length; i++) {
            int w = width(cps[i]);
            if (col > 0 && col + w > this.columns) {
                add(i);
                col = 0;
            }
            column[i] = col;
            col += w;
            if (cps[i] == '\n' && i + 1 < cps.length) {
                add(i + 1);
                col = 0;
            }
        }
    }

    private void add(int start) {
        if (lines == lineStart.length) {
            lineStart = Arrays.copyOf(lineStart, lines * 2);
        }
        lineStart[lines++] = start;
    }

    /** Cells a code point takes: 2 for CJK and full-width forms, else 1. */
    public static int width(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ? 2 : 1;
    }

    public int lines() {
        return lines;
    }

    public int columns() {
        return columns;
    }

    public int length() {
        return cps.length;
    }

    public int codePoint(int i) {
        return cps[i];
    }

    /** The first character of visual line {@code line}. */
    public int lineStart(int line) {
        return lineStart[line];
    }

    /** One past the last character of visual line {@code line}. */
    public int lineEnd(int line) {
        return line + 1 < lines ? lineStart[line + 1] : cps.length;
    }

    /** The cell where character {@code i} starts in its line. */
    public int column(int i) {
        return column[i];
    }

    /** The visual line holding character {@code i}. */
    public int lineOf(int i) {
        int k = Arrays.binarySearch(lineStart, 0, lines, i);
        return k >= 0 ? k : -k - 2;
    }

    /** The character at cell {@code col} of line {@code line} (the last one of the line when past its end). */
    public int charAt(int line, int col) {
        int a = lineStart(line);
        int b = lineEnd(line);
        for (int i = a; i < b; i++) {
            if (col < column[i] + width(cps[i])) {
                return i;
            }
        }
        return Math.max(a, b - 1);
    }
}
