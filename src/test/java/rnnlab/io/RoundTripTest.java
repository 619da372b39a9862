package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** Writing then reading gives back the same numbers, bit for bit. */
class RoundTripTest {
    @TempDir
    Path dir;

    /** Random doubles over many magnitudes, plus the awkward ones: -0.0, subnormals, extremes. */
    static void fill(DMatrixRMaj m, Random rnd) {
        double[] special = {-0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 1.0 / 3, 1e-300, -5e-324};
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = i < special.length ? special[i]
                    : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(21) - 10);
        }
    }

    static void assertSameBits(Model a, Model b) {
        assertThat(b.config()).isEqualTo(a.config());
        assertThat(b.params().names()).containsExactlyElementsOf(a.params().names());
        int count = 0;
        for (String name : a.params().names()) {
            double[] x = a.param(name).data;
            double[] y = b.param(name).data;
            assertThat(y).as(name).hasSameSizeAs(x);
            for (int i = 0; i < x.length; i++) {
                if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
                    throw new AssertionError(name + "[" + i + "]: wrote " + x[i] + ", read " + y[i]);
                }
                count++;
            }
        }
        assertThat(count).isEqualTo(a.config().parameterCount());
    }

    @Test
    void twoLayerBidirectionalGruWithEmbedding() throws Exception {
        ModelConfig cfg = new ModelConfig(CellType.GRU, 5, 7, 2, true, 11, 4, Activation.SIGMOID,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "ü"));
        Model m = Model.zeros(cfg);
        Random rnd = new Random(7);
        for (String name : m.params().names()) {
            fill(m.param(name), rnd);
        }
        Path p = dir.resolve("gru.model.json");
        ModelIO.write(m, p);
        Model back = ModelIO.read(p);
        assertSameBits(m, back);
        assertThat(back.config().vocab()).last().isEqualTo("ü");
        assertThat(back.param(ModelConfig.EMBEDDING).numRows).isEqualTo(11);
    }

    @Test
    void everyCellWithoutHeadOrEmbedding() throws Exception {
        for (CellType cell : CellType.values()) {
            ModelConfig cfg = new ModelConfig(cell, 3, 4, 1, false, 0, 0, null, null);
            Model m = Model.zeros(cfg);
            Random rnd = new Random(cell.ordinal());
            for (String name : m.params().names()) {
                fill(m.param(name), rnd);
            }
            Path p = dir.resolve(cell.id() + ".model.json");
            ModelIO.write(m, p);
            assertSameBits(m, ModelIO.read(p));
        }
    }

    @Test
    void sequenceWithInitialStates() throws Exception {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 3, 2, 2, true, 0, 2, Activation.IDENTITY, null);
        Random rnd = new Random(3);
        DMatrixRMaj x = new DMatrixRMaj(4, 3);
        DMatrixRMaj y = new DMatrixRMaj(4, 2);
        DMatrixRMaj h0 = new DMatrixRMaj(4, 2);
        DMatrixRMaj c0 = new DMatrixRMaj(4, 2);
        for (DMatrixRMaj m : new DMatrixRMaj[] {x, y, h0, c0}) {
            fill(m, rnd);
        }
        Sequence s = Sequence.ofInputs(x, y, TargetSteps.ALL, LossType.MSE).withInitialState(h0, c0);
        Path p = dir.resolve("s.seq.json");
        SequenceIO.write(s, p);
        Sequence back = SequenceIO.read(p, cfg);
        assertThat(back.targetSteps()).isEqualTo(TargetSteps.ALL);
        assertThat(back.loss()).isEqualTo(LossType.MSE);
        DMatrixRMaj[][] pairs = {{x, back.inputs()}, {y, back.vectorTargets()}, {h0, back.h0()}, {c0, back.c0()}};
        for (DMatrixRMaj[] pair : pairs) {
            for (int i = 0; i < pair[0].data.length; i++) {
                assertThat(Double.doubleToRawLongBits(pair[1].data[i])).isEqualTo(Double.doubleToRawLongBits(pair[0].data[i]));
            }
        }
    }
}
