package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;
import rnnlab.ui.controls.GradientDecay;
import rnnlab.ui.controls.GradientDecaySkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.WeightMatricesSkin;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.session.GradientAnalysis;

/** The gradient-decay plot and the weights view. */
class DecayWeightsViewTest extends ViewTestBase {

    @Test
    void normsSitOnTheirDecadesOfTheLogScale() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 0);
        DecayView view = new DecayView();
        show(view, f, 900, 480);
        GradientDecay c = view.control();
        interact(() -> {
            c.stepsProperty().set(4);
            c.backwardProperty().set(true);
            c.currentStepProperty().set(0);
            c.setData(new double[] {1, 0.1, 0.01, 0.001}, null, null, null);
        });
        repaint(view);
        WritableImage img = canvasPixels(view);
        double[] ys = new double[4];
        for (int t = 0; t < 4; t++) {
            Rectangle2D p = region(view, "decay.dh." + t);
            assertThat(p).as("point " + t).isNotNull();
            ys[t] = p.getMinY() + p.getHeight() / 2;
            Rectangle2D decade = region(view, "decay.decade." + (-t));
            assertThat(decade).as("decade " + (-t)).isNotNull();
            assertThat(ys[t]).isCloseTo(decade.getMinY() + decade.getHeight() / 2, within(1.0));
            int px = argb(img, p.getMinX() + p.getWidth() / 2, ys[t]);
            assertThat(distance(px, argb(Palette.PURPLE))).as("dot colour").isLessThanOrEqualTo(30);
        }
        Rectangle2D p2 = region(view, "decay.dh.2");
        String[] hover = new String[1];
        interact(() -> hover[0] = skin(view).hoverAt(p2.getMinX() + 5, p2.getMinY() + 5));
        assertThat(hover[0]).isEqualTo("t = 3: ‖δh_t‖ = 0.0100");
        // one decade is one step of equal height: a log scale
        assertThat(ys[2] - ys[1]).isCloseTo(ys[1] - ys[0], within(1.0));
        assertThat(ys[3]).isGreaterThan(ys[0]);
        screenshot(view, "decay-known");
    }

    @Test
    void checkBoxesAddTheLastStepAndProductSeriesAndTheSliderSetsTheScale() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 5, 0);
        DecayView view = new DecayView();
        ViewContext ctx = show(view, f, 900, 480);
        GradientDecaySkin skin = (GradientDecaySkin) skin(view);
        int cur = f.time();
        assertThat(region(view, "decay.dh." + cur)).isNotNull();
        assertThat(region(view, "decay.dh." + (cur - 1))).isNull();
        assertThat(region(view, "decay.dc." + cur)).isNotNull();
        assertThat(region(view, "decay.last.0")).isNull();
        assertThat(region(view, "decay.prod.0")).isNull();
        interact(() -> {
            skin.lastStepBox().fire();
            skin.productBox().fire();
        });
        repaint(view);
        assertThat(region(view, "decay.last.0")).isNotNull();
        assertThat(region(view, "decay.prod.0")).isNotNull();
        assertThat(region(view, "decay.legend.prod")).isNotNull();
        assertThat(region(view, "decay.rho")).isNotNull();
        interact(() -> skin.slider().setValue(Math.log10(2)));
        assertThat(ctx.recurrentScaleProperty().get()).isCloseTo(2.0, within(1e-9));
        interact(() -> ctx.recurrentScaleProperty().set(0.5));
        assertThat(skin.slider().getValue()).isCloseTo(Math.log10(0.5), within(1e-9));
        screenshot(view, "decay");
        // a state too large to multiply out: the product is "not available for this size"
        Frame big = ViewFixtures.backward(CellType.LSTM, 40, 2, 0);
        interact(() -> ctx.frameProperty().set(big));
        repaint(view);
        assertThat(region(view, "decay.product.na")).isNotNull();
        assertThat(region(view, "decay.prod.0")).isNull();
    }

    /** A 2-unit tanh RNN with W_hh = [[0, −0.5], [0.5, 0]] (eigenvalues ±0.5i), run forward and backward. */
    private static Frame rotation() {
        return rotation(1);
    }

    /** A 2-layer bidirectional LSTM (H = 8) with random weights, run forward and backward over 4 steps. */
    private static Frame deepLstm() {
        Model model = Model.zeros(new ModelConfig(CellType.LSTM, 3, 8, 2, true, 0, 2, Activation.IDENTITY, null));
        Random rng = new Random(5);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = rng.nextGaussian() * 0.3;
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(4, 3);
        DMatrixRMaj y = new DMatrixRMaj(4, 2);
        for (int k = 0; k < 12; k++) {
            x.data[k] = Math.sin(k);
        }
        Run run = new Run(model, 4);
        run.load(Sequence.ofInputs(x, y, TargetSteps.ALL, rnnlab.engine.LossType.MSE));
        run.forwardBackward();
        return FrameBuilder.build(run, new GradientAnalysis().of(run));
    }

    /** {@link #rotation()} with every parameter multiplied by {@code scale}. */
    private static Frame rotation(double scale) {
        ModelConfig cfg = new ModelConfig(CellType.RNN_TANH, 2, 2, 1, false, 0, 2, Activation.IDENTITY, null);
        Model model = Model.zeros(cfg);
        Random rng = new Random(3);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = rng.nextGaussian() * 0.5;
            }
        }
        DMatrixRMaj whh = model.param(ModelConfig.weightHh(0, 0));
        whh.set(0, 0, 0);
        whh.set(0, 1, -0.5);
        whh.set(1, 0, 0.5);
        whh.set(1, 1, 0);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            org.ejml.dense.row.CommonOps_DDRM.scale(scale, m);
        }
        DMatrixRMaj x = new DMatrixRMaj(5, 2);
        DMatrixRMaj y = new DMatrixRMaj(5, 2);
        for (int k = 0; k < 10; k++) {
            x.data[k] = Math.sin(k);
            y.data[k] = Math.cos(k);
        }
        Run run = new Run(model, 5);
        run.load(Sequence.ofInputs(x, y, TargetSteps.ALL, rnnlab.engine.LossType.MSE));
        run.forwardBackward();
        return FrameBuilder.build(run, new GradientAnalysis().of(run));
    }

    @Test
    void weightsAndGradientsInTheirPalettesAndEigenvaluesOnThePlane() throws Exception {
        Frame f = rotation();
        WeightsView view = new WeightsView();
        show(view, f, 1100, 460);
        WeightMatricesSkin skin = (WeightMatricesSkin) skin(view);
        assertThat(view.control().matrix().label()).startsWith("W_hh");
        WritableImage img = canvasPixels(view);
        Rectangle2D w = region(view, "weights.w");
        double cw = w.getWidth() / 2;
        double ch = w.getHeight() / 2;
        // W_hh[0][1] = −0.5 is the largest |w|: full blue; W_hh[1][0] = +0.5 full orange; diagonal white
        assertThat(distance(argb(img, w.getMinX() + 1.5 * cw, w.getMinY() + 0.5 * ch), argb(Palette.BLUE))).isLessThanOrEqualTo(2);
        assertThat(distance(argb(img, w.getMinX() + 0.5 * cw, w.getMinY() + 1.5 * ch), argb(Palette.ORANGE))).isLessThanOrEqualTo(2);
        assertThat(distance(argb(img, w.getMinX() + 0.5 * cw, w.getMinY() + 0.5 * ch), 0xFFFFFFFF)).isLessThanOrEqualTo(2);
        Rectangle2D gr = region(view, "weights.grad");
        double[][] grad = f.grads().get("rnn.weight_hh_l0");
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 2; k++) {
                int got = argb(img, gr.getMinX() + (k + 0.5) * gr.getWidth() / 2, gr.getMinY() + (r + 0.5) * gr.getHeight() / 2);
                assertThat(distance(got, Palette.gradient(grad[r][k], Palette.LIGHT_NEUTRAL))).as(r + "," + k)
                        .isLessThanOrEqualTo(2);
            }
        }
        // eigenvalues ±0.5i: on the imaginary axis, half way to the unit circle
        Rectangle2D plane = region(view, "weights.eig");
        double cx = plane.getMinX() + plane.getWidth() / 2;
        double cy = plane.getMinY() + plane.getHeight() / 2;
        double unit = plane.getWidth() / 2 / skin.eigenRange();
        double[] ys = new double[2];
        for (int k = 0; k < 2; k++) {
            Rectangle2D p = region(view, "weights.eig." + k);
            assertThat(p.getMinX() + p.getWidth() / 2).isCloseTo(cx, within(1.0));
            ys[k] = p.getMinY() + p.getHeight() / 2;
            int dot = argb(img, p.getMinX() + p.getWidth() / 2, ys[k]);
            assertThat(distance(dot, argb(Palette.BLUE))).isLessThanOrEqualTo(2);
        }
        java.util.Arrays.sort(ys);
        assertThat(ys[0]).isCloseTo(cy - 0.5 * unit, within(1.0));
        assertThat(ys[1]).isCloseTo(cy + 0.5 * unit, within(1.0));
        assertThat(skin.eigenRange()).isEqualTo(1.2);
        String[] hover = new String[2];
        interact(() -> {
            hover[0] = skin.hoverAt(w.getMinX() + 1.5 * cw, w.getMinY() + 0.5 * ch);
            Rectangle2D p0 = region(view, "weights.eig.0");
            hover[1] = skin.hoverAt(p0.getMinX() + 5, p0.getMinY() + 5);
        });
        assertThat(hover[0]).startsWith("row 1, column 2: w = −0.50, ∂L/∂w = ");
        assertThat(hover[1]).matches("λ = [−]?0\\.00 [+−] 0\\.50i, \\|λ\\| = 0\\.50");
        screenshot(view, "weights-rotation");
    }

    /**
     * Issue 17: every matrix's Frobenius norm under the heatmaps, updated with each frame, so a class sees weight
     * decay shrink them; in both languages and all three themes at the size of a view filling a 1024×768 window.
     */
    @Test
    void everyMatrixShowsItsFrobeniusNormAndItFollowsTheWeights() throws Exception {
        Frame f = rotation();
        WeightsView view = new WeightsView();
        ViewContext ctx = show(view, f, 1000, 520);
        java.util.List<rnnlab.ui.controls.WeightMatrices.Matrix> ms = view.control().getMatrices();
        assertThat(ms).extracting(rnnlab.ui.controls.WeightMatrices.Matrix::symbol).containsExactly("W_ih", "W_hh", "W_hy");
        // W_hh = [[0, −0.5], [0.5, 0]]: ‖W_hh‖_F = √0.5
        assertThat(ms.get(1).norm()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        double ih = 0;
        for (double[] r : f.weights().get("rnn.weight_ih_l0")) {
            for (double v : r) {
                ih += v * v;
            }
        }
        assertThat(ms.get(0).norm()).isCloseTo(Math.sqrt(ih), within(1e-12)).isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(region(view, "weights.norm." + i)).as("norm " + i).isNotNull();
        }
        String[] hover = new String[1];
        Rectangle2D n1 = region(view, "weights.norm.1");
        interact(() -> hover[0] = skin(view).hoverAt(n1.getMinX() + 3, n1.getMinY() + n1.getHeight() / 2));
        assertThat(hover[0]).isEqualTo("W_hh, layer 1: Frobenius norm \u2016W\u2016 = 0.707, the square root of the sum of "
                + "the squares of its 2\u00d72 numbers");
        // a new frame with the weights halved (what weight decay does, faster): the norms follow
        Frame halved = rotation(0.5);
        interact(() -> ctx.frameProperty().set(halved));
        repaint(view);
        assertThat(view.control().getMatrices().get(1).norm()).isCloseTo(0.5 * Math.sqrt(0.5), within(1e-12));
        assertThat(view.control().getMatrices().get(0).norm()).isCloseTo(0.5 * Math.sqrt(ih), within(1e-12));
        interact(() -> hover[0] = skin(view).hoverAt(n1.getMinX() + 3, n1.getMinY() + n1.getHeight() / 2));
        assertThat(hover[0]).contains("= 0.354,");
        screenshot(view, "weights-norms-en-light");
        // a two-layer bidirectional LSTM: each layer and direction named, all nine fit the line
        Frame deep = deepLstm();
        interact(() -> ctx.frameProperty().set(deep));
        repaint(view);
        assertThat(view.control().getMatrices()).extracting(rnnlab.ui.controls.WeightMatrices.Matrix::symbol)
                .contains("W_{ih,1}", "W_{hh,1\u2190}", "W_{hh,2}", "W_hy");
        for (int i = 0; i < view.control().getMatrices().size(); i++) {
            assertThat(region(view, "weights.norm." + i)).as("deep norm " + i).isNotNull();
        }
        try {
            for (java.util.Locale loc : new java.util.Locale[] {java.util.Locale.ENGLISH, java.util.Locale.CHINESE}) {
                rnnlab.i18n.Messages.setLocale(loc);
                for (String theme : new String[] {"light", "dark", "projector"}) {
                    WeightsView v = new WeightsView();
                    ViewContext c = show(v, f, 1000, 520);
                    interact(() -> {
                        c.darkThemeProperty().set("dark".equals(theme));
                        c.projectorThemeProperty().set("projector".equals(theme));
                    });
                    repaint(v);
                    for (int i = 0; i < 3; i++) {
                        assertThat(region(v, "weights.norm." + i)).as(loc + " " + theme + " norm " + i).isNotNull();
                    }
                    screenshot(v, "weights-norms-" + loc.getLanguage() + "-" + theme);
                }
            }
        } finally {
            rnnlab.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void lstmWeightsOfferOneSpectrumPerGateBlock() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 0);
        WeightsView view = new WeightsView();
        show(view, f, 1280, 560);
        WeightMatricesSkin skin = (WeightMatricesSkin) skin(view);
        assertThat(skin.blockBox().getItems()).hasSize(4);
        assertThat(skin.matrixBox().getItems()).hasSize(3);
        interact(() -> skin.blockBox().getSelectionModel().select(2));
        repaint(view);
        assertThat(view.control().eigen().gate()).isEqualTo(f.gateNames()[2]);
        assertThat(region(view, "weights.eig.7")).isNotNull();
        screenshot(view, "weights");
    }

    /** The placed labels of a view's canvas. */
    private static java.util.List<rnnlab.ui.controls.CanvasLabels.Placed> placed(LabView view) {
        return ((rnnlab.ui.controls.CanvasLabels) skin(view).canvas().getProperties().get(rnnlab.ui.controls.CanvasLabels.KEY))
                .placed();
    }

    /**
     * A narrow weights tile (lesson 6 step 9 at 1280x720): the weights' scale bar's "+0.57" ran under the
     * gradient's colour bar. Each scale's labels now stay within its own column, shortened to "±0.57" or left
     * out when the column is too narrow.
     */
    @Test
    void scaleBarLabelsStayInTheirOwnColumn() throws Exception {
        Frame f = rotation();
        for (int width : new int[] {200, 240, 260, 300, 360, 1100}) {
            WeightsView view = new WeightsView();
            show(view, f, width, 330);
            Rectangle2D sw = region(view, "weights.scale.w");
            Rectangle2D sg = region(view, "weights.scale.grad");
            java.util.List<rnnlab.ui.controls.CanvasLabels.Placed> row = placed(view).stream()
                    .filter(p -> p.y() < sw.getMaxY() && p.y() + p.h() > sw.getMinY()).toList();
            for (var p : row) {
                boolean inW = p.x() >= sw.getMinX() - 0.5 && p.x() + p.w() <= sw.getMaxX() + 0.5;
                boolean inG = p.x() >= sg.getMinX() - 0.5 && p.x() + p.w() <= sg.getMaxX() + 0.5;
                assertThat(inW || inG).as("%d px: %s", width, p).isTrue();
            }
            if (width == 1100) {
                assertThat(row).extracting(p -> p.text()).contains("−0.50", "+0.50", "1");
            }
        }
    }

    @Test
    void noGradientHintsFitTheirFramesOrAreLeftOut() throws Exception {
        // forward pass done, BPTT not started: the decay plot and the weights' gradient panel show their hints
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 0, 0);
        for (java.util.Locale lang : new java.util.Locale[] {rnnlab.ui.controls.AppLanguage.ENGLISH,
                rnnlab.ui.controls.AppLanguage.CHINESE}) {
            rnnlab.ui.controls.AppLanguage.set(lang);
            try {
                // a roomy view: the hint is drawn whole, inside the plot, through the label placer
                DecayView decay = new DecayView();
                show(decay, f, 900, 480);
                Rectangle2D plot = region(decay, "decay.plot");
                String decayHint = String.join("", placed(decay).stream().map(p -> p.text()).toList());
                assertThat(decayHint).contains("BPTT");
                WeightsView weights = new WeightsView();
                show(weights, f, 1100, 560);
                Rectangle2D grad = region(weights, "weights.grad");
                var gradLines = placed(weights).stream().filter(p -> p.x() >= grad.getMinX() - 0.5 && p.x() + p.w() <= grad.getMaxX() + 0.5
                        && p.y() >= grad.getMinY() - 0.5 && p.y() + p.h() <= grad.getMaxY() + 0.5).toList();
                assertThat(String.join("", gradLines.stream().map(p -> p.text()).toList())).contains("BPTT");
                // small tiles (all views tiled): every hint line stays inside its frame, or the hint is left out
                for (int[] size : new int[][] {{300, 170}, {240, 200}, {420, 150}}) {
                    DecayView d = new DecayView();
                    show(d, f, size[0], size[1]);
                    Rectangle2D pl = region(d, "decay.plot");
                    if (skin(d).regionIds().contains("decay.hint")) {
                        Rectangle2D hint = region(d, "decay.hint");
                        assertThat(hint.getMinY()).as("%s", java.util.Arrays.toString(size)).isGreaterThanOrEqualTo(pl.getMinY() - 0.5);
                        assertThat(hint.getMaxY()).as("%s", java.util.Arrays.toString(size)).isLessThanOrEqualTo(pl.getMaxY() + 0.5);
                    }
                    WeightsView wv = new WeightsView();
                    show(wv, f, size[0] + 200, size[1] + 60);
                    if (skin(wv).regionIds().contains("weights.grad")) {
                        Rectangle2D gr = region(wv, "weights.grad");
                        for (var p : placed(wv)) {
                            boolean crosses = p.x() < gr.getMaxX() && p.x() + p.w() > gr.getMinX() && p.y() < gr.getMaxY()
                                    && p.y() + p.h() > gr.getMinY();
                            boolean inside = p.x() >= gr.getMinX() - 0.5 && p.x() + p.w() <= gr.getMaxX() + 0.5
                                    && p.y() >= gr.getMinY() - 0.5 && p.y() + p.h() <= gr.getMaxY() + 0.5;
                            assertThat(!crosses || inside).as("%s %s: %s", lang, java.util.Arrays.toString(size), p).isTrue();
                        }
                    }
                }
                screenshot(decay, "decay-hint-" + lang.getLanguage());
            } finally {
                rnnlab.ui.controls.AppLanguage.set(rnnlab.ui.controls.AppLanguage.ENGLISH);
            }
        }
    }
}
