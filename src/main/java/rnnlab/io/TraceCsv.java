package rnnlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rnnlab.engine.CellType;
import rnnlab.engine.LayerState;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;

/**
 * A run's trace as a table for spreadsheets: one row per layer, direction, step and hidden unit. The
 * first row names the columns:
 * <pre>
 * layer,direction,step,unit,h,c,gate_i,gate_f,gate_g,gate_o,grad_h,grad_c
 * </pre>
 * layer, step and unit count from 1 (as on screen); direction is 0 (forward) or 1 (reverse); h is the
 * hidden state, c the cell state (LSTM; empty otherwise), gate_* the gates after their activation
 * (LSTM i f g o, GRU r z n, none for the vanilla RNN), grad_h = dL/dh and grad_c = dL/dc (empty
 * without a loss, or for c without a cell state). Numbers are written in full precision.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    /** The header row for a cell type. */
    public static String header(CellType cell) {
        return String.join(",", columns(cell));
    }

    static List<String> columns(CellType cell) {
        List<String> c = new ArrayList<>(List.of("layer", "direction", "step", "unit", "h", "c"));
        for (String g : cell.gateNames()) {
            c.add("gate_" + g);
        }
        c.add("grad_h");
        c.add("grad_c");
        return c;
    }

    /** Completes the run's forward pass (and BPTT when the sequence has a loss), then tabulates it. */
    public static String toCsv(Run run) {
        boolean loss = run.sequence().hasLoss();
        if (loss) {
            run.forwardBackward();
        } else {
            run.forward();
        }
        ModelConfig cfg = run.model().config();
        CellType cell = cfg.cell();
        int gates = cell.gateNames().length;
        return Csv.table(columns(cell), rows -> {
            Object[] v = new Object[8 + gates];
            for (int l = 0; l < cfg.numLayers(); l++) {
                for (int d = 0; d < cfg.directions(); d++) {
                    LayerState s = run.layer(l, d);
                    for (int t = 0; t < run.length(); t++) {
                        for (int u = 0; u < cfg.hiddenSize(); u++) {
                            v[0] = l + 1;
                            v[1] = d;
                            v[2] = t + 1;
                            v[3] = u + 1;
                            v[4] = s.hidden(t, u);
                            v[5] = cell.hasCellState() ? s.cell(t, u) : null;
                            for (int g = 0; g < gates; g++) {
                                v[6 + g] = s.gate(t, g, u);
                            }
                            v[6 + gates] = loss ? s.gradHidden(t, u) : null;
                            v[7 + gates] = loss && cell.hasCellState() ? s.gradCell(t, u) : null;
                            rows.row(v);
                        }
                    }
                }
            }
        });
    }

    /** Writes the table next to {@code file} first, then moves it in place, so a failure leaves no half file. */
    public static void write(Run run, Path file) throws IOException {
        writeAtomically(toCsv(run), file);
    }

    static void writeAtomically(String text, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir)); // as before: no folders created
        }
        Formats.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
