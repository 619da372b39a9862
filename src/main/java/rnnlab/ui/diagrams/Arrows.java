package rnnlab.ui.diagrams;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Geometry of the diagram arrows: where a line leaves a box, and the filled head at its end. */
final class Arrows {
    private Arrows() {
    }

    /** Moves (cx, cy) towards (tx, ty) until it leaves a box of half-size (hw, hh). */
    static double[] clip(double cx, double cy, double tx, double ty, double hw, double hh) {
        double dx = tx - cx;
        double dy = ty - cy;
        if (dx == 0 && dy == 0) {
            return new double[] {cx, cy};
        }
        double k = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        k = Math.min(1, k);
        return new double[] {cx + dx * k, cy + dy * k};
    }

    static void head(GraphicsContext g, double x0, double y0, double x1, double y1, Color color) {
        double ang = Math.atan2(y1 - y0, x1 - x0);
        double len = 10;
        g.setFill(color);
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(ang - 0.4), x1 - len * Math.cos(ang + 0.4)},
                new double[] {y1, y1 - len * Math.sin(ang - 0.4), y1 - len * Math.sin(ang + 0.4)}, 3);
    }
}
