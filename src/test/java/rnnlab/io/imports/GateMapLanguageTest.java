package rnnlab.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rnnlab.i18n.Language;

/** What the import says (its notes and the gate map) is in the app's language: a Chinese class reads it in Chinese. */
class GateMapLanguageTest {
    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theGateMapAndTheNotesFollowTheLanguage() throws Exception {
        Language.set(Language.CHINESE);
        ImportedModel im = ModelFiles.read(ImportTest.res("lstm_emb_head.onnx"));
        String map = String.join("\n", im.gateMap());
        String notes = String.join("\n", im.notes());
        // ONNX rows 8–11 hold PyTorch's forget gate, as in English, with the words in Chinese
        assertThat(map).contains("行 8–11 → rnn.weight_ih_l0 行 4–7: W_if (遗忘门)")
                .contains("个元素 16–19 → rnn.bias_hh_l0 个元素 0–3: b_hi (输入门)")
                .contains("LSTM 节点").doesNotContain("forget gate").doesNotContain(" of ");
        assertThat(notes).contains("ONNX 计算图").contains("循环单元 lstm").doesNotContain("nodes");
        ImportedModel gru = ModelFiles.read(ImportTest.res("gru_emb_head.onnx"));
        assertThat(String.join("\n", gru.gateMap())).contains("W_hr (重置门)").contains("W_hz (更新门)");

        Language.set(Language.ENGLISH);
        String en = String.join("\n", ModelFiles.read(ImportTest.res("lstm_emb_head.onnx")).gateMap());
        assertThat(en).contains("rows 8–11 → rnn.weight_ih_l0 rows 4–7: W_if (forget gate)").doesNotContain("遗忘门");
    }
}
