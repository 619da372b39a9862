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
}
