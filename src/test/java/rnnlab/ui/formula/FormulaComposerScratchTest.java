package rnnlab.ui.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * A composition is painted on a surface kept from the last one on the same thread (issue 12, bench-ui): what the
 * last, larger composition left there must not show, and the pixels are those of a composition on a fresh surface.
 */
class FormulaComposerScratchTest {
    private static final FormulaComposer.Request BIG = new FormulaComposer.Request(List.of(
            new FormulaPanel.Formula("a", "f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f) \\odot c_{t-1} + i_t \\odot \\tilde{c}_t"),
            new FormulaPanel.Formula("b", "h_t = o_t \\odot \\tanh(c_t) + \\sum_{k=1}^{128} W_{hk} x_k")),
            "big", 900, 500, 16, Color.BLACK, 1);
    private static final FormulaComposer.Request SMALL = new FormulaComposer.Request(List.of(
            new FormulaPanel.Formula("c", "y = x")), "small", 300, 200, 14, Color.DARKBLUE, 1);

    @Test
    void aSmallCompositionAfterALargeOneHasTheFreshPixels() throws Exception {
        WritableImage fresh = CompletableFuture.supplyAsync(() -> FormulaComposer.compose(SMALL).image()).get();
        WritableImage reused = CompletableFuture.supplyAsync(() -> {
            WritableImage big = FormulaComposer.compose(BIG).image();
            assertThat(big.getWidth()).isGreaterThan(fresh.getWidth());
            return FormulaComposer.compose(SMALL).image();
        }).get();
        assertThat(reused.getWidth()).isEqualTo(fresh.getWidth());
        assertThat(reused.getHeight()).isEqualTo(fresh.getHeight());
        PixelReader a = fresh.getPixelReader();
        PixelReader b = reused.getPixelReader();
        int differ = 0;
        int ink = 0;
        for (int y = 0; y < (int) fresh.getHeight(); y++) {
            for (int x = 0; x < (int) fresh.getWidth(); x++) {
                differ += a.getArgb(x, y) != b.getArgb(x, y) ? 1 : 0;
                ink += (a.getArgb(x, y) >>> 24) != 0 ? 1 : 0;
            }
        }
        assertThat(ink).as("the small composition draws something").isPositive();
        assertThat(differ).as("pixels that differ from a composition on a fresh surface").isZero();
    }
}
