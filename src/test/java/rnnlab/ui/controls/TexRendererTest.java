package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** In the app, formulas are typeset off the FX thread; exports still get them at once. */
class TexRendererTest {

    @Test
    void typesetsInTheBackgroundAndTellsTheOwner() throws Exception {
        FxToolkit.registerPrimaryStage();
        TexRenderer.useBackgroundThread(true);
        try {
            TexRenderer r = new TexRenderer();
            CountDownLatch ready = new CountDownLatch(1);
            r.setOnReady(ready::countDown);
            Image first = WaitForAsyncUtils.asyncFx(() -> r.render("f_3 = 0.87", 30f, Color.BLACK)).get();
            assertThat(first).as("not typeset yet: the FX thread does not wait").isNull();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            Image later = WaitForAsyncUtils.asyncFx(() -> r.render("f_3 = 0.87", 30f, Color.BLACK)).get();
            assertThat(later).isNotNull();
            assertThat(later.getWidth()).isGreaterThan(20);
            assertThat(r.renderCount()).isEqualTo(1);
            // an export forces synchronous typesetting of what is missing
            Image now = WaitForAsyncUtils.asyncFx(() -> TexRenderer.synchronously(
                    () -> r.render("f_4 = 0.12", 30f, Color.BLACK))).get();
            assertThat(now).isNotNull();
        } finally {
            TexRenderer.useBackgroundThread(false);
        }
    }
}
