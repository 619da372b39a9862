package rnnlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import rnnlab.ui.controls.LiveChart;

/**
 * The training charts, as many side by side (or in two rows) as fit at a readable width, never narrower
 * (issue 12: beside the lesson strip while presenting at 1024×768 the four charts were 60–90 px wide each,
 * unreadable from the back row). The charts come in order of importance (loss, metric, gradient norm, then
 * the learning rate and the weight norm, which never take a fixed place). With n places, the first n − 1
 * charts have a fixed place and the last place shows the chart chosen by the switches above it, one switch
 * for each chart without a fixed place: wide, loss, metric and gradient with the rate or the weight norm as
 * before; beside the lesson strip, loss large with the others chosen by their switches; narrower still, one
 * chart chosen among all five.
 */
final class ChartDeck extends Region {
    /** No chart narrower than this many pixels is shown... */
    static final double MIN_CHART_PX = 200;
    /** ...nor narrower than this many em of the charts' font (their tick labels grow with it). */
    static final double MIN_CHART_EM = 12;
    /** Two rows of charts when each would be at least this many em tall. */
    static final double MIN_ROW_EM = 10;
    /** How many of the first charts may take a fixed place (the others share the last place). */
    private static final int FIXABLE = 3;
    private static final double GAP = 8;

    private final List<LiveChart> charts;
    private final List<ToggleButton> switches;
    private final FlowPane switchRow = new FlowPane(0, 2);
    private final ToggleGroup group = new ToggleGroup();
    /** The chart the last place shows when it may (null: the first chart without a fixed place). */
    private LiveChart chosen;
    private int places = 1;
    private int rows = 1;
    private int fixed;
    private boolean updating;
    /** The height of the switches' row above all places (px, 0: above the last place only), as last laid out. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper switchesAbove = new javafx.beans.property.ReadOnlyDoubleWrapper(0);

    javafx.beans.property.ReadOnlyDoubleProperty switchesAboveProperty() {
        return switchesAbove.getReadOnlyProperty();
    }

    /** {@code switches.get(i)} shows {@code charts.get(i)} in the last place. */
    ChartDeck(List<LiveChart> charts, List<ToggleButton> switches) {
        if (charts.size() != switches.size() || charts.size() <= FIXABLE) {
            throw new IllegalArgumentException("one switch a chart, more charts than fixed places");
        }
        this.charts = List.copyOf(charts);
        this.switches = List.copyOf(switches);
        getStyleClass().add("training-charts");
        for (ToggleButton b : switches) {
            b.setToggleGroup(group);
            b.getStyleClass().add("chart-switch");
            // never cut or broken inside a word ("Rat|e η"): a narrow place puts the next switch under the first
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        switchRow.getChildren().setAll(switches);
        getChildren().addAll(charts);
        getChildren().add(switchRow);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (updating) {
                return;
            }
            if (b == null) {
                // a toggle group lets the selected button be pressed off: keep one chart shown
                a.setSelected(true);
                return;
            }
            chosen = this.charts.get(this.switches.indexOf(b));
            arrange();
            requestLayout();
        });
        widthProperty().addListener((o, a, b) -> arrange());
        heightProperty().addListener((o, a, b) -> arrange());
        arrange();
    }

    /** The narrowest a shown chart may be, in px, at the charts' font size. */
    double minChartWidth() {
        return Math.max(MIN_CHART_PX, MIN_CHART_EM * charts.get(0).getFontSize());
    }

    /** How many charts show at the current size. */
    int places() {
        return places;
    }

    /** The charts shown, in their order. */
    List<LiveChart> shown() {
        List<LiveChart> out = new ArrayList<>();
        for (LiveChart c : charts) {
            if (c.isVisible()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Chooses the places for the current size: which charts show, which switches are offered and selected. */
    private void arrange() {
        double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset());
        double minW = minChartWidth();
        int perRow = w <= 0 ? 1 : (int) Math.max(1, Math.min(charts.size() - 1, Math.floor((w + GAP) / (minW + GAP))));
        rows = perRow < FIXABLE + 1 && h >= 2 * MIN_ROW_EM * charts.get(0).getFontSize() + GAP ? 2 : 1;
        places = Math.min(FIXABLE + 1, perRow * rows);
        fixed = places - 1;
        LiveChart free = chosen != null && charts.indexOf(chosen) >= fixed ? chosen : charts.get(fixed);
        updating = true;
        try {
            for (int i = 0; i < charts.size(); i++) {
                LiveChart c = charts.get(i);
                c.setVisible(i < fixed || c == free);
                ToggleButton b = switches.get(i);
                b.setVisible(i >= fixed);
                b.setManaged(i >= fixed);
                b.setSelected(c == free);
            }
        } finally {
            updating = false;
        }
    }

    @Override
    protected void layoutChildren() {
        arrange();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y0 - snappedBottomInset();
        int cols = (places + rows - 1) / rows;
        double cw = Math.floor((w - (cols - 1) * GAP) / cols);
        // the switches above the last place when they fit there on one line (as wide, above the fourth chart);
        // else across the whole width above all places, rather than in two lines that squeeze the last chart
        double oneLine = snapSizeY(switchRow.prefHeight(-1));
        boolean overLast = rows == 1 && snapSizeY(switchRow.prefHeight(cw)) <= oneLine + 0.5;
        double top = 0;
        if (!overLast) {
            top = snapSizeY(switchRow.prefHeight(w)) + 2;
        }
        switchesAbove.set(top);
        if (!overLast) {
            switchRow.setAlignment(javafx.geometry.Pos.TOP_RIGHT);
            layoutInArea(switchRow, x0, y0, w, top - 2, 0, HPos.RIGHT, VPos.TOP);
        }
        double ch = Math.floor((h - top - (rows - 1) * GAP) / rows);
        int place = 0;
        for (LiveChart c : charts) {
            if (!c.isVisible()) {
                continue;
            }
            double x = x0 + (place % cols) * (cw + GAP);
            double y = y0 + top + (place / cols) * (ch + GAP);
            if (place == places - 1 && overLast) {
                switchRow.setAlignment(javafx.geometry.Pos.TOP_LEFT);
                layoutInArea(switchRow, x, y, cw, oneLine, 0, HPos.LEFT, VPos.TOP);
                c.resizeRelocate(x, y + oneLine + 2, cw, Math.max(0, ch - oneLine - 2));
            } else {
                c.resizeRelocate(x, y, cw, ch);
            }
            place++;
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(90, switchRow.minWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + 120;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + 2 * minChartWidth() + GAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + 200;
    }
}
