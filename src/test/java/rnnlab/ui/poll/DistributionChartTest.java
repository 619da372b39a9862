package rnnlab.ui.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.poll.Distribution;

/**
 * Issue 20, seen in a real Xvfb window: lesson 1's sentence-long options under vertical bars were turned
 * on their side and took the chart's whole height, so the bars had a few pixels. The bars now lie
 * horizontally and keep most of the chart.
 */
@ExtendWith(ApplicationExtension.class)
class DistributionChartTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void sentenceLongOptionsLeaveTheBarsTheRoom() throws Exception {
        DistributionChart chart = fx(() -> {
            DistributionChart c = new DistributionChart();
            stage.setScene(new Scene(c, 900, 430));
            stage.show();
            c.show(new Distribution(List.of("the dictionary and the network's weights", "the hidden state at every step",
                    "the hidden state at the last step"), List.of(new int[] {9, 3, 2}, new int[] {12, 1, 1})));
            return c;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds plot = fx(() -> {
            chart.layout();
            return chart.lookup(".chart-plot-background").getLayoutBounds();
        });
        assertThat(plot.getHeight()).isGreaterThan(0.5 * 430);
        assertThat(plot.getWidth()).isGreaterThan(0.3 * 900);
        // both rounds side by side, the counts as given
        assertThat(fx(() -> chart.getData().get(1).getData().get(0).getXValue())).isEqualTo(12);
    }
}
