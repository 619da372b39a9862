package rnnlab.ui.controls;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.text.TextAlignment;

/** Stacks the typeset formulas on the canvas, each at whole-pixel positions, scaled down to fit. */
public class FormulaPanelSkin extends LabCanvasSkin<FormulaPanel> {
    private final TexRenderer tex = new TexRenderer();

    public FormulaPanelSkin(FormulaPanel c) {
        super(c);
        watch(c.formulasProperty(), c.headingProperty());
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
        g.setFont(font(1.1, true));
        g.fillText(c.getHeading(), 10, fs * 0.9);
        region("formula.heading", 10, 0, w - 20, fs * 1.8);
        double y = Math.round(fs * 2.4);
        double gap = Math.round(fs * 0.8);
        int n = c.getFormulas().size();
        for (FormulaPanel.Formula f : c.getFormulas()) {
            Image img = tex.render(f.tex(), (float) (fs * 1.9), theme.foreground());
            double iw = img.getWidth();
            double ih = img.getHeight();
            double room = (h - y) - gap * (n - 1);
            double scale = Math.min(1, (w - 24) / iw);
            scale = Math.min(scale, Math.max(0.3, room / Math.max(1, n) / ih));
            double dw = Math.round(iw * scale);
            double dh = Math.round(ih * scale);
            g.drawImage(img, 14, y, dw, dh);
            region(f.id(), 14, y, dw, dh);
            y += dh + gap;
            n--;
        }
    }
}
