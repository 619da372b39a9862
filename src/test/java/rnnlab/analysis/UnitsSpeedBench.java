package rnnlab.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.training.tasks.CharLmTask;

/**
 * Not a test: the forward pass and unit search of {@code units} over 20,000 characters with a random H = 256
 * 2-layer LSTM, the engine's step-by-step {@code Run} ("before") and {@link FastLstm} ("after") alternated
 * round by round in one process, wall and CPU time each. Run from the project folder with the test class path:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) rnnlab.analysis.UnitsSpeedBench [ROUNDS]}.
 */
public final class UnitsSpeedBench {
    private UnitsSpeedBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String all = Files.readString(Path.of("assets", "corpora", "rnnlab-java.txt"));
        String src = all.substring(0, 20_000);
        StringBuilder symbols = new StringBuilder();
        CharLmTask task = new CharLmTask(all, 25, false);
        for (String s : task.vocab().symbols()) {
            if (s.codePointCount(0, s.length()) == 1 && !s.equals(CharText.OTHER)) {
                symbols.append(s);
            }
        }
        Model m = AnalysisFixtures.model(CellType.LSTM, symbols.toString(), 256, 2, false, 1);
        CharText ct = CharText.encode(src, m.config());
        TextPattern p = TextPattern.parse("inside-quotes");
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "units: random LSTM H=256, 2 layers, %d characters of rnnlab-java.txt, inside-quotes, "
                + "%d rounds alternated; load average at start %.2f%n", ct.length(), rounds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Activations[] last = new Activations[2];
        for (int r = 1; r <= rounds; r++) {
            for (boolean fast : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                Activations a = Activations.of(m, ct, () -> false, k -> { }, fast);
                long t1 = System.nanoTime();
                var hits = UnitSearch.rank(a, p.signal(ct.codePoints()), 3);
                long t2 = System.nanoTime();
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                last[fast ? 1 : 0] = a;
                System.out.printf(Locale.ROOT, "round %d %-6s forward %.2f s, search %.3f s, total %.2f s wall, %.2f s CPU; "
                                + "best unit %s corr %.3f; load %.2f%n", r, fast ? "after" : "before", (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, (t2 - t0) / 1e9, cpu, hits.get(0).unit().key(), hits.get(0).corr(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
        differences("random H=256", last[0], last[1]);
        // is that the model or the float path? the engine itself, with one weight changed by one part in 10^12
        Model nudged = m.copy();
        org.ejml.data.DMatrixRMaj w = nudged.params().get(rnnlab.engine.ModelConfig.weightHh(0, 0));
        w.data[0] *= 1 + 1e-12;
        differences("random H=256, the engine against itself with W_hh[0][0] changed by 1e-12 relative", last[0],
                Activations.of(nudged, ct, () -> false, k -> { }, false));
        // the shipped code LSTM over a Java file it was not trained on: the ranking units gives
        Model code = rnnlab.io.imports.ModelFiles.read(Path.of("assets", "models", "code-lstm.model.json"))
                .modelFor(rnnlab.engine.LossType.CROSS_ENTROPY);
        CharText held = CharText.encode(Files.readString(Path.of("src", "test", "java", "rnnlab", "analysis",
                "UnitSearchTest.java")), code.config());
        Activations eb = Activations.of(code, held, () -> false, k -> { }, false);
        Activations fa = Activations.of(code, held, () -> false, k -> { }, true);
        differences("code-lstm (H=128) over UnitSearchTest.java", eb, fa);
        double[] sig = p.signal(held.codePoints());
        System.out.println("code-lstm inside-quotes top 5, before: " + UnitSearch.rank(eb, sig, 5));
        System.out.println("code-lstm inside-quotes top 5, after:  " + UnitSearch.rank(fa, sig, 5));
    }

    /** The largest difference of h (absolute) and of c (absolute, and the largest |c| for scale). */
    private static void differences(String what, Activations a, Activations b) {
        double dh = 0;
        double dc = 0;
        double cmax = 0;
        for (int k = 0; k < a.units().size(); k++) {
            boolean c = a.units().get(k).cellState();
            float[] x = a.trace(k);
            float[] y = b.trace(k);
            for (int i = 0; i < x.length; i++) {
                double d = Math.abs(x[i] - y[i]);
                if (c) {
                    dc = Math.max(dc, d);
                    cmax = Math.max(cmax, Math.abs(x[i]));
                } else {
                    dh = Math.max(dh, d);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: before vs after, largest |Δh| %.2e, largest |Δc| %.2e (largest |c| %.1f)%n",
                what, dh, dc, cmax);
    }
}
