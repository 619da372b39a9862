package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer normalisation and residual connections against a PyTorch autograd reference of the same
 * equations ({@code src/test/python/make_ln_residual_fixture.py}, float64; PyTorch has no module for
 * either): outputs, every layer's hidden states, the loss, and the gradients of every parameter, the
 * inputs and the initial states, all to a relative 1e-9.
 */
class LayerNormResidualPyTorchTest {
    private static final double RTOL = 1e-9;
    private static final double ATOL = 1e-12;

    static List<JsonNode> cases() throws Exception {
        try (InputStream in = LayerNormResidualPyTorchTest.class.getResourceAsStream("/fixtures/ln_residual.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out;
        }
    }

    private static double[] numbers(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static DMatrixRMaj matrix(JsonNode n, int rows, int cols) {
        return DMatrixRMaj.wrap(rows, cols, numbers(n));
    }

    private static void close(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s: %.17g against PyTorch %.17g", what, actual, expected)
                .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchAutograd(JsonNode c) {
        CellType cell = CellType.fromId(c.get("cell").asText());
        int in = c.get("input_size").asInt();
        int h = c.get("hidden_size").asInt();
        int layers = c.get("num_layers").asInt();
        boolean bidi = c.get("bidirectional").asBoolean();
        int out = c.get("output_size").asInt();
        int t = c.get("length").asInt();
        ModelConfig cfg = new ModelConfig(cell, in, h, layers, bidi, 0, out, Activation.IDENTITY, null)
                .withOptions(c.get("residual").asBoolean(), c.get("layer_norm").asBoolean());
        Model m = Model.zeros(cfg);
        assertThat(m.params().names()).containsExactlyElementsOf(iterable(c.get("params").fieldNames()));
        for (String name : m.params().names()) {
            double[] v = numbers(c.get("params").get(name));
            assertThat(v).as(name).hasSize(m.param(name).getNumElements());
            System.arraycopy(v, 0, m.param(name).data, 0, v.length);
        }
        int rows = layers * cfg.directions();
        Sequence s = Sequence.of(matrix(c.get("inputs"), t, in), null, null, matrix(c.get("targets"), t, out),
                TargetSteps.ALL, LossType.MSE, matrix(c.get("h0"), rows, h),
                c.get("c0").isNull() ? null : matrix(c.get("c0"), rows, h));
        Run run = new Run(m, t);
        run.setInputGradients(true);
        run.load(s);
        double loss = run.forwardBackward();

        close("loss", loss, c.get("loss").asDouble());
        double[] y = numbers(c.get("outputs"));
        for (int i = 0; i < y.length; i++) {
            close("y[" + i + "]", run.outputs().data[i], y[i]);
        }
        for (int l = 0; l < layers; l++) {
            double[] hs = numbers(c.get("hidden").get(l));
            DMatrixRMaj mine = run.layer(l, 0).hiddenMatrix();
            for (int i = 0; i < hs.length; i++) {
                close("h of layer " + l + " [" + i + "]", mine.data[i], hs[i]);
            }
        }
        int checked = 0;
        for (String name : m.params().names()) {
            double[] g = numbers(c.get("grads").get(name));
            double[] mine = run.gradients().get(name).data;
            for (int i = 0; i < g.length; i++) {
                close("dL/d" + name + "[" + i + "]", mine[i], g[i]);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(m.params().size());
        // dL/dx_t: summed over the first layer's directions
        double[] gx = numbers(c.get("grad_inputs"));
        double[] row = new double[in];
        for (int k = 0; k < t; k++) {
            double[] sum = new double[in];
            for (int d = 0; d < cfg.directions(); d++) {
                run.layer(0, d).gradInput(k, row);
                for (int j = 0; j < in; j++) {
                    sum[j] += row[j];
                }
            }
            for (int j = 0; j < in; j++) {
                close("dL/dx[" + k + "][" + j + "]", sum[j], gx[k * in + j]);
            }
        }
        double[] gh0 = numbers(c.get("grad_h0"));
        double[] gc0 = c.get("grad_c0").isNull() ? null : numbers(c.get("grad_c0"));
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                LayerState st = run.layer(l, d);
                int r = l * cfg.directions() + d;
                for (int u = 0; u < h; u++) {
                    close("dL/dh0[" + r + "][" + u + "]", st.gradH0[u], gh0[r * h + u]);
                    if (gc0 != null) {
                        close("dL/dc0[" + r + "][" + u + "]", st.gradC0[u], gc0[r * h + u]);
                    }
                }
            }
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
