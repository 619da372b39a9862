package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

class LiveChartTest extends ApplicationTest {
    private final Pane root = new Pane();
    private LiveChart chart;

    @Override
    public void start(Stage s) {
        s.setScene(new Scene(root, 800, 500));
        s.show();
    }

    private WritableImage paint() {
        WritableImage[] img = new WritableImage[1];
        interact(() -> {
            root.layout();
            LiveChartSkin skin = (LiveChartSkin) chart.getSkin();
            skin.redrawNow();
            img[0] = skin.canvas().snapshot(null, null);
        });
        return img[0];
    }

    private void show() {
        interact(() -> {
            chart.setPrefSize(600, 300);
            root.getChildren().setAll(chart);
            root.layout();
        });
    }

    private static int colourDistance(int a, Color c) {
        int b = Palette.argb(c);
        int d = 0;
        for (int s = 0; s <= 16; s += 8) {
            d = Math.max(d, Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)));
        }
        return d;
    }

    private static int pixel(WritableImage img, double x, double y) {
        return img.getPixelReader().getArgb((int) Math.floor(x), (int) Math.floor(y));
    }

    @Test
    void aKnownValueIsDrawnAtItsPixelOnALinearAxis() {
        chart = new LiveChart();
        interact(() -> {
            int s = chart.addSeries("loss", Palette.BLUE);
            chart.setLineWidth(s, 3);
            chart.xMaxProperty().set(100);
            chart.yMinFloorProperty().set(0);
            // a flat line at y = 2 from x = 0 to 100, then one point up to 4
            chart.append(s, new double[] {0, 50, 100}, new double[] {2, 2, 4});
        });
        show();
        WritableImage img = paint();
        Rectangle2D plot = ((LiveChartSkin) chart.getSkin()).regionBounds("chart.plot");
        // axis 0 … 4 (rounded), x 0 … 100 (fixed): x = 25 is a quarter of the way, y = 2 half way up
        assertThat(chart.xPixel(25)).isCloseTo(plot.getMinX() + 0.25 * plot.getWidth(), within(0.01));
        assertThat(chart.yPixel(2)).isCloseTo(plot.getMinY() + 0.5 * plot.getHeight(), within(0.01));
        assertThat(colourDistance(pixel(img, chart.xPixel(25), chart.yPixel(2)), Palette.BLUE)).isLessThan(40);
        // half a plot height above the line: background, no ink
        assertThat(colourDistance(pixel(img, chart.xPixel(25), chart.yPixel(2.5)), Color.WHITE)).isLessThan(10);
        assertThat(colourDistance(pixel(img, chart.xPixel(75), chart.yPixel(3)), Palette.BLUE)).isLessThan(40);
    }

    @Test
    void itsTextsGoThroughTheLabelPlacerAndAreLeftOutWhenSmall() {
        chart = new LiveChart();
        interact(() -> {
            chart.titleProperty().set("loss");
            int s = chart.addSeries("training", Palette.BLUE);
            chart.xMaxProperty().set(100);
            chart.append(s, new double[] {0, 50, 100}, new double[] {2, 2, 4});
        });
        show();
        paint();
        CanvasLabels l = (CanvasLabels) ((LiveChartSkin) chart.getSkin()).canvas().getProperties().get(CanvasLabels.KEY);
        // the title, the legend and the ticks are placed labels the layout checker sees
        assertThat(l.placed()).extracting(CanvasLabels.Placed::text).contains("loss", "training", "0", "100");
        // a tile too small for all of them: whatever is drawn is whole, inside the chart and over no other text
        interact(() -> chart.setPrefSize(140, 90));
        paint();
        CanvasLabels small = (CanvasLabels) ((LiveChartSkin) chart.getSkin()).canvas().getProperties().get(CanvasLabels.KEY);
        var placed = small.placed();
        for (int a = 0; a < placed.size(); a++) {
            var p = placed.get(a);
            assertThat(p.x()).isGreaterThanOrEqualTo(-0.5);
            assertThat(p.x() + p.w()).isLessThanOrEqualTo(140.5);
            for (int b = a + 1; b < placed.size(); b++) {
                var q = placed.get(b);
                boolean overlap = p.x() + 0.5 < q.x() + q.w() && q.x() + 0.5 < p.x() + p.w() && p.y() + 0.5 < q.y() + q.h()
                        && q.y() + 0.5 < p.y() + p.h();
                assertThat(overlap).as("%s over %s", p, q).isFalse();
            }
        }
    }

    @Test
    void logScaleGivesEveryDecadeTheSameHeight() {
        chart = new LiveChart();
        interact(() -> {
            int s = chart.addSeries("norm", Palette.PURPLE);
            chart.setLineWidth(s, 3);
            chart.logScaleProperty().set(true);
            chart.append(s, new double[] {0, 10, 20, 30}, new double[] {1, 10, 100, 1000});
        });
        show();
        WritableImage img = paint();
        Rectangle2D plot = ((LiveChartSkin) chart.getSkin()).regionBounds("chart.plot");
        double d1 = chart.yPixel(1) - chart.yPixel(10);
        double d2 = chart.yPixel(10) - chart.yPixel(100);
        assertThat(d1).isGreaterThan(20).isCloseTo(d2, within(0.01));
        // 1 … 1000 is exactly three decades: 1 at the bottom, 1000 at the top
        assertThat(chart.yPixel(1)).isCloseTo(plot.getMaxY(), within(0.01));
        assertThat(chart.yPixel(1000)).isCloseTo(plot.getMinY(), within(0.01));
        assertThat(colourDistance(pixel(img, chart.xPixel(10), chart.yPixel(10)), Palette.PURPLE)).isLessThan(40);
        // half-way between 10 and 100 in x, the line is at √(10·100) ≈ 31.6 on a log axis
        assertThat(colourDistance(pixel(img, chart.xPixel(15), chart.yPixel(Math.sqrt(1000))), Palette.PURPLE))
                .isLessThan(40);
    }

    @Test
    void clipEventsAreMarkedAtTheirStep() {
        chart = new LiveChart();
        interact(() -> {
            int s = chart.addSeries(null, Palette.PURPLE);
            chart.xMaxProperty().set(200);
            chart.markerLabelProperty().set("clipped");
            for (int i = 0; i <= 200; i += 10) {
                chart.append(s, i, 10 + i);
            }
            chart.addMarker(60);
        });
        show();
        WritableImage img = paint();
        Rectangle2D plot = ((LiveChartSkin) chart.getSkin()).regionBounds("chart.plot");
        Rectangle2D markers = ((LiveChartSkin) chart.getSkin()).regionBounds("chart.markers");
        assertThat(markers).isNotNull();
        double x = chart.xPixel(60);
        double y = plot.getMaxY() - 3;
        assertThat(colourDistance(pixel(img, x, y), Palette.VERMILLION)).isLessThan(30);
        // no marker at step 120
        assertThat(colourDistance(pixel(img, chart.xPixel(120), y), Palette.VERMILLION)).isGreaterThan(60);
    }

    @Test
    void aLongRunIsThinnedButKeepsItsEnds() {
        chart = new LiveChart();
        interact(() -> {
            int s = chart.addSeries("loss", Palette.BLUE);
            for (int i = 1; i <= 100_000; i++) {
                chart.append(s, i, 1.0 / i);
            }
        });
        LiveChart.Series s = chart.series().get(0);
        assertThat(s.size()).isLessThanOrEqualTo(LiveChart.MAX_POINTS).isGreaterThan(LiveChart.MAX_POINTS / 4);
        assertThat(s.x(0)).isEqualTo(1);
        assertThat(s.x(s.size() - 1)).isEqualTo(100_000);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.x(i)).isGreaterThan(s.x(i - 1));
        }
    }

    @Test
    void aFloorKeepsTheAxisAtZeroEvenForOneFlatValue() {
        chart = new LiveChart();
        interact(() -> {
            int s = chart.addSeries("accuracy", Palette.GREEN);
            chart.yMinFloorProperty().set(0);
            chart.append(s, new double[] {10, 20}, new double[] {0, 0});
        });
        show();
        paint();
        Rectangle2D plot = ((LiveChartSkin) chart.getSkin()).regionBounds("chart.plot");
        // 0 sits on the bottom edge, not half-way up a range that dips below zero
        assertThat(chart.yPixel(0)).isCloseTo(plot.getMaxY(), within(0.01));
    }

    @Test
    void anExplodingSeriesStillDrawsItsAxesAndFinitePart() {
        chart = new LiveChart();
        interact(() -> {
            int s = chart.addSeries("loss", Palette.BLUE);
            chart.titleProperty().set("Loss");
            chart.append(s, new double[] {1, 2, 3, 4}, new double[] {1, 1e30, 1e280, Double.POSITIVE_INFINITY});
        });
        show();
        WritableImage img = paint();
        Rectangle2D plot = ((LiveChartSkin) chart.getSkin()).regionBounds("chart.plot");
        assertThat(plot.getWidth()).isGreaterThan(100);
        assertThat(Double.isFinite(chart.yPixel(1))).isTrue();
        // the axis line is drawn
        assertThat(colourDistance(pixel(img, plot.getMinX() + 0.5, (plot.getMinY() + plot.getMaxY()) / 2), Color.WHITE))
                .isGreaterThan(40);
    }
    /**
     * Issue 12: beside the lesson strip the learning-rate chart's x-axis labels touched ("0500" for 0 and 500). At every
     * width from a narrow to a wide chart, the x tick labels drawn keep at least a third of an em between them, and the y
     * tick labels a fifth of a line; none touches the x-axis name.
     */
    @Test
    void tickLabelsNeverTouchAtAnyWidth() {
        chart = new LiveChart();
        interact(() -> {
            chart.titleProperty().set("Learning rate");
            chart.xLabelProperty().set("training step");
            int s = chart.addSeries("planned", Palette.ORANGE);
            chart.xMaxProperty().set(500);
            chart.yMinFloorProperty().set(0);
            chart.append(s, new double[] {0, 100, 250, 400, 500}, new double[] {0.003, 0.003, 0.0015, 0.0008, 0.0004});
            root.getChildren().setAll(chart);
        });
        java.util.List<String> touching = new java.util.ArrayList<>();
        int checked = 0;
        for (double fontSize : new double[] {13, 17}) {
            for (int w = 40; w <= 420; w += 3) {
                int width = w;
                interact(() -> {
                    chart.setFontSize(fontSize);
                    chart.setPrefSize(width, 150);
                    chart.resize(width, 150);
                });
                paint();
                LiveChartSkin skin = (LiveChartSkin) chart.getSkin();
                java.util.List<CanvasLabels.Placed> xs = new java.util.ArrayList<>();
                java.util.List<CanvasLabels.Placed> ys = new java.util.ArrayList<>();
                for (CanvasLabels.Placed p : chart.tickLabels()) {
                    (p.y() > skin.regionBounds("chart.plot").getMaxY() ? xs : ys).add(p);
                }
                checked += xs.size();
                if (width >= 200) {
                    // a chart wide enough to be shown keeps both ends of the x axis and two y labels at least
                    assertThat(xs).as(width + " px wide").extracting(CanvasLabels.Placed::text).contains("0", "500");
                    assertThat(ys).as(width + " px wide").hasSizeGreaterThanOrEqualTo(2);
                }
                xs.sort(java.util.Comparator.comparingDouble(CanvasLabels.Placed::x));
                for (int i = 1; i < xs.size(); i++) {
                    double gap = xs.get(i).x() - xs.get(i - 1).maxX();
                    if (gap < fontSize / 3) {
                        touching.add(String.format("%.0f px font, %d px wide: '%s' and '%s' %.1f px apart", fontSize, width,
                                xs.get(i - 1).text(), xs.get(i).text(), gap));
                    }
                }
                ys.sort(java.util.Comparator.comparingDouble(CanvasLabels.Placed::y));
                for (int i = 1; i < ys.size(); i++) {
                    double gap = ys.get(i).y() - ys.get(i - 1).maxY();
                    if (gap < ys.get(i).h() / 5) {
                        touching.add(String.format("%.0f px font, %d px wide: y '%s' and '%s' %.1f px apart", fontSize, width,
                                ys.get(i - 1).text(), ys.get(i).text(), gap));
                    }
                }
                for (CanvasLabels.Placed a : skin.labels().placed()) {
                    for (CanvasLabels.Placed b : skin.labels().placed()) {
                        if (a != b && a.overlaps(b.x() - 1, b.y() - 1, b.w() + 2, b.h() + 2)) {
                            touching.add(String.format("%.0f px font, %d px wide: '%s' touches '%s'", fontSize, width, a.text(),
                                    b.text()));
                        }
                    }
                }
            }
        }
        assertThat(checked).as("x tick labels drawn").isGreaterThan(100);
        assertThat(touching).as("tick labels touching").isEmpty();
    }
}
