package rnnlab.ui.poll;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import rnnlab.poll.Distribution;
import rnnlab.i18n.Messages;

/**
 * The class's answers as bars: one bar per option (or value, or range of values), one colour per round,
 * round 2 beside round 1. Only counts; labels are the lesson's options or numbers (plain text).
 * <p>The bars lie horizontally with the options on the left, read as lines: on a real 1280×720 window
 * a choice's sentence-long options ("the dictionary and the network's weights") under vertical bars were
 * turned on their side and took the whole height, leaving no room for the bars (issue 20).
 */
final class DistributionChart extends BarChart<Number, String> {
    DistributionChart() {
        super(new NumberAxis(), new CategoryAxis());
        setId("poll-chart");
        setAnimated(false);
        setLegendVisible(true);
        setCategoryGap(24);
        setBarGap(4);
        NumberAxis y = (NumberAxis) getXAxis();
        y.setLabel(Messages.get("poll.chart.answers"));
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        y.setTickUnit(1);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.valueOf(Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
    }

    void show(Distribution d) {
        getData().clear();
        if (d == null) {
            return;
        }
        int most = 1;
        for (int r = 0; r < d.counts().size(); r++) {
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            s.setName(Messages.format("poll.chart.round", r + 1));
            int[] c = d.counts().get(r);
            // a vertical category axis puts its first category at the bottom: add the options last to first so
            // the class screen lists them top-down in the order the students' page shows them
            for (int i = c.length - 1; i >= 0; i--) {
                s.getData().add(new XYChart.Data<>(c[i], d.labels().get(i)));
                most = Math.max(most, c[i]);
            }
            getData().add(s);
        }
        NumberAxis y = (NumberAxis) getXAxis();
        // whole answers only: the axis runs 0..a multiple of a whole tick (auto-ranging would tick at 2.5)
        double tick = Math.max(1, Math.ceil(most / 8.0));
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(tick * Math.ceil((most + 0.5) / tick));
        y.setTickUnit(tick);
    }
}
