package rnnlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** A sequence from a file stays what it is when its text is edited: tokens and targets, not next-character text. */
class FileSequenceEditTest {
    static final EngineSession.Shape GRU = new EngineSession.Shape(CellType.GRU, 3, 1, false, Initialiser.PYTORCH_DEFAULT, 1);

    @Test
    void editingAFileSequenceKeepsItsLengthAndTargets() throws Exception {
        EngineSession s = new EngineSession();
        s.buildForText(GRU, "a-b");
        // vocabulary "-", "a", "b": a 9-token file whose targets are its own (not the next symbol)
        int[] tokens = {1, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] targets = {2, 2, 1, 1, 0, 0, 2, 2, 1};
        s.adoptSequence(Sequence.ofTokens(tokens, targets, TargetSteps.ALL));
        assertThat(s.text).isEqualTo("a--------");
        assertThat(s.sequence.length()).isEqualTo(9);

        s.editText("b--------");
        assertThat(s.sequence.length()).isEqualTo(9);
        assertThat(s.sequence.tokens()).containsExactly(2, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(s.sequence.classTargets()).containsExactly(targets);
        assertThat(s.model.config().vocab()).containsExactly("-", "a", "b");

        assertThatThrownBy(() -> s.editText("b-------")).isInstanceOf(SequenceText.Problem.class)
                .extracting(e -> ((SequenceText.Problem) e).key).isEqualTo("seq.error.fileLength");
        assertThat(s.sequence.length()).isEqualTo(9);
    }

    @Test
    void aTextStaysText() throws Exception {
        EngineSession s = new EngineSession();
        s.buildForText(GRU, "hello");
        s.editText("hellp");
        // next-character targets: 4 steps, the target of each is the following character
        assertThat(s.sequence.length()).isEqualTo(4);
        assertThat(SequenceText.keepsItsTargets(s.sequence)).isFalse();
        s.editText("hel");
        assertThat(s.sequence.length()).isEqualTo(2);
    }
}
