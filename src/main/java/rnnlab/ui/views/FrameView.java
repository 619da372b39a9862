package rnnlab.ui.views;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.LabCanvasControl;
import rnnlab.session.Frame;

/**
 * Base of the thin adapters: binds theme, highlight and the animation clock to the control and calls
 * {@link #update} whenever the frame or a selection changes. Controls repaint on the next pulse.
 */
public abstract class FrameView<C extends LabCanvasControl> implements LabView {
    protected final C control;
    private final String titleKey;
    private ViewContext context;
    private final InvalidationListener onChange = o -> refresh();

    FrameView(C control, String titleKey) {
        this.control = control;
        this.titleKey = titleKey;
    }

    @Override
    public String id() {
        return control.getId();
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public Node node() {
        return control;
    }

    public C control() {
        return control;
    }

    @Override
    public void bind(ViewContext ctx) {
        unbind();
        context = ctx;
        control.darkThemeProperty().bind(ctx.darkThemeProperty());
        control.projectorThemeProperty().bind(ctx.projectorThemeProperty());
        control.highlightProperty().bind(ctx.highlightProperty());
        control.progressProperty().bind(ctx.stepProgressProperty());
        for (Observable o : watched(ctx)) {
            o.addListener(onChange);
        }
        refresh();
    }

    @Override
    public void unbind() {
        if (context == null) {
            return;
        }
        control.darkThemeProperty().unbind();
        control.projectorThemeProperty().unbind();
        control.highlightProperty().unbind();
        control.progressProperty().unbind();
        for (Observable o : watched(context)) {
            o.removeListener(onChange);
        }
        context = null;
    }

    private Observable[] watched(ViewContext ctx) {
        return new Observable[] {ctx.frameProperty(), ctx.previousFrameProperty(), ctx.selectedLayerProperty(),
            ctx.selectedDirectionProperty(), ctx.selectedUnitProperty(), ctx.selectedGateProperty()};
    }

    /** The view rendered at twice its on-screen size, for slides ({@link #exportImage(double)} with 2). */
    @Override
    public WritableImage exportImage() {
        return exportImage(2);
    }

    /**
     * The view rendered at {@code scale} × its size: the whole node (tool bars included) snapshot with a
     * scale transform, the drawing itself repainted at that scale so that text and lines stay crisp.
     * FX thread only; the view must be showing (laid out, with its skin).
     */
    public WritableImage exportImage(double scale) {
        if (!(control.getSkin() instanceof LabCanvasSkin<?> skin)) {
            throw new IllegalStateException("view " + id() + " is not showing");
        }
        if (stale && context != null && context.getFrame() != null) {
            // exported while hidden (another tab): draw the frame shown now, not the last one it saw
            stale = false;
            update(context.getFrame(), context);
        }
        SnapshotParameters sp = new SnapshotParameters();
        sp.setTransform(Transform.scale(scale, scale));
        WritableImage base = control.snapshot(sp, null);
        WritableImage crisp = rnnlab.ui.formula.TexRenderer.synchronously(() -> skin.renderImage(scale));
        Bounds b = skin.canvas().getBoundsInParent();
        Bounds all = control.getBoundsInLocal();
        int ox = (int) Math.round((b.getMinX() - all.getMinX()) * scale);
        int oy = (int) Math.round((b.getMinY() - all.getMinY()) * scale);
        int w = (int) Math.min(crisp.getWidth(), base.getWidth() - ox);
        int h = (int) Math.min(crisp.getHeight(), base.getHeight() - oy);
        if (w > 0 && h > 0 && ox >= 0 && oy >= 0) {
            base.getPixelWriter().setPixels(ox, oy, w, h, crisp.getPixelReader(), 0, 0);
        }
        return base;
    }

    @Override
    public ValuesTable valuesTable() {
        ViewContext ctx = context;
        return ctx == null || ctx.getFrame() == null ? null : values(ctx.getFrame(), ctx);
    }

    /** The numbers this view draws for the frame (see {@link LabView#valuesTable()}); null: none. */
    protected ValuesTable values(Frame frame, ViewContext ctx) {
        return null;
    }

    protected ViewContext context() {
        return context;
    }

    /**
     * Updates the control for the current frame and selections; a hidden control (another tab, a tile not on
     * the grid, not yet placed) waits: it is updated once it shows again (issue 12, bench-ui: every created
     * view used to update at every step).
     */
    private void refresh() {
        if (context == null || context.getFrame() == null) {
            return;
        }
        if (control.isHidden()) {
            stale = true;
            control.whenShown(catchUp);
            return;
        }
        stale = false;
        update(context.getFrame(), context);
    }

    /** Whether a step or selection was skipped while the control was hidden (it updates when shown). */
    private boolean stale;

    private final Runnable catchUp = this::refresh;

    /** Maps the frame and selections to the control's data. */
    protected abstract void update(Frame frame, ViewContext ctx);

    /** The selected layer-direction, clamped to the frame's shape. */
    static Frame.LayerFrame layer(Frame f, ViewContext ctx) {
        int l = Math.max(0, Math.min(f.numLayers() - 1, ctx.selectedLayerProperty().get()));
        int d = Math.max(0, Math.min(f.directions() - 1, ctx.selectedDirectionProperty().get()));
        return f.layer(l, d);
    }

    static int unit(Frame f, ViewContext ctx) {
        return Math.max(0, Math.min(f.hiddenSize() - 1, ctx.selectedUnitProperty().get()));
    }

    /** The step the views show: the cursor's step, or the first before any is computed. */
    static int shownStep(Frame f) {
        return Math.max(0, Math.min(f.length() - 1, f.time()));
    }
}
