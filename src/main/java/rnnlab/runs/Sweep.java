package rnnlab.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rnnlab.training.TrainConfig;
import rnnlab.training.optim.LrSchedule;
import rnnlab.training.optim.Regularisation;

/**
 * A grid over a few hyperparameters: {@code dropout=0,0.2,0.5} and {@code hidden=32,128} give six
 * points. Each point is applied to a base configuration ({@link #apply}).
 */
public final class Sweep {
    /** The hyperparameters a sweep can vary. */
    public static final List<String> NAMES = List.of("dropout", "weight_decay", "hidden", "layers", "lr", "steps",
            "batch", "warmup", "seed");
    /** At most this many points (a sweep is run on two cores). */
    public static final int MAX_POINTS = 1000;

    private final Map<String, List<Double>> axes = new LinkedHashMap<>();

    /** Parses {@code name=v1,v2,…} specs (weight-decay is accepted for weight_decay). */
    public static Sweep parse(List<String> specs) {
        Sweep s = new Sweep();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String name = (eq < 0 ? spec : spec.substring(0, eq)).trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (eq < 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("--sweep expects NAME=V1,V2,… with NAME one of "
                        + String.join(", ", NAMES) + ", got '" + spec + "'");
            }
            if (s.axes.containsKey(name)) {
                throw new IllegalArgumentException("--sweep gives " + name + " twice");
            }
            List<Double> vs = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",")) {
                try {
                    double d = Double.parseDouble(v.trim());
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    vs.add(d);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--sweep " + name + ": '" + v.trim() + "' is not a number");
                }
            }
            s.axes.put(name, List.copyOf(vs));
        }
        if (s.points().size() > MAX_POINTS) {
            throw new IllegalArgumentException("--sweep: " + s.points().size() + " points; at most " + MAX_POINTS);
        }
        return s;
    }

    public Map<String, List<Double>> axes() {
        return java.util.Collections.unmodifiableMap(axes);
    }

    /** Every point of the grid (the first axis varies slowest); one empty point when there are no axes. */
    public List<Map<String, Double>> points() {
        List<Map<String, Double>> pts = new ArrayList<>();
        pts.add(new LinkedHashMap<>());
        for (var axis : axes.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> p : pts) {
                for (double v : axis.getValue()) {
                    Map<String, Double> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            pts = next;
        }
        return pts;
    }

    /** {@code base} with one point's values (sizes must be whole numbers). */
    public static TrainConfig apply(TrainConfig base, Map<String, Double> point) {
        TrainConfig c = base;
        for (var e : point.entrySet()) {
            double v = e.getValue();
            Regularisation r = c.regularisation();
            c = switch (e.getKey()) {
                case "dropout" -> c.withRegularisation(new Regularisation(v, v > 0, r.weightDecay(), r.decoupled()));
                case "weight_decay" -> c.withRegularisation(new Regularisation(r.dropout(), r.outputDropout(), v,
                        r.decoupled()));
                case "hidden" -> c.withHidden(whole(e.getKey(), v));
                case "layers" -> c.withLayers(whole(e.getKey(), v));
                case "lr" -> c.withOptimizer(c.optimizer(), v);
                case "steps" -> c.withSteps(whole(e.getKey(), v));
                case "batch" -> c.withBatch(whole(e.getKey(), v));
                case "seed" -> c.withSeed(whole(e.getKey(), v));
                case "warmup" -> c.withSchedule(new LrSchedule(c.schedule().kind(), whole(e.getKey(), v),
                        c.schedule().stepSize(), c.schedule().gamma(), c.schedule().minLr()));
                default -> throw new IllegalArgumentException("cannot sweep " + e.getKey());
            };
        }
        return c;
    }

    private static int whole(String name, double v) {
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--sweep " + name + " needs whole numbers, got " + v);
        }
        return (int) v;
    }
}
