package rnnlab.ui.viewmodel;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import rnnlab.engine.gradcheck.GradientCheck;
import rnnlab.i18n.Messages;
import rnnlab.session.GradientProbe;

/**
 * The gradient-check window's command: on the engine thread (which owns the model), BPTT's gradient of one
 * weight beside the numeric one ({@link GradientProbe}); the answer comes back on the FX thread.
 */
public final class GradientCheckCommand {
    /**
     * What the window shows: the model's parameters, and either the check or why there is none (a sequence
     * without targets has no loss to differentiate).
     */
    public record Outcome(List<GradientProbe.Parameter> parameters, String parameter, int index, double analytic,
                          double numeric, double relativeError, boolean passed, String problem) {
        static Outcome of(List<GradientProbe.Parameter> ps, GradientCheck.Single c) {
            return new Outcome(ps, c.parameter(), c.index(), c.analytic(), c.numeric(), c.relativeError(), c.passed(),
                    null);
        }

        static Outcome refused(List<GradientProbe.Parameter> ps, String problem) {
            return new Outcome(ps, null, -1, Double.NaN, Double.NaN, Double.NaN, false, problem);
        }

        /** Whether the numeric side could be computed (a ReLU kink within ε leaves nothing to compare). */
        public boolean kink() {
            return problem == null && Double.isNaN(numeric);
        }
    }

    private final EngineSide side;

    public GradientCheckCommand(RunViewModel vm) {
        this.side = vm.engineSide();
    }

    /** Checks {@code parameter[index]}; a null parameter picks the recurrent weight with the largest gradient. */
    public void run(String parameter, int index, Consumer<Outcome> done) {
        side.engine().quick(() -> {
            List<GradientProbe.Parameter> ps = GradientProbe.parameters(side.session().model);
            Outcome o;
            if (!side.session().sequence.hasLoss()) {
                o = Outcome.refused(ps, Messages.get("gradcheck.noLoss"));
            } else {
                o = Outcome.of(ps, GradientProbe.check(side.session(), parameter, index));
            }
            Platform.runLater(() -> done.accept(o));
        });
    }
}
