package rnnlab.ui.controls;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Skin;

/**
 * Weight matrices as heatmaps (diverging palette, scaled to the matrix's largest |w|) with their
 * gradients beside them (gradient palette, log magnitude), and the eigenvalues of a recurrent block as
 * points in the complex plane against the unit circle. Matrices and blocks are chosen in the view; a
 * line under the heatmaps gives the Frobenius norm of every matrix (all of them, not only the one shown), and
 * under it, after a training run, small line charts of those norms over the run's steps (left out in a tile
 * too small for them).
 */
public class WeightMatrices extends LabCanvasControl {
    /**
     * One matrix: its label (may use _subscripts), values and gradient [row][col], the gate name
     * of each block of rows (empty: one block), a short symbol for the norms line (W_ih, W_{hh,2} …) and
     * its Frobenius norm ‖W‖_F (shown for every matrix under the heatmaps, so weight decay is seen shrinking them).
     */
    public record Matrix(String label, double[][] values, double[][] grad, String[] rowBlocks, String symbol,
                         double norm) {
    }

    /**
     * ‖W‖_F of matrix number {@code matrix} (an index into {@link #matricesProperty()}) over a training run:
     * at {@code steps}, the values {@code norms}.
     */
    public record NormTrace(int matrix, double[] steps, double[] norms) {
    }

    /** The eigenvalues of one square block; {@code gate} picks the dot colour (null: neutral). */
    public record Eigen(String label, String gate, double[] re, double[] im, double radius) {
    }

    private final ObjectProperty<List<Matrix>> matrices = new SimpleObjectProperty<>(this, "matrices", List.of());
    private final IntegerProperty selectedMatrix = new SimpleIntegerProperty(this, "selectedMatrix", 0);
    private final ObjectProperty<List<Eigen>> spectra = new SimpleObjectProperty<>(this, "spectra", List.of());
    private final IntegerProperty selectedSpectrum = new SimpleIntegerProperty(this, "selectedSpectrum", 0);
    private final ObjectProperty<List<NormTrace>> normHistory = new SimpleObjectProperty<>(this, "normHistory", List.of());

    public WeightMatrices() {
        super("weight-matrices");
        setId("view.weights");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new WeightMatricesSkin(this);
    }

    public ObjectProperty<List<Matrix>> matricesProperty() {
        return matrices;
    }

    public List<Matrix> getMatrices() {
        return matrices.get();
    }

    public IntegerProperty selectedMatrixProperty() {
        return selectedMatrix;
    }

    public ObjectProperty<List<Eigen>> spectraProperty() {
        return spectra;
    }

    public List<Eigen> getSpectra() {
        return spectra.get();
    }

    public IntegerProperty selectedSpectrumProperty() {
        return selectedSpectrum;
    }

    /** The norms of the matrices over the last training run (empty: none to show). */
    public ObjectProperty<List<NormTrace>> normHistoryProperty() {
        return normHistory;
    }

    public List<NormTrace> getNormHistory() {
        List<NormTrace> h = normHistory.get();
        return h == null ? List.of() : h;
    }

    /** The selected matrix, or null. */
    public Matrix matrix() {
        List<Matrix> m = getMatrices();
        int k = selectedMatrix.get();
        return m == null || k < 0 || k >= m.size() ? null : m.get(k);
    }

    /** The selected spectrum, or null. */
    public Eigen eigen() {
        List<Eigen> e = getSpectra();
        int k = selectedSpectrum.get();
        return e == null || k < 0 || k >= e.size() ? null : e.get(k);
    }
}
