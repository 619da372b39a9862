package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.lessons.ElementIds;
import rnnlab.ui.diagrams.Architecture;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.ui.common.Ids;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.DecayView;
import rnnlab.ui.views.GruView;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.RnnView;
import rnnlab.ui.views.UnrolledView;
import rnnlab.ui.views.ViewCatalog;
import rnnlab.ui.views.ViewFixtures;
import rnnlab.ui.views.ViewTestBase;
import rnnlab.ui.views.WeightsView;

/**
 * The element ids lessons may name (lessons/README.md, {@link ElementIds}) are really drawn: each example
 * below is accepted by the lesson validator and found among the views' regions or the window's nodes.
 */
class ElementIdsCoverageTest extends ViewTestBase {
    /** One example of every documented id, as a lesson writes it (numbers from 1). */
    static final List<String> DOCUMENTED = List.of(
            "view.unrolled", "view.heatmap", "view.lstm", "view.belt", "view.gru", "view.rnn", "view.formulas",
            "view.output", "view.text", "view.decay", "view.weights",
            "unrolled.title", "unrolled.h0", "unrolled.shared", "unrolled.step.2.h", "unrolled.weight.hh.2",
            "unrolled.encoder", "unrolled.decoder",
            "heatmap.title", "heatmap.unit.2", "heatmap.step.3", "heatmap.legend",
            "lstm.gate.f", "lstm.gate.i", "lstm.gate.g", "lstm.gate.o", "lstm.gate.f.unit.2", "lstm.c_prev", "lstm.h_prev",
            "lstm.x", "lstm.c", "lstm.h", "lstm.equation", "lstm.title",
            "gru.gate.r", "gru.gate.z", "gru.gate.n", "gru.gate.z.unit.1", "gru.h_prev", "gru.x", "gru.h", "gru.equation",
            "rnn.h_prev", "rnn.x", "rnn.whh", "rnn.wxh", "rnn.a", "rnn.h", "rnn.equation",
            "belt.title", "belt.legend", "belt.station.3", "belt.unit.2",
            "formula.heading", "output.title", "output.best", "output.target", "output.loss",
            "text.title", "text.char.3", "text.legend",
            "decay.title", "decay.rho", "decay.plot", "decay.current", "decay.legend.dh", "decay.legend.dc",
            "decay.legend.last", "decay.legend.prod",
            "weights.eig", "weights.eig.radius", "weights.scale.w", "weights.scale.grad",
            "timeline", "timeline.play", "timeline.stepForward", "timeline.stepBack", "timeline.slider", "timeline.speed",
            "panel.model", "model.preset", "model.sheet", "panel.sequence", "sequence.text", "sequence.dictionary",
            "sequence.vector");

    @Test
    void everyDocumentedIdIsKnownAndDrawn() throws Exception {
        Set<String> drawn = new HashSet<>();
        Frame lstm = ViewFixtures.lstmMiddle();
        Frame lstmEnd = ViewFixtures.backward(CellType.LSTM, 8, 5, 0);
        for (LabView v : ViewCatalog.createAll()) {
            Frame f = v instanceof GruView ? FrameBuilder.build(ViewFixtures.run(CellType.GRU, 8, 6, 0, 7))
                    : v instanceof RnnView ? FrameBuilder.build(ViewFixtures.run(CellType.RNN_TANH, 8, 6, 0, 7))
                    : v instanceof DecayView || v instanceof WeightsView ? lstmEnd : lstm;
            show(v, f, 1200, 640);
            drawn.add(v.id());
            drawn.addAll(skin(v).regionIds());
            if (v instanceof DecayView) {
                // the last step's gradient and the Jacobian product are drawn once their boxes are ticked
                rnnlab.ui.controls.GradientDecaySkin decay = (rnnlab.ui.controls.GradientDecaySkin) skin(v);
                interact(() -> {
                    decay.lastStepBox().fire();
                    decay.productBox().fire();
                });
                repaint(v);
                drawn.addAll(skin(v).regionIds());
            }
            if (v instanceof UnrolledView u) {
                interact(() -> u.setArchitecture(Architecture.ENCODER_DECODER));
                repaint(v);
                drawn.addAll(skin(v).regionIds());
            }
            interact(v::unbind);
        }
        interact(() -> {
            Stage s = new Stage();
            MainWindow w = new MainWindow(s, ViewCatalog.createAll());
            s.show();
            for (String id : DOCUMENTED) {
                if (ElementIds.viewOf(id) == null && s.getScene().lookup("#" + Ids.of(id)) != null) {
                    drawn.add(id);
                }
            }
            w.viewModel().shutdown();
            s.close();
        });
        for (String id : DOCUMENTED) {
            assertThat(ElementIds.known(id)).as(id).isTrue();
            String inside = ElementIds.viewOf(id) == null ? id : ElementIds.toRegion(id);
            assertThat(drawn).as("drawn: " + id).contains(inside);
        }
    }
}
