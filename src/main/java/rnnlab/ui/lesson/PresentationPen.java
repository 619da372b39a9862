package rnnlab.ui.lesson;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Stage;
import rnnlab.ui.common.Ids;

/**
 * A pen for presentation mode (issue 12): D turns it on and off; while on, dragging the mouse draws on
 * the views for the class; C or Esc clears the drawing (Esc with nothing drawn leaves presentation mode
 * as before). The drawing is a canvas over the views area, mouse-transparent while the pen is off.
 */
final class PresentationPen {
    /** The stroke: the projector palette's spotlight orange, thick enough for the back row. */
    static final Color INK = rnnlab.ui.controls.Palette.VERMILLION;
    static final double WIDTH = 5;
    private final Canvas canvas = new Canvas();
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final Runnable onToggle;
    private Pane host;
    private Stage stage;
    private boolean drawn;
    private double lastX;
    private double lastY;
    private final EventHandler<KeyEvent> keys = this::key;

    /** @param onToggle told when the pen is turned on or off (the status line says how to use it) */
    PresentationPen(Runnable onToggle) {
        this.onToggle = onToggle;
        canvas.setId(Ids.of("presentation.pen"));
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        on.addListener((o, a, b) -> {
            canvas.setMouseTransparent(!b);
            canvas.setCursor(b ? Cursor.CROSSHAIR : null);
            onToggle.run();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            dot(lastX, lastY);
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            GraphicsContext g = ink();
            g.strokeLine(lastX, lastY, e.getX(), e.getY());
            lastX = e.getX();
            lastY = e.getY();
            drawn = true;
            e.consume();
        });
    }

    /** Lays the (empty) drawing over {@code views} and listens for D, C and Esc on {@code stage}. */
    void attach(Pane views, Stage stage) {
        detach();
        host = views;
        this.stage = stage;
        canvas.widthProperty().bind(views.widthProperty());
        canvas.heightProperty().bind(views.heightProperty());
        views.getChildren().add(canvas);
        // on the window, so the keys reach the pen before the scene's own keys (Esc leaves presentation)
        stage.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    /** Removes the drawing and the keys (leaving presentation mode). */
    void detach() {
        clear();
        on.set(false);
        if (host != null) {
            host.getChildren().remove(canvas);
            canvas.widthProperty().unbind();
            canvas.heightProperty().unbind();
            host = null;
        }
        if (stage != null) {
            stage.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            stage = null;
        }
    }

    BooleanProperty onProperty() {
        return on;
    }

    /** Whether something is drawn now. */
    boolean hasDrawing() {
        return drawn;
    }

    Canvas canvas() {
        return canvas;
    }

    /** Wipes the drawing; whether there was one. */
    boolean clear() {
        boolean was = drawn;
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawn = false;
        return was;
    }

    private void key(KeyEvent e) {
        boolean typing = stage != null && stage.getScene() != null
                && stage.getScene().getFocusOwner() instanceof TextInputControl;
        if (e.getCode() == KeyCode.ESCAPE) {
            if (clear()) {
                e.consume();
            }
            return;
        }
        if (typing || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.D) {
            on.set(!on.get());
            e.consume();
        } else if (e.getCode() == KeyCode.C) {
            clear();
            e.consume();
        }
    }

    private GraphicsContext ink() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(INK);
        g.setFill(INK);
        g.setLineWidth(WIDTH);
        g.setLineCap(StrokeLineCap.ROUND);
        return g;
    }

    private void dot(double x, double y) {
        ink().fillOval(x - WIDTH / 2, y - WIDTH / 2, WIDTH, WIDTH);
        drawn = true;
    }
}
