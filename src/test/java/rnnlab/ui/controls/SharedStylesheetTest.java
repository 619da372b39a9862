package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import rnnlab.ui.diagrams.LstmCellDiagram;
import rnnlab.ui.diagrams.UnrolledNetwork;

/**
 * The canvas controls share lab-canvas.css (white box, dark box in the dark theme); the two with rules
 * of their own import it and add them (their labels turn light in the dark theme).
 */
class SharedStylesheetTest extends ApplicationTest {
    private final Pane root = new Pane();

    @Override
    public void start(Stage s) {
        s.setScene(new Scene(root, 600, 400));
        s.show();
    }

    private static Paint fill(Control c) {
        Background b = c.getBackground();
        return b == null || b.getFills().isEmpty() ? null : b.getFills().get(0).getFill();
    }

    @Test
    void everyControlGetsTheSharedBoxInBothThemesAndTheOwnRulesStillApply() {
        List<LabCanvasControl> controls = List.of(new HiddenStateHeatmap(), new UnrolledNetwork(), new GradientDecay(),
                new WeightMatrices(), new LstmCellDiagram(), new LiveChart());
        for (LabCanvasControl c : controls) {
            interact(() -> {
                root.getChildren().setAll(c);
                c.applyCss();
            });
            assertThat(fill(c)).as(c.getClass().getSimpleName()).isEqualTo(Color.WHITE);
            assertThat(c.getPadding().getTop()).isEqualTo(4);
            interact(() -> {
                c.setDarkTheme(true);
                c.applyCss();
            });
            assertThat(fill(c)).as(c.getClass().getSimpleName() + " dark").isEqualTo(Color.web("#1C1C1C"));
        }
        WeightMatrices w = new WeightMatrices();
        Label[] l = new Label[1];
        interact(() -> {
            root.getChildren().setAll(w);
            w.setDarkTheme(true);
            w.applyCss();
            w.layout();
            l[0] = (Label) w.lookup(".label");
        });
        if (l[0] != null) {
            assertThat(l[0].getTextFill()).isEqualTo(Color.web("#EDEDED"));
        }
    }
}
