package rnnlab.ui.views;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;
import rnnlab.engine.CellType;
import rnnlab.engine.Run;
import rnnlab.ui.formula.FormulaComposer;
import rnnlab.ui.formula.FormulaPanel.Formula;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/**
 * Not a test: prints the typesetting CPU time per step of the equations panel as bench-ui plays it
 * (LSTM H = 128, T = 100, unit 0, a 375 × 350 panel with 16 px labels), for the panel's way since
 * the composer ({@link FormulaComposer}: one parse and two layouts a line, one paint, one image) and
 * for the way before it (each line typeset and converted at 1.9 × the font size, and once more near
 * the shown size when the panel shrinks them below 0.75). Thread CPU time, so other processes on
 * the machine change the numbers less than wall time would. Run with the app jar and the test
 * classes on the class path and a display, e.g.
 * {@code DISPLAY=:58 java -cp target/rnnlab.jar:target/test-classes rnnlab.ui.views.FormulaTypesetCost}.
 */
public final class FormulaTypesetCost {
    private FormulaTypesetCost() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> { });
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            text.append("abcdefghijklmnop".charAt((i * 7 + i / 3) % 16));
        }
        Run run = ViewFixtures.run(CellType.LSTM, 128, text.toString(), 0, 0, 1);
        List<List<Formula>> steps = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            run.stepForward();
            Frame f = FrameBuilder.build(run);
            steps.add(FormulaView.formulas(f, f.layer(0, 0), f.time(), 0));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] before = new double[5];
        double[] now = new double[5];
        for (int rep = 0; rep < 6; rep++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (List<Formula> lines : steps) {
                composeLikeBefore(lines, 375, 350, 16);
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (List<Formula> lines : steps) {
                FormulaComposer.compose(new FormulaComposer.Request(lines, "", 375, 350, 16, Color.BLACK, 1));
            }
            long t2 = mx.getCurrentThreadCpuTime();
            if (rep >= 1) { // the first round warms up the JIT
                before[rep - 1] = (t1 - t0) / 1e6 / steps.size();
                now[rep - 1] = (t2 - t1) / 1e6 / steps.size();
            }
        }
        Arrays.sort(before);
        Arrays.sort(now);
        System.out.printf(Locale.ROOT, "typesetting CPU ms per step (median of 5 x 100 steps): before %.2f, composer %.2f%n",
                before[2], now[2]);
        Platform.exit();
    }

    /** The typesetting the panel did per step before the composer (its images, not drawn). */
    private static void composeLikeBefore(List<Formula> lines, double w, double h, double fs) {
        float base = (float) (fs * 1.9);
        double top = Math.round(fs * 2.4);
        double gap = Math.round(fs * 0.8);
        double maxW = 1;
        double maxH = 1;
        double sumH = 0;
        for (Formula f : lines) {
            javafx.scene.image.Image img = typeset(f.tex(), base);
            maxW = Math.max(maxW, img.getWidth());
            maxH = Math.max(maxH, img.getHeight());
            sumH += img.getHeight();
        }
        int n = lines.size();
        double one = Math.min(1, Math.min((w - 24) / maxW, (h - top - gap * (n - 1)) / sumH));
        int rows2 = (n + 1) / 2;
        double colW = (w - 24 - gap * 2) / 2;
        double two = Math.min(1, Math.min(colW / maxW, (h - top - gap * (rows2 - 1)) / (maxH * rows2)));
        double scale = two > one * 1.15 ? two : one;
        if (scale < 0.75) {
            float size = (float) Math.max(8, Math.floor(fs * 1.9 * scale / 2) * 2);
            for (Formula f : lines) {
                typeset(f.tex(), size);
            }
        }
    }

    private static javafx.scene.image.Image typeset(String tex, float size) {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setForeground(java.awt.Color.BLACK);
        BufferedImage bi = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = bi.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(bi, null);
    }
}
