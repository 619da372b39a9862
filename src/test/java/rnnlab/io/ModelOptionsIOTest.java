package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/** Model files carry the residual and layer-norm options; files without them read as before. */
class ModelOptionsIOTest {
    @TempDir
    Path dir;

    private static Model model(boolean residual, boolean ln) {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 3, 4, 2, true, 0, 2, Activation.SOFTMAX, null)
                .withOptions(residual, ln);
        Model m = Model.zeros(cfg);
        Random rnd = new Random(4);
        m.params().asMap().values().forEach(w -> RoundTripTest.fill(w, rnd));
        return m;
    }

    @Test
    void residualAndLayerNormRoundTripBitForBit() throws Exception {
        Model m = model(true, true);
        assertThat(m.params().names()).contains("rnn.ln_ih_gain_l1_reverse", "rnn.ln_c_bias_l0");
        Path f = dir.resolve("ln.model.json");
        ModelIO.write(m, f);
        String text = Files.readString(f);
        assertThat(text).contains("\"residual\":true").contains("\"layer_norm\":true");
        Model back = ModelIO.read(f);
        assertThat(back.config().residual()).isTrue();
        assertThat(back.config().layerNorm()).isTrue();
        RoundTripTest.assertSameBits(m, back);
    }

    @Test
    void aPlainModelIsWrittenWithoutTheKeysAndOldFilesReadAsOff() throws Exception {
        Model m = model(false, false);
        Path f = dir.resolve("plain.model.json");
        ModelIO.write(m, f);
        String text = Files.readString(f);
        assertThat(text).doesNotContain("residual").doesNotContain("layer_norm").doesNotContain("ln_");
        Model back = ModelIO.read(f);
        assertThat(back.config().residual()).isFalse();
        assertThat(back.config().layerNorm()).isFalse();
        RoundTripTest.assertSameBits(m, back);
    }

    @Test
    void residualOnOneLayerIsRefusedByName() throws Exception {
        Model m = model(false, false);
        Path f = dir.resolve("one.model.json");
        ModelIO.write(new Model(new ModelConfig(CellType.GRU, 3, 4, 1, false, 0, 2, Activation.SOFTMAX, null),
                rnnlab.engine.Parameters.zeros(new ModelConfig(CellType.GRU, 3, 4, 1, false, 0, 2, Activation.SOFTMAX,
                        null))), f);
        Files.writeString(f, Files.readString(f).replace("\"bidirectional\":false", "\"bidirectional\":false,\"residual\":true"));
        assertThatThrownBy(() -> ModelIO.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("one.model.json").hasMessageContaining("residual")
                .hasMessageContaining("num_layers of at least 2");
        assertThat(m).isNotNull();
    }

    @Test
    void layerNormWithoutItsGainsIsRefusedNamingTheKey() throws Exception {
        Path f = dir.resolve("nogain.model.json");
        ModelIO.write(model(false, false), f);
        Files.writeString(f, Files.readString(f).replace("\"bidirectional\":true", "\"bidirectional\":true,\"layer_norm\":true"));
        assertThatThrownBy(() -> ModelIO.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("rnn.ln_ih_gain_l0");
    }

    @Test
    void aLayerNormModelIsNotSavedAsAPyTorchFile() {
        Path f = dir.resolve("ln.pt");
        assertThatThrownBy(() -> rnnlab.io.imports.ModelFiles.write(model(true, true), f))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("ln.pt")
                .hasMessageContaining("save it as .model.json");
        assertThat(Files.exists(f)).isFalse();
    }
}
