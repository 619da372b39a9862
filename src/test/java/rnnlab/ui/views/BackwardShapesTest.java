package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.session.GradientAnalysis;

/** Every view draws every BPTT position of two-layer bidirectional models, any layer and direction selected. */
class BackwardShapesTest extends ViewTestBase {

    private static Run run(CellType cell) {
        List<String> vocab = List.of("a", "b", "c");
        ModelConfig cfg = new ModelConfig(cell, 3, 4, 2, true, 0, 3, Activation.SOFTMAX, vocab);
        Model model = Model.zeros(cfg);
        Random rng = new Random(5);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = rng.nextGaussian() * 0.5;
            }
        }
        Run run = new Run(model, 5);
        run.load(Sequence.ofTokens(new int[] {0, 1, 2, 1, 0}, new int[] {1, 2, 1, 0, 2}, TargetSteps.ALL));
        return run;
    }

    @Test
    void everyViewSurvivesEveryBackwardPosition() {
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_RELU}) {
            Run run = run(cell);
            GradientAnalysis analysis = new GradientAnalysis();
            int len = run.timelineLength();
            for (LabView v : ViewCatalog.createAll()) {
                ViewContext ctx = null;
                for (int pos : new int[] {1, len / 2 + 1, len - 2, len}) {
                    run.seek(pos);
                    Frame f = FrameBuilder.build(run, analysis.of(run));
                    if (ctx == null) {
                        ctx = show(v, f, 700, 360);
                    }
                    ViewContext c = ctx;
                    for (int l = 0; l < 2; l++) {
                        {
                            int ll = l;
                            int dd = (l + pos) % 2;
                            interact(() -> {
                                c.frameProperty().set(f);
                                c.selectedLayerProperty().set(ll);
                                c.selectedDirectionProperty().set(dd);
                            });
                            repaint(v);
                            assertThat(skin(v).regionIds()).as(v.id() + " " + cell + " at " + pos).isNotEmpty();
                        }
                    }
                }
                interact(v::unbind);
            }
        }
    }
}
