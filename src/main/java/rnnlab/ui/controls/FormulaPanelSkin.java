package rnnlab.ui.controls;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.text.TextAlignment;

/** Stacks the typeset formulas on the canvas, each at whole-pixel positions, scaled down to fit. */
public class FormulaPanelSkin extends LabCanvasSkin<FormulaPanel> {
    private final TexRenderer tex = new TexRenderer();
    /** What each line showed last, drawn while its new version is typeset in the background. */
    private final java.util.Map<String, Image> shown = new java.util.HashMap<>();

    public FormulaPanelSkin(FormulaPanel c) {
        super(c);
        watch(c.formulasProperty(), c.headingProperty());
        tex.setOnReady(this::markDirty);
    }

    /** The typeset line, or while it is being typeset the line's previous image (null if none). */
    private Image line(FormulaPanel.Formula f, float size, Theme theme) {
        Image img = tex.render(f.tex(), size, theme.foreground());
        if (img != null) {
            shown.put(f.id(), img);
            return img;
        }
        return shown.get(f.id());
    }

    public TexRenderer renderer() {
        return tex;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        FormulaPanel c = getSkinnable();
        double fs = c.getFontSize();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.foreground());
        fillFitted(g, c.getHeading(), 10, fs * 0.9, w - 20, 1.1, true);
        region("formula.heading", 10, 0, w - 20, fs * 1.8);
        double top = Math.round(fs * 2.4);
        double gap = Math.round(fs * 0.8);
        java.util.List<FormulaPanel.Formula> list = c.getFormulas();
        int n = list.size();
        if (n == 0) {
            return;
        }
        Image[] imgs = new Image[n];
        double maxW = 1;
        double sumH = 0;
        double maxH = 1;
        for (int k = 0; k < n; k++) {
            imgs[k] = line(list.get(k), (float) (fs * 1.9), theme);
            if (imgs[k] == null) {
                continue; // typesetting; the panel redraws when it is ready
            }
            maxW = Math.max(maxW, imgs[k].getWidth());
            maxH = Math.max(maxH, imgs[k].getHeight());
            sumH += imgs[k].getHeight();
        }
        // one column, or two when that lets the formulas be drawn larger
        double one = Math.min(1, Math.min((w - 24) / maxW, (h - top - gap * (n - 1)) / sumH));
        int rows2 = (n + 1) / 2;
        double colW = (w - 24 - gap * 2) / 2;
        double two = Math.min(1, Math.min(colW / maxW, (h - top - gap * (rows2 - 1)) / (maxH * rows2)));
        boolean twoCols = two > one * 1.15;
        double scale = twoCols ? two : one;
        double y = top;
        double x = 14;
        for (int k = 0; k < n; k++) {
            if (twoCols && k == rows2) {
                y = top;
                x = Math.round(14 + colW + gap * 2);
            }
            Image img = imgs[k];
            if (img == null) {
                continue;
            }
            if (scale < 0.75) {
                // typeset again near the size it is shown (in 2 px steps, so the cache still works): a
                // strongly shrunken image loses its thin strokes, the minus signs first
                float size = (float) Math.max(8, Math.floor(fs * 1.9 * scale / 2) * 2);
                Image small = tex.render(list.get(k).tex(), size, theme.foreground());
                img = small != null ? small : img;
            }
            double dw = Math.min(Math.round(imgs[k].getWidth() * scale), img.getWidth());
            double dh = Math.min(Math.round(imgs[k].getHeight() * scale), img.getHeight());
            g.drawImage(img, x, y, dw, dh);
            region(list.get(k).id(), x, y, dw, dh);
            y += (twoCols ? Math.round(maxH * scale) : dh) + gap;
        }
    }
}
