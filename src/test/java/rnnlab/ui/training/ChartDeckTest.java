package rnnlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import rnnlab.ui.controls.LiveChart;

/**
 * Issue 12: the training charts take as many places as fit at 200 px (12 em) or more, never narrower; the last place
 * shows the chart chosen by a switch, one switch for each chart without a place of its own.
 */
class ChartDeckTest extends ApplicationTest {
    private final Pane root = new Pane();
    private final List<LiveChart> charts = new ArrayList<>();
    private final List<ToggleButton> switches = new ArrayList<>();
    private ChartDeck deck;

    @Override
    public void start(Stage s) {
        for (String k : new String[] {"loss", "metric", "grad", "lr", "norm"}) {
            LiveChart c = new LiveChart();
            c.setId(k);
            c.setFontSize(13);
            charts.add(c);
            switches.add(new ToggleButton(k));
        }
        deck = new ChartDeck(charts, switches);
        deck.setManaged(false); // sized by the test alone
        root.getChildren().add(deck);
        s.setScene(new Scene(root, 1200, 700));
        s.show();
    }

    private void size(double w, double h) {
        interact(() -> {
            deck.resize(w, h);
            deck.layout();
        });
    }

    private List<String> shown() {
        return deck.shown().stream().map(LiveChart::getId).toList();
    }

    private List<String> offered() {
        return switches.stream().filter(ToggleButton::isVisible).map(ToggleButton::getText).toList();
    }

    @Test
    void placesFollowTheWidthAndNoChartIsNarrowerThanTheMinimum() {
        assertThat(deck.minChartWidth()).isEqualTo(ChartDeck.MIN_CHART_PX);
        size(480, 150);
        // beside the lesson strip: loss and the first chart without a place, chosen among four
        assertThat(shown()).containsExactly("loss", "metric");
        assertThat(offered()).containsExactly("metric", "grad", "lr", "norm");
        for (LiveChart c : deck.shown()) {
            assertThat(c.getWidth()).as(c.getId()).isGreaterThanOrEqualTo(ChartDeck.MIN_CHART_PX);
        }
        // the rate by its switch, in the last place
        interact(() -> switches.get(3).fire());
        assertThat(shown()).containsExactly("loss", "lr");
        // wide: loss, metric and gradient fixed, the rate kept in the last place, the weight norm by its switch
        size(900, 150);
        assertThat(shown()).containsExactly("loss", "metric", "grad", "lr");
        assertThat(offered()).containsExactly("lr", "norm");
        for (LiveChart c : deck.shown()) {
            assertThat(c.getWidth()).as(c.getId()).isGreaterThanOrEqualTo(ChartDeck.MIN_CHART_PX);
        }
        // narrow: one chart, any of the five; the chosen rate stays
        size(300, 150);
        assertThat(shown()).containsExactly("lr");
        assertThat(offered()).hasSize(5);
        interact(() -> switches.get(0).fire());
        assertThat(shown()).containsExactly("loss");
        // narrow and tall: two rows, loss on top
        size(300, 400);
        assertThat(deck.places()).isEqualTo(2);
        assertThat(shown()).containsExactly("loss", "metric");
        assertThat(charts.get(1).getLayoutY()).isGreaterThan(charts.get(0).getLayoutY() + 100);
        // pressing the selected switch again keeps a chart shown
        interact(() -> switches.get(1).fire());
        assertThat(switches.get(1).isSelected()).isTrue();
        assertThat(shown()).containsExactly("loss", "metric");
    }

    @Test
    void largerTypeWantsWiderCharts() {
        interact(() -> charts.forEach(c -> c.setFontSize(24)));
        assertThat(deck.minChartWidth()).isEqualTo(12 * 24);
        size(600, 150);
        // two places of 288 px and the gap: 584 px
        assertThat(deck.places()).isEqualTo(2);
        size(560, 150);
        assertThat(deck.places()).isEqualTo(1);
    }
}
