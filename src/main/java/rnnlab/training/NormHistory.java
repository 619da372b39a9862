package rnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Parameters;

/**
 * The Frobenius norm ‖W‖_F of every weight matrix of a model over the steps of a training run (the weights
 * view draws it, so that weight decay is seen shrinking W_hh): the state_dict names of the matrices, the
 * steps at which the norms were taken and, per matrix, its norm at each of those steps. Immutable; at most
 * {@link #MAX_POINTS} points (a longer run keeps every other point, always the first and the latest).
 *
 * @param names  state_dict names of the weight matrices (biases left out), in state_dict order
 * @param steps  training steps, increasing
 * @param norms  [matrix][point]: ‖W‖_F of names[matrix] after steps[point]
 * @param ended  whether the run has ended (its last point is then the model training handed over at the end)
 */
public record NormHistory(List<String> names, double[] steps, double[][] norms, boolean ended) {
    /** Points kept at most. */
    public static final int MAX_POINTS = 1000;

    public NormHistory {
        names = List.copyOf(names);
    }

    /** The weight matrices of a model: state_dict names with "weight" in them, biases (n × 1) left out. */
    public static List<String> weightNames(Parameters p) {
        List<String> out = new ArrayList<>();
        p.asMap().forEach((name, m) -> {
            if (name.contains("weight") && m.numCols > 1 && m.numRows > 0) {
                out.add(name);
            }
        });
        return out;
    }

    /** ‖W‖_F of each of {@code names} in {@code p}, now. Call where the model may be read (the training thread). */
    public static double[] norms(Parameters p, List<String> names) {
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            DMatrixRMaj m = p.get(names.get(i));
            double s = 0;
            for (int k = 0, n = m.getNumElements(); k < n; k++) {
                s += m.data[k] * m.data[k];
            }
            out[i] = Math.sqrt(s);
        }
        return out;
    }

    /** An empty history of these matrices. */
    public static NormHistory empty(List<String> names) {
        return new NormHistory(names, new double[0], new double[names.size()][0], false);
    }

    public int size() {
        return steps.length;
    }

    /** The history of the matrix named {@code name} (null: not in it). */
    public double[] of(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : norms[i];
    }

    /**
     * This history with points added: {@code atSteps[j]}, {@code values[j]} (one norm per matrix), thinned to
     * {@link #MAX_POINTS}; {@code end}: the run has ended.
     */
    public NormHistory with(double[] atSteps, List<double[]> values, boolean end) {
        int n = steps.length + atSteps.length;
        double[] s = Arrays.copyOf(steps, n);
        System.arraycopy(atSteps, 0, s, steps.length, atSteps.length);
        double[][] v = new double[names.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = Arrays.copyOf(norms[i], n);
            for (int j = 0; j < atSteps.length; j++) {
                v[i][steps.length + j] = values.get(j)[i];
            }
        }
        while (s.length > MAX_POINTS) {
            s = thin(s);
            for (int i = 0; i < v.length; i++) {
                v[i] = thin(v[i]);
            }
        }
        return new NormHistory(names, s, v, end);
    }

    /** Every other point, keeping the first and the last. */
    private static double[] thin(double[] a) {
        int m = (a.length + 1) / 2;
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            out[k] = a[2 * k];
        }
        out[m - 1] = a[a.length - 1];
        return out;
    }
}
