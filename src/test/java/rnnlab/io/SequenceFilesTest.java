package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.cli.Main;
import rnnlab.engine.LossType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** .txt and .csv sequences: values read, defaults named, bad rows refused with one line naming the place. */
class SequenceFilesTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        return Path.of(SequenceFilesTest.class.getResource("/fixtures/" + name).toURI());
    }

    static ModelConfig gru() throws Exception { // 3 inputs, 2 identity outputs (mse)
        return ModelIO.read(fixture("gru_real_mse_last.model.json")).config();
    }

    static ModelConfig chars() throws Exception { // vocabulary a..e, softmax over it
        return ModelIO.read(fixture("lstm_onehot_ce.model.json")).config();
    }

    Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    String error(Path p, ModelConfig cfg, SequenceFiles.CsvOptions o) {
        return assertThrows(InputException.class, () -> SequenceFiles.load(p, cfg, o)).getMessage();
    }

    @Test
    void csvDefaultTargetsAreTheLastColumnsAndSaySo() throws Exception {
        Path p = write("s.csv", "x1,x2,x3,y1,y2\n1,2,3,0.5,-1\n4,5,6e-1,7,8\n");
        SequenceFiles.Loaded l = SequenceFiles.load(p, gru(), SequenceFiles.CsvOptions.DEFAULT);
        Sequence s = l.sequence();
        assertThat(s.length()).isEqualTo(2);
        assertThat(s.inputs().data).containsExactly(1, 2, 3, 4, 5, 0.6);
        assertThat(s.vectorTargets().data).containsExactly(0.5, -1, 7, 8);
        assertThat(s.loss()).isEqualTo(LossType.MSE);
        assertThat(s.targetSteps()).isEqualTo(TargetSteps.ALL);
        assertThat(l.note()).contains("last 2 columns (y1, y2)").contains("--target-column");
    }

    @Test
    void csvTargetColumnsArePickedByNameInTheOrderGiven() throws Exception {
        Path p = write("s.csv", "b,x1,a,x2,x3\n9,1,8,2,3\n");
        Sequence s = SequenceFiles.load(p, gru(), new SequenceFiles.CsvOptions(List.of("a", "b"), null)).sequence();
        assertThat(s.inputs().data).containsExactly(1, 2, 3);
        assertThat(s.vectorTargets().data).containsExactly(8, 9);
        Path inputsOnly = write("i.csv", "x1,x2,x3\n1,2,3\n");
        assertThat(SequenceFiles.read(inputsOnly, gru()).hasLoss()).isFalse();
    }

    @Test
    void csvPlantedBadRowsAreRefusedNamingLineAndColumn() throws Exception {
        ModelConfig g = gru();
        SequenceFiles.CsvOptions d = SequenceFiles.CsvOptions.DEFAULT;
        assertThat(error(write("a.csv", "x1,x2,x3,y1,y2\n1,2,3,4,5\n1,2,3,4,5\n1,abc,3,4,5\n"), g, d))
                .contains("a.csv").contains("line 4, column x2").contains("expected a number, found \"abc\"");
        assertThat(error(write("n.csv", "x1,x2,x3,y1,y2\n1,2,3,4,5\n1,2,NaN,4,5\n"), g, d))
                .contains("line 3, column x3").contains("finite");
        assertThat(error(write("i.csv", "x1,x2,x3,y1,y2\n1,2,3,4,Infinity\n"), g, d)).contains("column y2");
        assertThat(error(write("w.csv", "x1,x2,x3,y1,y2\n1,2,3,4,5\n1,2\n"), g, d))
                .contains("line 3").contains("2 fields; the header has 5");
        assertThat(error(write("c.csv", "x1,x2,x3,x4\n1,2,3,4\n"), g, d))
                .contains("4 columns; the model reads 3 inputs").contains("--target-column");
        assertThat(error(write("t.csv", "x1,x2,x3,y\n1,2,3,4\n"), g, new SequenceFiles.CsvOptions(List.of("z"), null)))
                .contains("no column named \"z\"");
        assertThat(error(write("e.csv", "x1,x2,x3\n"), g, d)).contains("no rows");
        assertThat(error(write("q.csv", "x1,x2,x3\n\"1,2,3\n"), g, d)).contains("q.csv");
    }

    @Test
    void csvWithMoreRowsThanTheStepLimitIsRefused() throws Exception {
        StringBuilder b = new StringBuilder("x1,x2,x3\n");
        for (int i = 0; i <= Limits.MAX_STEPS; i++) {
            b.append("1,2,3\n");
        }
        assertThat(error(write("big.csv", b.toString()), gru(), SequenceFiles.CsvOptions.DEFAULT))
                .contains("more than " + Limits.MAX_STEPS + " rows");
    }

    @Test
    void textPredictsEachNextCharacter() throws Exception {
        SequenceFiles.Loaded l = SequenceFiles.load(write("s.txt", "abcde\n"), chars(), null);
        assertThat(l.sequence().tokens()).containsExactly(0, 1, 2, 3);
        assertThat(l.sequence().classTargets()).containsExactly(1, 2, 3, 4);
        assertThat(l.sequence().loss()).isEqualTo(LossType.CROSS_ENTROPY);
    }

    @Test
    void textOutsideTheVocabularyIsReportedByPositionWithControlCharactersEscaped() throws Exception {
        ModelConfig c = chars();
        assertThat(error(write("n.txt", "ab\nabxd"), c, null)).contains("n.txt").contains("line 1, column 3")
                .contains("'\\n'").contains("not in the model's vocabulary of 5 symbols ('a' 'b' 'c' 'd' 'e')");
        assertThat(error(write("y.txt", "abcdabxd\n"), c, null)).contains("line 1, column 7 (character 7)")
                .contains("'x' (U+0078)");
        assertThat(error(write("b.txt", "ab\u0007c"), c, null)).contains("column 3").contains("U+0007")
                .doesNotContain("\u0007");
        assertThat(error(write("t.txt", "a\tb"), c, null)).contains("'\\t'");
        assertThat(error(write("g.txt", "ab"), gru(), null)).contains("needs a model with a vocabulary");
        Files.write(tmp.resolve("u.txt"), new byte[] {'a', (byte) 0xff});
        assertThat(error(tmp.resolve("u.txt"), c, null)).contains("not UTF-8");
    }

    @Test
    void cliTracesAndGradchecksCsvAndTextAndRefusesBadOnesInOneLine() throws Exception {
        Path csv = write("s.csv", "x1,x2,x3,y1,y2\n1,2,3,0.5,-1\n4,5,6,7,8\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "trace", "--model",
                fixture("gru_real_mse_last.model.json").toString(), "--seq", csv.toString(), "--out",
                tmp.resolve("t.json").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("note: s.csv: targets: the last 2 columns");
        out = new StringWriter();
        err = new StringWriter();
        code = Main.execute(new PrintWriter(out), new PrintWriter(err), "gradcheck", "--model",
                fixture("lstm_onehot_ce.model.json").toString(), "--seq", write("s.txt", "abcdeabc").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("OK");
        out = new StringWriter();
        err = new StringWriter();
        code = Main.execute(new PrintWriter(out), new PrintWriter(err), "trace", "--model",
                fixture("gru_real_mse_last.model.json").toString(), "--seq",
                write("bad.csv", "x1,x2,x3,y1,y2\n1,2,3,4,5\n1,2,NaN,4,5\n").toString(), "--target-column", "y1",
                "--target-column", "y2", "--out", tmp.resolve("t2.json").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv").contains("line 3, column x3").doesNotContain("Exception");
    }
}
