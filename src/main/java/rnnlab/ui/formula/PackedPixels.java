package rnnlab.ui.formula;

import java.util.Arrays;

/**
 * A composed formula panel's pixels (premultiplied ARGB, row after row) kept run-length packed: a run of three or
 * more equal pixels is stored as its length and value, the pixels between runs as they are. A panel is mostly
 * transparent, so it packs to a small part of its size.
 *
 * <p>Why (issue 12, bench-ui): the panel keeps the last steps' compositions so that stepping back shows them at
 * once. Kept as images, every step added an image as large as the panel (about 0.6 MB) that lived through the next
 * young collection and was copied by it, then promoted: the heap's old part grew by 8 MB between collections and the
 * collector's pauses, which stop the FX thread, took 10–35 ms. Packed, a step's formulas take about a fifth of that
 * (73 KB of 383 KB for four LSTM lines), and the heap stays flat over a bench-ui run.
 *
 * <p>Layout of {@link #data}: a token, then its pixels. A token {@code n > 0} is followed by {@code n} pixels as
 * they are; a token {@code -n < 0} by one pixel that stands {@code n} times.
 */
final class PackedPixels {
    /** The shortest run of equal pixels stored as a run: shorter ones cost no less than the pixels themselves. */
    private static final int MIN_RUN = 3;
    private final int width;
    private final int height;
    private final int[] data;

    private PackedPixels(int width, int height, int[] data) {
        this.width = width;
        this.height = height;
        this.data = data;
    }

    /** Packs the {@code w} × {@code h} pixels of {@code src} that start at {@code offset}, {@code stride} apart per row. */
    static PackedPixels pack(int[] src, int offset, int stride, int w, int h) {
        if (w < 0 || h < 0 || (w > 0 && h > 0 && (offset < 0 || stride < w || offset + (long) (h - 1) * stride + w > src.length))) {
            throw new IllegalArgumentException("pixels " + w + " x " + h + " at " + offset + ", stride " + stride
                    + ", do not lie in " + src.length);
        }
        Out out = new Out(Math.max(16, w * h / 8));
        for (int y = 0; y < h; y++) {
            int row = offset + y * stride;
            int end = row + w;
            int i = row;
            int literal = i; // where the pixels not yet written start
            while (i < end) {
                int v = src[i];
                int j = i + 1;
                while (j < end && src[j] == v) {
                    j++;
                }
                if (j - i >= MIN_RUN) {
                    out.literal(src, literal, i);
                    out.run(j - i, v);
                    literal = j;
                }
                i = j;
            }
            out.literal(src, literal, end);
        }
        return new PackedPixels(w, h, out.trimmed());
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Bytes the packed pixels take. */
    long bytes() {
        return 4L * data.length;
    }

    /** Unpacks the pixels into {@code dst}, {@code width} a row from index 0; {@code dst} holds at least width × height. */
    void unpack(int[] dst) {
        if (dst.length < width * height) {
            throw new IllegalArgumentException("room for " + dst.length + " pixels, not " + width * height);
        }
        int o = 0;
        int i = 0;
        while (i < data.length) {
            int t = data[i++];
            if (t > 0) {
                System.arraycopy(data, i, dst, o, t);
                i += t;
                o += t;
            } else {
                Arrays.fill(dst, o, o - t, data[i++]);
                o -= t;
            }
        }
    }

    /** A growing int array. */
    private static final class Out {
        private int[] a;
        private int n;

        Out(int capacity) {
            a = new int[capacity];
        }

        private void room(int more) {
            if (n + more > a.length) {
                a = Arrays.copyOf(a, Math.max(n + more, a.length * 2));
            }
        }

        void literal(int[] src, int from, int to) {
            if (to > from) {
                room(1 + to - from);
                a[n++] = to - from;
                System.arraycopy(src, from, a, n, to - from);
                n += to - from;
            }
        }

        void run(int length, int value) {
            room(2);
            a[n++] = -length;
            a[n++] = value;
        }

        int[] trimmed() {
            return Arrays.copyOf(a, n);
        }
    }
}
