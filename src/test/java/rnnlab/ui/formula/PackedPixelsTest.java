package rnnlab.ui.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The formula panel keeps its compositions packed (issue 12, bench-ui: kept as images they were most of what the
 * collector copied and promoted at every pause): the pixels unpack exactly, rows that start inside a wider surface
 * included, and a real composition packs to a small part of its size.
 */
class PackedPixelsTest {
    @Test
    void pixelsUnpackAsTheyWereWithRunsLiteralsAndAWiderSurface() {
        Random rnd = new Random(7);
        int w = 37;
        int h = 11;
        int stride = 50;
        int offset = 5;
        int[] src = new int[offset + h * stride];
        for (int i = 0; i < src.length; i++) {
            int kind = rnd.nextInt(4);
            // transparent runs, a repeated ink colour, and single antialiased pixels
            src[i] = kind == 0 ? rnd.nextInt() : kind == 1 ? 0xff204080 : 0;
        }
        src[offset] = 0x11111111; // a row starting with a literal, one ending in a run, runs of exactly 3
        src[offset + 2 * stride + w - 1] = 0;
        src[offset + 2 * stride + w - 2] = 0;
        src[offset + 2 * stride + w - 3] = 0;
        PackedPixels p = PackedPixels.pack(src, offset, stride, w, h);
        int[] out = new int[w * h + 3];
        out[w * h] = 42;
        p.unpack(out);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(out[y * w + x]).as("pixel %d,%d", x, y).isEqualTo(src[offset + y * stride + x]);
            }
        }
        assertThat(out[w * h]).as("nothing written past the pixels").isEqualTo(42);
        assertThat(p.width()).isEqualTo(w);
        assertThat(p.height()).isEqualTo(h);
    }

    @Test
    void aTransparentSurfacePacksToATokenPairARow() {
        PackedPixels p = PackedPixels.pack(new int[600 * 200], 0, 600, 600, 200);
        assertThat(p.bytes()).isEqualTo(200 * 2 * 4);
        int[] out = new int[600 * 200];
        out[123] = 5;
        p.unpack(out);
        assertThat(out[123]).isZero();
    }

    @Test
    void pixelsThatNeverRepeatCostOneTokenARowMore() {
        int[] src = new int[20 * 3];
        for (int i = 0; i < src.length; i++) {
            src[i] = i + 1;
        }
        PackedPixels p = PackedPixels.pack(src, 0, 20, 20, 3);
        assertThat(p.bytes()).isEqualTo(4L * (60 + 3));
        int[] out = new int[60];
        p.unpack(out);
        assertThat(out).containsExactly(src);
    }

    @Test
    void aRealStepsFormulasPackToLessThanAQuarterOfTheirPixels() {
        FormulaComposer.Request r = new FormulaComposer.Request(List.of(
                new FormulaPanel.Formula("f", "f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f) = \\sigma(0.4312) = 0.6062"),
                new FormulaPanel.Formula("i", "i_t = \\sigma(W_i x_t + U_i h_{t-1} + b_i) = \\sigma(-1.2031) = 0.2309"),
                new FormulaPanel.Formula("c", "c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t = 0.6062 \\cdot 0.1187 + 0.2309 \\cdot 0.8813"),
                new FormulaPanel.Formula("h", "h_t = o_t \\odot \\tanh(c_t) = 0.5123 \\cdot \\tanh(0.2754) = 0.1377")),
                "step 3", 600, 360, 16, Color.web("#1a1a1a"), 1);
        FormulaComposer.Composition c = FormulaComposer.compose(r);
        long raw = 4L * c.pixels().width() * c.pixels().height();
        assertThat(raw).as("the composition's pixels").isGreaterThan(100_000);
        assertThat(c.pixels().bytes()).as("packed, of %d bytes", raw).isLessThan(raw / 4);
        // and what it shows is the same
        int[] px = new int[c.pixels().width() * c.pixels().height()];
        c.pixels().unpack(px);
        javafx.scene.image.PixelReader img = c.image().getPixelReader();
        int ink = 0;
        for (int y = 0; y < c.pixels().height(); y += 3) {
            for (int x = 0; x < c.pixels().width(); x += 3) {
                int p = px[y * c.pixels().width() + x];
                ink += p != 0 ? 1 : 0;
                assertThat(img.getArgb(x, y) >>> 24).isEqualTo(p >>> 24);
            }
        }
        assertThat(ink).as("inked pixels").isPositive();
    }

    @Test
    void pixelsOutsideTheArrayAreRefused() {
        assertThatThrownBy(() -> PackedPixels.pack(new int[100], 0, 10, 10, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not lie in 100");
    }
}
