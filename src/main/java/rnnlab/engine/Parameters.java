package rnnlab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Named matrices in state_dict order: a model's weights, or gradients of the same shapes. Biases are
 * column vectors (n × 1). The map is fixed at construction; only the numbers change.
 */
public final class Parameters {
    private final Map<String, DMatrixRMaj> byName;

    private Parameters(Map<String, DMatrixRMaj> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** All zeros, shaped for the given architecture. */
    public static Parameters zeros(ModelConfig config) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (ModelConfig.ParamShape s : config.parameterShapes()) {
            m.put(s.name(), new DMatrixRMaj(s.rows(), s.isVector() ? 1 : s.cols()));
        }
        return new Parameters(m);
    }

    /** Zeros of the given shapes, in order (for models other than a single network). */
    public static Parameters zeros(java.util.List<ModelConfig.ParamShape> shapes) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (ModelConfig.ParamShape s : shapes) {
            m.put(s.name(), new DMatrixRMaj(s.rows(), s.isVector() ? 1 : s.cols()));
        }
        return new Parameters(m);
    }

    /** The given matrices (held, not copied) under the given names, in order. */
    static Parameters wrap(Map<String, DMatrixRMaj> byName) {
        return new Parameters(new LinkedHashMap<>(byName));
    }

    public DMatrixRMaj get(String name) {
        DMatrixRMaj m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return m;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Map<String, DMatrixRMaj> asMap() {
        return byName;
    }

    /** A deep copy. */
    public Parameters copy() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        byName.forEach((k, v) -> m.put(k, v.copy()));
        return new Parameters(m);
    }

    /** Copies every number of {@code other} (same names and shapes) into this. */
    public void setFrom(Parameters other) {
        byName.forEach((k, v) -> v.setTo(other.get(k)));
    }

    public void zero() {
        byName.values().forEach(DMatrixRMaj::zero);
    }

    /** Number of scalars across all matrices. */
    public int size() {
        int n = 0;
        for (DMatrixRMaj m : byName.values()) {
            n += m.getNumElements();
        }
        return n;
    }

    /** √(Σ θ²) over every number. */
    public double globalNorm() {
        double s = 0;
        for (DMatrixRMaj m : byName.values()) {
            double[] d = m.data;
            for (int i = 0, n = m.getNumElements(); i < n; i++) {
                s += d[i] * d[i];
            }
        }
        return Math.sqrt(s);
    }

    /** True when every number is finite. */
    public boolean allFinite() {
        for (DMatrixRMaj m : byName.values()) {
            double[] d = m.data;
            for (int i = 0, n = m.getNumElements(); i < n; i++) {
                if (!Double.isFinite(d[i])) {
                    return false;
                }
            }
        }
        return true;
    }
}
