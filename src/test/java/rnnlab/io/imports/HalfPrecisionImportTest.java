package rnnlab.io.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.io.imports.ImportTest.maxDiff;
import static rnnlab.io.imports.ImportTest.res;
import static rnnlab.io.imports.ImportTest.trace;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnlab.engine.LossType;

/**
 * Issue 14: float16 and bfloat16 tensors, as torch.save and safetensors write them (fixtures by real PyTorch:
 * make_half_fixtures.py), read as exactly the numbers PyTorch holds: the same trace as a JSON model of those
 * rounded numbers, and visibly not the float32 model they were rounded from.
 */
class HalfPrecisionImportTest {
    @ParameterizedTest
    @ValueSource(strings = {"f16", "bf16"})
    void halfPrecisionTensorsReadAsPyTorchHoldsThem(String tag) throws Exception {
        JsonNode rounded = trace(ModelFiles.read(res("lstm_emb_head." + tag + ".model.json")).model());
        JsonNode full = trace(ModelFiles.read(res("lstm_emb_head.model.json")).model());
        for (String ext : new String[] {".pt", ".safetensors"}) {
            ImportedModel im = ModelFiles.read(res("lstm_emb_head." + tag + ext));
            JsonNode t = trace(im.modelFor(LossType.CROSS_ENTROPY));
            assertThat(maxDiff(rounded, t, tag + ext)).as(tag + ext).isLessThanOrEqualTo(1e-12);
            // the rounding is real: bfloat16 keeps 8 bits of mantissa, float16 11
            assertThat(maxDiff(full, t, tag + ext)).as(tag + ext + " vs float32").isGreaterThan(1e-6);
        }
    }
}
