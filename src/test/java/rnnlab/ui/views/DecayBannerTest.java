package rnnlab.ui.views;

import javafx.geometry.Rectangle2D;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.session.GradientAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
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
import rnnlab.io.ModelIO;
import rnnlab.io.SequenceIO;
import rnnlab.ui.controls.GradientDecay;

/**
 * The gradient-decay view's banner follows what its own plot measures: it never says "exploding" over
 * a falling line (an LSTM with ρ(W_hh) > 1) nor "shrinks" over a rising one (a vanilla RNN with
 * ρ < 1 < σ_max), and it states σ_max·γ &lt; 1 as the guarantee, ρ only as the long run.
 */
class DecayBannerTest extends ViewTestBase {

    private static Frame full(Model model, Sequence seq) {
        Run run = new Run(model, seq.length());
        run.load(seq);
        run.forwardBackward();
        return FrameBuilder.build(run, new GradientAnalysis().of(run));
    }

    private static double[] dh(Frame f) {
        return DecayView.norms(f.layer(0, 0).gradH(), 0, f.length());
    }

    private static String text(List<GradientDecay.Line> lines) {
        return String.join("\n", lines.stream().map(GradientDecay.Line::text).toList());
    }

    /** An LSTM (H = 8) with W_hh ~ N(0, 0.7²)·1.5 and a loss at its last step only. */
    static Frame lstmWithLargeRecurrentWeights() {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 3, 8, 1, false, 0, 3, Activation.SOFTMAX, null);
        Model model = Model.zeros(cfg);
        Random rng = new Random(11);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = rng.nextGaussian() * 0.7;
            }
        }
        DMatrixRMaj whh = model.param(ModelConfig.weightHh(0, 0));
        for (int k = 0; k < whh.data.length; k++) {
            whh.data[k] *= 1.5;
        }
        int[] tokens = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
        return full(model, Sequence.ofTokens(tokens, new int[] {1}, TargetSteps.LAST));
    }

    @Test
    void anLstmWhoseGradientFallsWhileRhoIsAboveOneIsNotCalledExploding() throws Exception {
        Frame f = lstmWithLargeRecurrentWeights();
        Frame.Flow flow = f.analysis().flows().get(0);
        double[] dh = dh(f);
        int last = f.length() - 1;
        // the premise: ρ of the W_hh blocks above 1, yet the plotted gradient falls more than tenfold
        assertThat(flow.rho()).isGreaterThan(1.0);
        assertThat(dh[0] / dh[last]).isLessThan(0.1);
        List<GradientDecay.Line> lines = DecayReadout.lines(flow, dh, false);
        double mean = Math.pow(dh[0] / dh[last], 1.0 / last);
        assertThat(lines.get(0).tone()).isEqualTo(-1);
        assertThat(lines.get(0).text()).startsWith("Measured: going back, ‖δh‖ shrinks ×" + String.format(java.util.Locale.ROOT, "%.2f", mean));
        String all = text(lines);
        assertThat(all).doesNotContain("exploding").doesNotContain("grows").contains("Cell-state path")
                .contains("forget gates multiply to at most");
        assertThat(flow.carryProduct()).isLessThan(1.0).isGreaterThan(0.0);
        // the same lines reach the view
        DecayView view = new DecayView();
        show(view, f, 900, 480);
        assertThat(view.control().bannerProperty().get()).isEqualTo(lines);
        assertThat(region(view, "decay.rho")).isNotNull();
        screenshot(view, "decay-lstm-rho-above-1");
    }

    /**
     * A narrow tile (lesson 6 step 9 at 1280x720): banner lines too long for it even at the smallest type are left
     * out and their room goes to the plot, which showed 30 px high under an empty band.
     */
    @Test
    void bannerLinesLeftOutInANarrowTileLeaveTheirRoomToThePlot() throws Exception {
        Frame f = lstmWithLargeRecurrentWeights();
        DecayView view = new DecayView();
        show(view, f, 250, 300);
        int lines = view.control().bannerProperty().get().size();
        assertThat(lines).isGreaterThan(1);
        java.util.List<String> ids = skin(view).regionIds();
        java.util.List<String> banner = ids.stream().filter(id -> id.equals("decay.rho") || id.startsWith("decay.banner.")).toList();
        assertThat(banner.size()).isLessThan(lines);
        // the measured line, which lessons spotlight, is never left out: it wraps
        assertThat(banner).contains("decay.rho");
        double fs = view.control().getFontSize();
        Rectangle2D plot = region(view, "decay.plot");
        double lastLine = banner.stream().mapToDouble(id -> region(view, id).getMaxY()).max().orElseThrow();
        // the plot starts under the lines shown and the legend: no room kept for the others
        assertThat(plot.getMinY()).isLessThanOrEqualTo(lastLine + fs * 2.0);
        assertThat(plot.getHeight()).isGreaterThan(30);
    }

    /**
     * A 2-unit tanh RNN whose state stays at 0 (no input weights, no bias), so tanh′ = 1 at every step,
     * with W_hh = [[0.5, 3], [0, 0.5]]: ρ = 0.5 but σ_max ≈ 3.08. δh_T = (1, 0); each step back
     * multiplies by W_hhᵀ, which first grows the gradient: (1, 0) → (0.5, 3) → (0.25, 3) → …
     */
    static Frame nonNormalRnn() {
        ModelConfig cfg = new ModelConfig(CellType.RNN_TANH, 2, 2, 1, false, 0, 2, Activation.SOFTMAX, null);
        Model model = Model.zeros(cfg);
        DMatrixRMaj whh = model.param(ModelConfig.weightHh(0, 0));
        whh.set(0, 0, 0.5);
        whh.set(0, 1, 3);
        whh.set(1, 1, 0.5);
        DMatrixRMaj why = model.param("fc.weight");
        why.set(0, 0, -1);
        why.set(1, 0, 1);
        return full(model, Sequence.ofTokens(new int[] {0, 1, 0, 1}, new int[] {0}, TargetSteps.LAST));
    }

    @Test
    void aVanillaRnnWithRhoBelowOneBelowSigmaMaxIsNotPromisedShrinking() throws Exception {
        Frame f = nonNormalRnn();
        Frame.Flow flow = f.analysis().flows().get(0);
        assertThat(flow.rho()).isCloseTo(0.5, within(1e-9));
        assertThat(flow.sigmaMax()).isGreaterThan(3.0);
        assertThat(flow.meanSlope()).isEqualTo(1.0);
        double[] dh = dh(f);
        assertThat(dh[3]).isCloseTo(1.0, within(1e-12));
        assertThat(dh[2]).isCloseTo(Math.hypot(0.5, 3), within(1e-12));
        List<GradientDecay.Line> lines = DecayReadout.lines(flow, dh, false);
        // measured: grows; the weights give no guarantee; ρ < 1 is only the long run
        assertThat(lines.get(0).tone()).isEqualTo(1);
        assertThat(lines.get(0).text()).startsWith("Measured: going back, ‖δh‖ grows ×");
        assertThat(lines.get(1).text()).isEqualTo("ρ(W_hh) = 0.50 · σ_max(W_hh) = 3.08 · saturation: mean 1−h² = 1.00, largest γ = 1.00");
        assertThat(lines.get(2).text()).startsWith("σ_max·γ = 3.08 ≥ 1: no guarantee, one step back can grow the gradient; ρ = 0.50 < 1");
        assertThat(text(lines)).doesNotContain("vanishing").doesNotContain("shrinks");
        // the per-step factors in the values table
        double[] factors = DecayReadout.stepFactors(dh, false);
        assertThat(factors[2]).isCloseTo(Math.hypot(0.5, 3), within(1e-12));
        assertThat(factors[3]).isNaN();
        DecayView view = new DecayView();
        show(view, f, 900, 480);
        screenshot(view, "decay-rnn-nonnormal");
    }

    @Test
    void theCatModelOfLessonSevenHasRhoBelowOneAndSigmaMaxAboveOne() throws Exception {
        Path dir = Path.of("lessons/models");
        Model model = ModelIO.read(dir.resolve("cat.model.json"));
        Frame f = full(model, SequenceIO.read(dir.resolve("cat-mid.seq.json"), model.config()));
        Frame.Flow flow = f.analysis().flows().get(0);
        assertThat(flow.rho()).isCloseTo(0.716, within(5e-4));
        assertThat(flow.sigmaMax()).isCloseTo(1.064, within(5e-4));
        List<GradientDecay.Line> lines = DecayReadout.lines(flow, dh(f), false);
        // its gradient does shrink (measured), but the weights alone do not guarantee it
        assertThat(lines.get(0).tone()).isEqualTo(-1);
        assertThat(lines.get(2).text()).startsWith("σ_max·γ = 1.06 ≥ 1: no guarantee");
    }
}
