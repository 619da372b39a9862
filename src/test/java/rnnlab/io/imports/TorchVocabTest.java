package rnnlab.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.cli.Main;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.io.InputException;

/** A character model saved as .pt keeps its vocabulary (the state_dict's rnnlab_vocab attribute). */
class TorchVocabTest {
    @TempDir
    Path tmp;

    static Path fixture() throws Exception {
        return Path.of(TorchVocabTest.class.getResource("/fixtures/lstm_onehot_ce.model.json").toURI());
    }

    @Test
    void ptKeepsTheVocabularyAndTracesIdentically() throws Exception {
        Model m = ModelFiles.read(fixture()).model();
        assertThat(m.config().vocab()).containsExactly("a", "b", "c", "d", "e");
        Path pt = tmp.resolve("char.pt");
        ModelFiles.write(m, pt);
        TorchFile.Contents c = TorchFile.readContents(pt);
        assertThat(c.vocab()).containsExactly("a", "b", "c", "d", "e");
        assertThat(c.tensors()).doesNotContainKey("rnnlab_vocab");
        Model back = ModelFiles.read(pt).modelFor(LossType.CROSS_ENTROPY);
        assertThat(back.config().vocab()).containsExactly("a", "b", "c", "d", "e");
        assertThat(ImportTest.maxDiff(ImportTest.trace(m), ImportTest.trace(back), "pt")).isZero();
    }

    @Test
    void sampleRunsOnAnExportedPt() throws Exception {
        Path pt = tmp.resolve("char.pt");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.execute(new PrintWriter(out), new PrintWriter(err), "export", "--model",
                fixture().toString(), "--out", pt.toString())).as(err.toString()).isZero();
        out = new StringWriter();
        err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "sample", "--model", pt.toString(),
                "--length", "40", "--start", "ab", "--seed", "3");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString().strip();
        assertThat(text).hasSizeGreaterThanOrEqualTo(40).matches("[a-e]+");
        // and the same draws as from the JSON it came from
        StringWriter ref = new StringWriter();
        Main.execute(new PrintWriter(ref), new PrintWriter(new StringWriter()), "sample", "--model",
                fixture().toString(), "--length", "40", "--start", "ab", "--seed", "3");
        assertThat(text).isEqualTo(ref.toString().strip());
    }

    @Test
    void aVocabularyOfTheWrongLengthOrWithDuplicatesIsRefused() throws Exception {
        Model m = ModelFiles.read(fixture()).model();
        Path pt = tmp.resolve("char.pt");
        ModelFiles.write(m, pt);
        Path wrong = rewriteVocab(pt, "wrong.pt", "e", "ee"); // 'e' -> 'ee': still 5 symbols, fine
        assertThat(ModelFiles.read(wrong).model().config().vocab()).containsExactly("a", "b", "c", "d", "ee");
        Path dup = rewriteVocab(pt, "dup.pt", "e", "a");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> ModelFiles.read(dup));
        assertThat(e.getMessage()).contains("dup.pt").contains("rnnlab_vocab").contains("already in the vocabulary");
    }

    /** A copy whose pickled vocabulary has the one-character symbol {@code from} replaced by {@code to}. */
    private Path rewriteVocab(Path src, String name, String from, String to) throws Exception {
        Path p = tmp.resolve(name);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(src.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
            for (var en = z.entries(); en.hasMoreElements(); ) {
                java.util.zip.ZipEntry e = en.nextElement();
                byte[] data = z.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("data.pkl")) {
                    String s = new String(data, StandardCharsets.ISO_8859_1);
                    String old = "X\u0001\u0000\u0000\u0000" + from + "esb.";
                    assertThat(s).contains(old);
                    byte[] t = to.getBytes(StandardCharsets.UTF_8);
                    s = s.replace(old, "X" + (char) t.length + "\u0000\u0000\u0000" + to + "esb.");
                    data = s.getBytes(StandardCharsets.ISO_8859_1);
                }
                java.util.zip.ZipEntry n = new java.util.zip.ZipEntry(e.getName());
                n.setMethod(java.util.zip.ZipEntry.STORED);
                n.setSize(data.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                n.setCrc(crc.getValue());
                out.putNextEntry(n);
                out.write(data);
                out.closeEntry();
            }
        }
        return p;
    }
}
