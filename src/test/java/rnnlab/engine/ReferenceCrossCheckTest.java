package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast engine agrees with the plain SimpleMatrix reference on random models of every kind. */
class ReferenceCrossCheckTest {
    static final double RTOL = 1e-9;
    static final double ATOL = 1e-12;

    static LongStream seeds() {
        return LongStream.range(1, 121);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithReference(long seed) {
        RandomModels.Case c = RandomModels.random(seed);
        Run run = new Run(c.model(), c.seq().length());
        run.load(c.seq());
        double loss = run.forwardBackward();
        ReferenceNetwork.Result ref = ReferenceNetwork.run(c.model(), c.seq());
        List<String> problems = new ArrayList<>();
        close("loss", loss, ref.loss(), problems);
        ModelConfig cfg = c.model().config();
        for (int t = 0; t < run.length(); t++) {
            close("stepLoss[" + t + "]", run.stepLoss(t), ref.stepLoss()[t], problems);
            for (int j = 0; j < cfg.outputWidth(); j++) {
                close("y[" + t + "][" + j + "]", run.outputs().get(t, j), ref.outputs().get(t).get(j), problems);
            }
        }
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                LayerState s = run.layer(l, d);
                for (int t = 0; t < run.length(); t++) {
                    for (int u = 0; u < cfg.hiddenSize(); u++) {
                        close("h" + l + d + "[" + t + "]", s.hidden(t, u), ref.hidden().get(l + "/" + d).get(t).get(u), problems);
                        close("dh" + l + d + "[" + t + "]", s.gradHidden(t, u),
                                ref.gradHidden().get(l + "/" + d).get(t).get(u), problems);
                    }
                }
            }
        }
        for (String name : c.model().params().names()) {
            DMatrixRMaj g = run.gradients().get(name);
            SimpleMatrix rg = ref.grads().get(name);
            for (int i = 0; i < g.getNumElements(); i++) {
                close(name + "[" + i + "]", g.data[i], rg.getDDRM().data[i], problems);
            }
        }
        assertThat(problems).as(c.description()).isEmpty();
    }

    @Test
    void referenceIsNotTrivial() {
        // The cross-check would pass vacuously if everything were zero: make sure it is not.
        RandomModels.Case c = RandomModels.random(7);
        ReferenceNetwork.Result ref = ReferenceNetwork.run(c.model(), c.seq());
        assertThat(ref.loss()).isGreaterThan(0);
        double norm = 0;
        for (SimpleMatrix g : ref.grads().values()) {
            norm += g.elementMult(g).elementSum();
        }
        assertThat(norm).isGreaterThan(1e-6);
    }

    static void close(String what, double got, double expected, List<String> problems) {
        if (!(Math.abs(got - expected) <= RTOL * Math.abs(expected) + ATOL)) {
            problems.add(what + ": engine " + got + ", reference " + expected);
        }
    }
}
