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
import rnnlab.ui.controls.GradientDecay;

/**
 * The decay view with residual connections and layer normalisation: it draws, and its banner does not
 * state the plain RNN's bound σ_max·γ, which LN(W_hh h) voids, as a guarantee.
 */
class DecayLayerNormTest extends ViewTestBase {

    static Frame frame(CellType cell, boolean residual, boolean ln) {
        ModelConfig cfg = new ModelConfig(cell, 3, 6, 2, false, 0, 3, Activation.SOFTMAX, null).withOptions(residual, ln);
        Model model = Model.zeros(cfg);
        Random rng = new Random(3);
        for (String n : model.params().names()) {
            DMatrixRMaj m = model.param(n);
            for (int k = 0; k < m.getNumElements(); k++) {
                m.data[k] = ModelConfig.isLayerNormGain(n) ? 1.0 : rng.nextGaussian() * 0.3;
            }
        }
        int[] tokens = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        Sequence seq = Sequence.ofTokens(tokens, new int[] {1}, TargetSteps.LAST);
        Run run = new Run(model, seq.length());
        run.load(seq);
        run.forwardBackward();
        return FrameBuilder.build(run, new GradientAnalysis().of(run));
    }

    private static String text(List<GradientDecay.Line> lines) {
        return String.join("\n", lines.stream().map(GradientDecay.Line::text).toList());
    }

    @Test
    void aLayerNormRnnIsNotPromisedTheSigmaBound() throws Exception {
        Frame f = frame(CellType.RNN_TANH, true, true);
        assertThat(f.analysis().flows()).hasSize(2).allMatch(Frame.Flow::layerNorm);
        Frame.Flow flow = f.analysis().flows().get(0);
        double[] dh = DecayView.norms(f.layer(0, 0).gradH(), 0, f.length());
        List<GradientDecay.Line> lines = DecayReadout.lines(flow, dh, false);
        String all = text(lines);
        assertThat(all).contains("Layer norm").doesNotContain("guarantees");
        assertThat(lines.get(0).text()).startsWith("Measured");
        // the plotted products are finite and start at 1 at the last step
        double[] prod = f.analysis().productNorms().get(0);
        assertThat(prod[prod.length - 1]).isEqualTo(1.0);
        for (double p : prod) {
            assertThat(p).isFinite().isPositive();
        }
        DecayView view = new DecayView();
        show(view, f, 900, 480);
        assertThat(view.control().bannerProperty().get()).isEqualTo(lines);
        screenshot(view, "decay-rnn-layernorm-residual");
    }

    @Test
    void aPlainRnnStillGetsItsBoundAndGatedCellsTheirPath() {
        Frame plain = frame(CellType.RNN_TANH, true, false);
        Frame.Flow flow = plain.analysis().flows().get(1);
        assertThat(flow.layerNorm()).isFalse();
        assertThat(text(DecayReadout.lines(flow, new double[] {1, 2}, false))).contains("\u03c3_max\u00b7\u03b3");
        Frame lstm = frame(CellType.LSTM, true, true);
        String s = text(DecayReadout.lines(lstm.analysis().flows().get(0), new double[] {1, 2}, false));
        assertThat(s).contains("Cell-state path");
    }
}
