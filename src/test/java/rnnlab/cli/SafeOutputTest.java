package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import rnnlab.io.ModelIO;
import rnnlab.io.SequenceIO;

/** Issue 10: outputs checked before work, sample's start text, traces of overflowing models, gradcheck's floor. */
class SafeOutputTest {
    @TempDir
    Path dir;

    @Test
    void trainRefusesAFolderOrUnwritablePathBeforeTraining() throws Exception {
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("train", "--task", "sine", "--steps", "100000",
                "--save", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + dir + ": is a folder").doesNotContain("[#").doesNotContain(".tmp");
        Path under = Files.writeString(dir.resolve("f.txt"), "x").resolve("m.model.json");
        TrainingCommandsTest.Out u = TrainingCommandsTest.run("train", "--task", "sine", "--steps", "100000",
                "--save", under.toString());
        assertThat(u.status()).isEqualTo(2);
        assertThat(u.err()).contains(under.toString()).contains("not a folder").doesNotContain("[#");
        TrainingCommandsTest.Out e = TrainingCommandsTest.run("experiment", "--task", "binary-addition", "--lengths", "3",
                "--seeds", "1", "--steps", "100000", "--out", dir.toString());
        assertThat(e.status()).isEqualTo(2);
        assertThat(e.err()).contains(dir + ": is a folder").doesNotContain("[1/");
    }

    @Test
    void sampleRefusesStartCharactersOutsideTheVocabulary() throws Exception {
        Path text = Files.writeString(dir.resolve("t.txt"), "abcabcabd ".repeat(100));
        Path model = dir.resolve("m.model.json");
        assertThat(TrainingCommandsTest.run("train", "--task", "charlm", "--text", text.toString(), "--hidden", "8",
                "--seq", "10", "--steps", "5", "--no-progress", "--save", model.toString()).status()).isZero();
        TrainingCommandsTest.Out s = TrainingCommandsTest.run("sample", "--model", model.toString(), "--start", "azz\u0007");
        assertThat(s.status()).isEqualTo(2);
        assertThat(s.out()).isEmpty();
        assertThat(s.err()).contains("'z' at 2, 'z' at 3, U+0007 at 4").doesNotContain("\u0007");
        assertThat(TrainingCommandsTest.run("sample", "--model", model.toString(), "--start", "abc", "--length", "5")
                .status()).isZero();
    }

    @Test
    void trainingThatExplodesKeepsTheBestWeightsAndSavesFiniteOnes() throws Exception {
        Path model = dir.resolve("x.model.json");
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("train", "--task", "sine", "--cell", "rnn_relu",
                "--optimizer", "sgd", "--lr", "10", "--clip", "0", "--no-progress", "--save", model.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("training diverged at step 2").contains("restored the best weights seen");
        Model m = ModelIO.read(model);
        double max = 0;
        for (String n : m.params().names()) {
            for (double v : m.param(n).data) {
                max = Math.max(max, Math.abs(v));
            }
        }
        assertThat(max).isLessThan(10); // was 6.6e73
    }

    @Test
    void aTraceOfAnOverflowingModelSaysWhereAndWritesNothing() throws Exception {
        ModelConfig cfg = ModelConfig.simple(CellType.RNN_RELU, 2, 3, 1, Activation.IDENTITY);
        Model m = Model.zeros(cfg);
        java.util.Arrays.fill(m.param(ModelConfig.weightHh(0, 0)).data, 1e200);
        java.util.Arrays.fill(m.param(ModelConfig.weightIh(0, 0)).data, 1);
        Path mf = dir.resolve("big.model.json");
        ModelIO.write(m, mf);
        DMatrixRMaj x = new DMatrixRMaj(5, 2);
        java.util.Arrays.fill(x.data, 1);
        DMatrixRMaj y = new DMatrixRMaj(5, 1);
        Path sf = dir.resolve("s.seq.json");
        SequenceIO.write(Sequence.of(x, null, null, y, TargetSteps.ALL, LossType.MSE, null, null), sf);
        Path out = dir.resolve("t.trace.json");
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("trace", "--model", mf.toString(), "--seq", sf.toString(),
                "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("the numbers overflow at step 3 of the forward pass, layer 1 forward: h[0] = Infinity")
                .contains("largest weight is |w| = 1.0e+200");
        assertThat(out).doesNotExist();
        TrainingCommandsTest.Out d = TrainingCommandsTest.run("trace", "--model", mf.toString(), "--seq", sf.toString(),
                "--out", dir.toString());
        assertThat(d.err()).contains(dir + ": is a folder").doesNotContain(".tmp");
    }

    @Test
    void gradcheckPassesACorrectBidirectionalGruWithTinyGradients() throws Exception {
        // 2 layers, bidirectional, embedding: numbers whose gradient is ~1e-6 differ by ~1e-12 from rounding
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        ModelConfig cfg = new ModelConfig(CellType.GRU, 8, 8, 2, true, 4, 4, Activation.SOFTMAX, null);
        Model m = Model.zeros(cfg);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = (2 * r.nextDouble() - 1) * 1.5;
            }
        }
        int[] toks = new int[40];
        int[] cls = {r.nextInt(4)};
        for (int t = 0; t < 40; t++) {
            toks[t] = r.nextInt(4);
        }
        Sequence s = Sequence.of(null, toks, cls, null, TargetSteps.LAST, LossType.CROSS_ENTROPY, null, null);
        rnnlab.engine.gradcheck.GradientCheck.Result res = rnnlab.engine.gradcheck.GradientCheck.check(m, s, 300, 1);
        assertThat(res.maxRelativeError()).as("the old test failed it").isGreaterThan(1e-6);
        assertThat(res.passed()).as(res.toString()).isTrue();
        Path mf = dir.resolve("gru.model.json");
        Path sf = dir.resolve("gru.seq.json");
        ModelIO.write(m, mf);
        SequenceIO.write(s, sf);
        TrainingCommandsTest.Out o = TrainingCommandsTest.run("gradcheck", "--model", mf.toString(), "--seq", sf.toString(),
                "--max-per-param", "300");
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.out()).contains("OK: every number is within atol + rtol*|numeric|");
    }

    @Test
    void gradcheckSaysWhichCriterionFailed() {
        var bad = new rnnlab.engine.gradcheck.GradientCheck.Result(0.1, "rnn.bias_hh_l1", 14, 1.0e-7, 1.1e-7, 10, 0,
                1e-8 / (6.7e-11 + 1e-6 * 1.1e-7), 6.7e-11, 1e-6);
        assertThat(bad.passed()).isFalse();
        assertThat(bad.verdict()).contains("absolute error 1.00e-08 is above atol").contains("relative error 0.0909 is above rtol");
        var floor = new rnnlab.engine.gradcheck.GradientCheck.Result(2.5e-6, "rnn.bias_hh_l1", 14, 9.868428734e-08, 9.868683648e-08,
                10, 0, 2.549e-12 / (6.7e-11 + 1e-6 * 9.87e-8), 6.7e-11, 1e-6);
        assertThat(floor.passed()).isTrue();
        assertThat(floor.verdict()).contains("is within atol").contains("is above rtol");
    }
}
