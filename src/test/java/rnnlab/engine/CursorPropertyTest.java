package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;

/**
 * Moving the cursors forward and backward in any interleaving ends with exactly (bit for bit) the
 * numbers of a straight run to the same position.
 */
class CursorPropertyTest {

    /** One cursor move: kind 0..4 and an argument in [0, 1). */
    record Move(int kind, double where) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Move> one = Arbitraries.integers().between(0, 5)
                .flatMap(k -> Arbitraries.doubles().between(0, 0.999).ofScale(3).map(w -> new Move(k, w)));
        return one.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void anyInterleavingGivesTheStraightRunsNumbers(@ForAll @LongRange(min = 1, max = 5000) long seed,
                                                    @ForAll("moves") List<Move> moves) {
        RandomModels.Case c = RandomModels.random(seed);
        Run wandering = new Run(c.model(), c.seq().length());
        wandering.load(c.seq());
        int total = wandering.timelineLength();
        for (Move m : moves) {
            int target = (int) (m.where() * (total + 1));
            switch (m.kind()) {
                case 0 -> wandering.stepForward();
                case 1 -> wandering.stepBackward();
                case 2 -> wandering.seekForward(Math.min(target, wandering.schedule().size()));
                case 3 -> wandering.seekBackward(Math.min(target, wandering.schedule().size()));
                case 4 -> wandering.seek(target);
                default -> wandering.seek(Math.max(0, wandering.position() - 1));
            }
        }
        int pos = wandering.position();
        Run straight = new Run(c.model(), c.seq().length());
        straight.load(c.seq());
        straight.seek(pos);
        assertSame(straight, wandering, c.description() + " at " + pos);

        // And finishing the wandering run gives the full pass's numbers.
        wandering.seek(total);
        Run full = new Run(c.model(), c.seq().length());
        full.load(c.seq());
        if (c.seq().hasLoss()) {
            full.forwardBackward();
        }
        assertSame(full, wandering, c.description() + " full");
    }

    static void assertSame(Run expected, Run got, String what) {
        assertThat(got.position()).as(what).isEqualTo(expected.position());
        assertThat(Double.doubleToRawLongBits(got.loss())).as(what + " loss").isEqualTo(Double.doubleToRawLongBits(expected.loss()));
        ModelConfig cfg = expected.model().config();
        int len = expected.length();
        for (int t = 0; t < len; t++) {
            if (expected.outputDone(t)) {
                for (int j = 0; j < cfg.outputWidth(); j++) {
                    assertThat(got.outputs().get(t, j)).as(what + " y").isEqualTo(expected.outputs().get(t, j));
                }
            }
        }
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                LayerState a = expected.layer(l, d);
                LayerState b = got.layer(l, d);
                for (int t = 0; t < len; t++) {
                    for (int u = 0; u < cfg.hiddenSize(); u++) {
                        if (expected.forwardComplete() || expected.outputDone(t)) {
                            assertThat(b.hidden(t, u)).as(what + " h").isEqualTo(a.hidden(t, u));
                        }
                        if (expected.backwardComplete()) {
                            assertThat(b.gradHidden(t, u)).as(what + " dh").isEqualTo(a.gradHidden(t, u));
                        }
                    }
                }
            }
        }
        for (String name : expected.model().params().names()) {
            DMatrixRMaj e = expected.gradients().get(name);
            DMatrixRMaj g = got.gradients().get(name);
            for (int i = 0; i < e.getNumElements(); i++) {
                assertThat(Double.doubleToRawLongBits(g.data[i])).as(what + " " + name + "[" + i + "]")
                        .isEqualTo(Double.doubleToRawLongBits(e.data[i]));
            }
        }
    }
}
