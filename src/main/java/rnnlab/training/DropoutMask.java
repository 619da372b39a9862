package rnnlab.training;

/**
 * A snapshot of the dropout masks one training step used (of the last sequence of its batch), for the
 * views to mark the dropped units. Made on the training thread; never changed afterwards, so any thread
 * may read it.
 *
 * @param step    the optimisation step whose masks these are (1-based)
 * @param p       the dropout probability
 * @param length  time steps of the training window
 * @param width   units per time step of a layer's output (hidden size × directions)
 * @param dropped per layer, {@code dropped[l][t * width + u]} is true where unit u's output at time t was
 *                zeroed; {@code dropped[l]} is null for a layer whose output is not dropped (the top layer
 *                without dropout before the head)
 */
public record DropoutMask(long step, double p, int length, int width, boolean[][] dropped) {
    /** Whether layer {@code l}'s output is dropped at all. */
    public boolean drops(int l) {
        return l >= 0 && l < dropped.length && dropped[l] != null;
    }

    /** Whether unit u of layer l was dropped at time t (false outside the window or for an undropped layer). */
    public boolean dropped(int l, int t, int u) {
        return drops(l) && t >= 0 && t < length && u >= 0 && u < width && dropped[l][t * width + u];
    }

    /** Layer l's mask as [t][unit] (null for an undropped layer). */
    public boolean[][] layer(int l) {
        if (!drops(l)) {
            return null;
        }
        boolean[][] m = new boolean[length][width];
        for (int t = 0; t < length; t++) {
            System.arraycopy(dropped[l], t * width, m[t], 0, width);
        }
        return m;
    }

    /** The share of layer l's outputs that were dropped (NaN for an undropped layer). */
    public double droppedShare(int l) {
        if (!drops(l)) {
            return Double.NaN;
        }
        int n = 0;
        for (boolean b : dropped[l]) {
            n += b ? 1 : 0;
        }
        return (double) n / dropped[l].length;
    }
}
