package rnnlab.tex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXFormula;

/** The sandbox: the policy before any parsing, and a time budget the caller never waits beyond. */
class TexSandboxTest {

    @Test
    void aRefusedFormulaIsNeverParsed() {
        AtomicInteger parsed = new AtomicInteger();
        TexSandbox box = new TexSandbox(Duration.ofSeconds(5), s -> {
            parsed.incrementAndGet();
            return new TeXFormula(s);
        });
        TexSandbox.Outcome<TeXFormula> o = box.typeset("\\newcommand{\\a}{\\a x}\\a", f -> f);
        assertThat(o.ok()).isFalse();
        assertThat(o.refusal().kind()).isEqualTo(TexRefusal.Kind.DEFINES_MACROS);
        assertThat(box.typeset("\\includegraphics{http://127.0.0.1:8765/tex.png}", f -> f).refusal().kind())
                .isEqualTo(TexRefusal.Kind.LOADS_FILES);
        assertThat(parsed).hasValue(0);
        // an allowed one is parsed and laid out
        TexSandbox.Outcome<Integer> w = box.typeset("\\frac{a}{b}", f -> f.createTeXIcon(0, 20).getIconWidth());
        assertThat(w.ok()).isTrue();
        assertThat(w.value()).isGreaterThan(5);
        assertThat(parsed).hasValue(1);
        // a source jlatexmath cannot parse is an error, not a refusal (callers show it as text)
        TexSandbox.Outcome<TeXFormula> bad = box.typeset("\\left( x", f -> f);
        assertThat(bad.refusal()).isNull();
        assertThat(bad.error()).isNotNull();
    }

    @Test
    void aFormulaThatNeverEndsIsAbandonedAfterTheBudgetAndStuckWorkersStopNewOnes() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        TexSandbox box = new TexSandbox(Duration.ofMillis(200), s -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return new TeXFormula("x");
        });
        // jlatexmath loads its fonts once (seconds on a busy machine): not part of this budget
        assertThat(TexSandbox.shared().typeset("x", f -> f).ok()).isTrue();
        try {
            long t0 = System.nanoTime();
            TexSandbox.Outcome<TeXFormula> o = box.typeset("x", f -> f);
            double waited = (System.nanoTime() - t0) / 1e9;
            assertThat(o.refusal().kind()).isEqualTo(TexRefusal.Kind.TIMED_OUT);
            assertThat(o.refusal().message()).isEqualTo("a formula took longer than 0.2 s to typeset");
            assertThat(waited).isLessThan(3.0);
            assertThat(box.stuck()).isEqualTo(1);
            assertThat(box.typeset("y", f -> f).refusal().kind()).isEqualTo(TexRefusal.Kind.TIMED_OUT);
            assertThat(box.stuck()).isEqualTo(TexSandbox.MAX_STUCK);
            // with two workers stuck, the next formula is refused at once instead of starting a third
            t0 = System.nanoTime();
            assertThat(box.typeset("z", f -> f).refusal().kind()).isEqualTo(TexRefusal.Kind.TIMED_OUT);
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(0.15);
        } finally {
            release.set(true);
        }
        // once they end after all, their places are free again
        long until = System.nanoTime() + 5_000_000_000L;
        while (box.stuck() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(box.stuck()).isZero();
    }
}
