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
        assertThat(fx(() -> chart.getData().get(1).getData().stream()
                .filter(p -> p.getYValue().equals("the dictionary and the network's weights"))
                .findFirst().orElseThrow().getXValue())).isEqualTo(12);
    }

    /** Seen in the real window: the first option was drawn at the bottom, the reverse of the students' page. */
    @Test
    void optionsReadTopDownInThePagesOrder() throws Exception {
        DistributionChart chart = fx(() -> {
            DistributionChart c = new DistributionChart();
            stage.setScene(new Scene(c, 900, 430));
            stage.show();
            c.show(new Distribution(List.of("first", "second", "third"), List.of(new int[] {1, 2, 3})));
            return c;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] y = fx(() -> {
            chart.layout();
            javafx.scene.chart.CategoryAxis axis = (javafx.scene.chart.CategoryAxis) chart.getYAxis();
            return new double[] {axis.getDisplayPosition("first"), axis.getDisplayPosition("second"),
                    axis.getDisplayPosition("third")};
        });
        assertThat(y[0]).isLessThan(y[1]);
        assertThat(y[1]).isLessThan(y[2]);
    }
}
