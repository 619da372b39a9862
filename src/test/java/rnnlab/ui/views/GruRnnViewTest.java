package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.ui.controls.NumberText;

class GruRnnViewTest extends ViewTestBase {

    @Test
    void gruDiagramDrawsGatesAndTheBlend() throws Exception {
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.GRU, 8, 6, 0, 5));
        GruView view = new GruView();
        ViewContext ctx = show(view, f, 1280, 720);
        assertThat(skin(view).regionIds()).contains("gru.gate.r", "gru.gate.z", "gru.gate.n", "gru.h", "gru.h_prev",
                "gru.x", "gru.gate.z.unit.7", "gru.op.oneMinus");
        interact(() -> ctx.selectedUnitProperty().set(2));
        Rectangle2D h = region(view, "gru.h");
        interact(() -> skin(view).clickAt(h.getMinX() + 2, h.getMinY() + 2));
        double z = f.layer(0, 0).gates()[1][5][2];
        double n = f.layer(0, 0).gates()[2][5][2];
        double hp = f.layer(0, 0).h()[4][2];
        assertThat((1 - z) * n + z * hp).isCloseTo(f.layer(0, 0).h()[5][2], within(1e-12));
        assertThat(view.control().getEquation()).startsWith("h_t[3]").contains(NumberText.num(z)).contains(NumberText.num(n))
                .endsWith(NumberText.num(f.layer(0, 0).h()[5][2]));
        screenshot(view, "gru");
    }

    @Test
    void rnnDiagramAddsTheTwoProductsThenTanh() throws Exception {
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.RNN_TANH, 8, 6, 0, 5));
        RnnView view = new RnnView();
        show(view, f, 1280, 720);
        Map<String, double[]> v = view.control().getVectors();
        for (int u = 0; u < 8; u++) {
            assertThat(Math.tanh(v.get("wxh")[u] + v.get("whh")[u])).isCloseTo(f.layer(0, 0).h()[5][u], within(1e-12));
        }
        assertThat(skin(view).regionIds()).contains("rnn.wxh", "rnn.whh", "rnn.a", "rnn.h", "rnn.op.add", "rnn.op.act");
        assertThat(view.control().getEquation()).startsWith("h_t[1] = tanh(");
        screenshot(view, "rnn");
    }
}
