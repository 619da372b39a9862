package rnnlab.ui.views;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.framework.junit5.ApplicationTest;
import rnnlab.ui.controls.LabCanvasControl;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.session.Frame;

/** Hosts one view in a window, paints it synchronously and reads back what was drawn. */
public abstract class ViewTestBase extends ApplicationTest {
    protected Stage stage;
    protected final Pane root = new Pane();

    @Override
    public void start(Stage s) {
        stage = s;
        s.setScene(new Scene(root, 1280, 720));
        s.show();
    }

    /** Binds the view to a new context holding the frame, sized w × h; returns the context. */
    protected ViewContext show(LabView view, Frame frame, int w, int h) {
        ViewContext ctx = new ViewContext();
        interact(() -> {
            ctx.frameProperty().set(frame);
            ctx.previousFrameProperty().set(frame);
            view.bind(ctx);
            ((Region) view.node()).setPrefSize(w, h);
            root.getChildren().setAll(view.node());
            root.applyCss(); // creates the skin now, not at the next pulse (repaint needs it)
            root.layout();
        });
        repaint(view);
        return ctx;
    }

    protected void repaint(LabView view) {
        interact(() -> {
            root.layout();
            skin(view).redrawNow();
        });
    }

    @SuppressWarnings("unchecked")
    protected static LabCanvasSkin<? extends LabCanvasControl> skin(LabView view) {
        return (LabCanvasSkin<? extends LabCanvasControl>) ((LabCanvasControl) view.node()).getSkin();
    }

    protected Rectangle2D region(LabView view, String id) {
        return skin(view).regionBounds(id);
    }

    /** Snapshot of the canvas (what was painted), in canvas pixels. */
    protected WritableImage canvasPixels(LabView view) {
        WritableImage[] out = new WritableImage[1];
        interact(() -> out[0] = skin(view).canvas().snapshot(null, null));
        return out[0];
    }

    protected static int argb(WritableImage img, double x, double y) {
        return img.getPixelReader().getArgb((int) Math.floor(x), (int) Math.floor(y)) | 0xFF000000;
    }

    /** Colour distance (max channel difference, 0..255). */
    protected static int distance(int a, int b) {
        int d = 0;
        for (int s = 0; s <= 16; s += 8) {
            d = Math.max(d, Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)));
        }
        return d;
    }

    protected static int argb(Color c) {
        return Palette.argb(c);
    }

    /** Writes target/screenshots/name.png from a snapshot of the whole view node. */
    protected void screenshot(LabView view, String name) throws IOException {
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = view.node().snapshot(null, null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File f = dir.resolve(name + ".png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", f);
    }
}
