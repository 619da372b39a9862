package rnnlab.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one pulse of {@code bench-ui} cost, read at its start on the FX thread: the CPU the FX thread and the
 * renderer had used so far, the garbage collections and their time so far, and how many step commands had been
 * given. Two pulses in a row give what happened in the frame between them, so a long frame (> 25 ms) can be told
 * apart: the FX thread's own work, the renderer's, a GC pause, or none of them (the process waited for the CPU).
 */
record PulseCost(long fxCpu, long rendererCpu, long gcCount, long gcMs, int commands, long uptimeMs, long[] paints,
                 String painted) {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> GCS = ManagementFactory.getGarbageCollectorMXBeans();
    private static long rendererId = -1;

    /** The counters now (FX thread). */
    static PulseCost now(int commands) {
        if (rendererId < 0) {
            rendererId = renderer();
        }
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean gc : GCS) {
            // G1's concurrent cycle is counted apart; its pauses (remark, cleanup) are short and show in its time
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        long[] paints = new long[4];
        rnnlab.ui.controls.LabCanvasSkin.paintCounts(paints);
        return new PulseCost(MX.getCurrentThreadCpuTime(), rendererId > 0 ? MX.getThreadCpuTime(rendererId) : 0, count, ms,
                commands, ManagementFactory.getRuntimeMXBean().getUptime(), paints,
                rnnlab.ui.controls.LabCanvasSkin.paintedViews());
    }

    private static long renderer() {
        for (ThreadInfo ti : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith("QuantumRenderer")) {
                return ti.getThreadId();
            }
        }
        return 0;
    }

    /**
     * The frames over 25 ms against all frames: how many had a GC in them, a step command, the FX thread's and the
     * renderer's CPU in them; with {@code -Drnnlab.bench.longFrames=true}, each long frame with its JVM uptime (to
     * compare with {@code -Xlog:gc*:…:uptime}).
     */
    static String longFrames(List<Long> pulses, List<PulseCost> costs) {
        int n = Math.min(pulses.size(), costs.size());
        List<double[]> longOnes = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        // frames since the step's own (0: the frame in which a step command was given)
        int[] byPhase = new int[13];
        // frames over 18 ms (the p95 target) by phase: whether the tail comes from a step's work or from every frame
        int[] slowByPhase = new int[byPhase.length];
        double[][] cpuByPhase = new double[3][byPhase.length];
        int phase = byPhase.length - 1;
        for (int i = 1; i < n; i++) {
            PulseCost a = costs.get(i - 1);
            PulseCost b = costs.get(i);
            double ms = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
            double[] f = {ms, (b.fxCpu - a.fxCpu) / 1e6, (b.rendererCpu - a.rendererCpu) / 1e6, b.gcCount - a.gcCount,
                    b.gcMs - a.gcMs, b.commands != a.commands ? 1 : 0};
            all.add(f);
            phase = f[5] > 0 ? 0 : Math.min(byPhase.length - 1, phase + 1);
            cpuByPhase[0][phase]++;
            cpuByPhase[1][phase] += f[1];
            cpuByPhase[2][phase] += f[2];
            if (ms > 18) {
                slowByPhase[phase]++;
            }
            if (ms > 25) {
                longOnes.add(f);
                if (f[3] == 0) {
                    byPhase[phase]++;
                }
                list.append(String.format(Locale.ROOT, "  long frame at uptime %d ms: %.1f ms, FX %.1f, renderer %.1f, GCs %d (%d ms)%s, "
                                + "frame %d after the step's; painted in it:%s; in the frame before:%s%n",
                        a.uptimeMs, ms, f[1], f[2], (long) f[3], (long) f[4], f[5] > 0 ? ", a step's pulse" : "", phase, b.painted,
                        a.painted));
            }
        }
        long gcsAll = all.stream().filter(f -> f[3] > 0).count();
        long gcsLong = longOnes.stream().filter(f -> f[3] > 0).count();
        long stepLong = longOnes.stream().filter(f -> f[5] > 0).count();
        long stepAll = all.stream().filter(f -> f[5] > 0).count();
        String s = String.format(Locale.ROOT,
                "long frames (> 25 ms): %d; with a GC in them %d (frames with a GC: %d of %d, GC time %.0f ms in all); "
                        + "a step's own pulse %d (of %d such frames); FX thread CPU in them p50 %.1f max %.1f ms (all frames p50 %.1f, "
                        + "p95 %.1f); renderer CPU in them p50 %.1f max %.1f ms (all frames p50 %.1f, p95 %.1f)%n",
                longOnes.size(), gcsLong, gcsAll, all.size(), all.stream().mapToDouble(f -> f[4]).sum(), stepLong, stepAll,
                pct(longOnes, 1, 50), pct(longOnes, 1, 100), pct(all, 1, 50), pct(all, 1, 95),
                pct(longOnes, 2, 50), pct(longOnes, 2, 100), pct(all, 2, 50), pct(all, 2, 95));
        StringBuilder phases = new StringBuilder("long frames without a GC by frames after the step's own (0: its own):");
        for (int k = 0; k < byPhase.length; k++) {
            if (byPhase[k] > 0) {
                phases.append(' ').append(k == byPhase.length - 1 ? k + "+" : k).append(": ").append(byPhase[k]).append(',');
            }
        }
        s += phases.append('\n');
        StringBuilder cpu = new StringBuilder("mean CPU ms (FX / renderer) by frames after the step's own:");
        for (int k = 0; k < byPhase.length; k++) {
            if (cpuByPhase[0][k] > 0) {
                cpu.append(String.format(Locale.ROOT, " %s: %.1f / %.1f,", k == byPhase.length - 1 ? k + "+" : k,
                        cpuByPhase[1][k] / cpuByPhase[0][k], cpuByPhase[2][k] / cpuByPhase[0][k]));
            }
        }
        s += cpu.append('\n');
        StringBuilder slow = new StringBuilder("frames over 18 ms (share of that phase's frames) by frames after the step's own:");
        for (int k = 0; k < byPhase.length; k++) {
            if (cpuByPhase[0][k] > 0) {
                slow.append(String.format(Locale.ROOT, " %s: %d (%.1f %%),", k == byPhase.length - 1 ? k + "+" : k,
                        slowByPhase[k], 100.0 * slowByPhase[k] / cpuByPhase[0][k]));
            }
        }
        s += slow.append('\n');
        if (n > 1 && stepAll > 0) {
            long[] p0 = costs.get(0).paints;
            long[] p1 = costs.get(n - 1).paints;
            s += String.format(Locale.ROOT, "canvas paints per step: full %.2f (%.3f Mpx), animated parts alone %.2f (%.3f Mpx)%n",
                    (double) (p1[0] - p0[0]) / stepAll, (p1[1] - p0[1]) / 1e6 / stepAll, (double) (p1[2] - p0[2]) / stepAll,
                    (p1[3] - p0[3]) / 1e6 / stepAll);
        }
        return Boolean.getBoolean("rnnlab.bench.longFrames") ? s + list : s;
    }

    /**
     * Bytes allocated so far by every live thread, by name (threads of one pool summed): what makes the young
     * collections come, and so their pauses. Empty where the JVM does not count it.
     */
    static java.util.Map<String, Long> allocated() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        if (!(MX instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()) {
            return out;
        }
        long[] ids = MX.getAllThreadIds();
        long[] bytes = sun.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = MX.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] > 0) {
                out.merge(infos[i].getThreadName().replaceAll("-\\d+$", ""), bytes[i], Long::sum);
            }
        }
        return out;
    }

    /** "MB allocated per step by thread: …" for the threads that allocated at least 0.05 MB a step. */
    static String allocatedReport(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int steps) {
        StringBuilder sb = new StringBuilder("MB allocated per step by thread:");
        double total = 0;
        for (var e : after.entrySet()) {
            double mb = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / Math.max(1, steps);
            total += mb;
            if (mb >= 0.05) {
                sb.append(String.format(Locale.ROOT, " %s %.2f,", e.getKey(), mb));
            }
        }
        sb.append(String.format(Locale.ROOT, " all threads %.2f", total));
        return sb.toString();
    }

    private static double pct(List<double[]> rows, int col, double p) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        double[] v = rows.stream().mapToDouble(r -> r[col]).toArray();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }
}
