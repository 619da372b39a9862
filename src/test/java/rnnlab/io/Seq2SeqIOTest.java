package rnnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.CellType;
import rnnlab.engine.Seq2SeqConfig;
import rnnlab.engine.Seq2SeqModel;

class Seq2SeqIOTest {
    @TempDir
    Path dir;

    static Seq2SeqModel model() {
        Seq2SeqModel m = Seq2SeqModel.zeros(new Seq2SeqConfig(CellType.GRU, 4, 3, 5, 2, true, CellType.LSTM, 3, 2, 6,
                AttentionKind.ADDITIVE, 4));
        m.initialise(7);
        return m;
    }

    @Test
    void roundTripsBitForBit() throws Exception {
        Seq2SeqModel m = model();
        Path f = dir.resolve("m.s2s.json");
        Seq2SeqIO.write(m, List.of("a", "b", "c", "d"), List.of("<s>", "x", "</s>"), f);
        Seq2SeqIO.Loaded back = Seq2SeqIO.read(f);
        assertEquals(m.config(), back.model().config());
        for (String k : m.params().names()) {
            assertArrayEquals(m.param(k).data, back.model().param(k).data, k);
        }
        assertEquals(List.of("<s>", "x", "</s>"), back.targetVocab());
    }

    @Test
    void badFilesGetOneMessageNamingThePlace() throws Exception {
        Seq2SeqModel m = model();
        String good = Seq2SeqIO.toJson(m, null, null).toString();
        assertTrue(message(good.replace("\"additive\"", "\"cosine\"")).contains("attention.kind"));
        assertTrue(message(good.replace("\"hidden_size\":6", "\"hidden_size\":7")).contains("state_dict.decoder.rnn.weight_ih_l0"));
        assertTrue(message(good.replace("\"bridge.bias\"", "\"bridge.bais\"")).contains("bridge"));
        String e = message("{\"format\":\"rnnlab-seq2seq\",\"version\":1,\"encoder\":{\"cell\":\"gru\",\"vocab_size\":4,"
                + "\"embedding_size\":3,\"hidden_size\":4,\"num_layers\":1,\"bidirectional\":false},\"decoder\":{\"cell\":\"gru\","
                + "\"vocab_size\":3,\"embedding_size\":2,\"hidden_size\":5},\"attention\":{\"kind\":\"dot\"},\"state_dict\":{}}");
        assertTrue(e.contains("dot attention needs decoder_hidden"), e);
        assertTrue(message(good.replaceFirst("\\[\\[", "[[NaN,")).contains("bad.s2s.json"));
    }

    private String message(String text) throws Exception {
        Path f = dir.resolve("bad.s2s.json");
        Files.writeString(f, text);
        InputException e = assertThrows(InputException.class, () -> Seq2SeqIO.read(f));
        assertTrue(e.getMessage().startsWith("bad.s2s.json") || e.getMessage().contains("bad.s2s.json"), e.getMessage());
        return e.getMessage();
    }
}
