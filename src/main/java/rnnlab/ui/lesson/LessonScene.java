package rnnlab.ui.lesson;

import java.util.Locale;
import rnnlab.lessons.Scene;
import rnnlab.ui.diagrams.Architecture;
import rnnlab.ui.views.UnrolledView;
import rnnlab.ui.views.ViewContext;

/**
 * The window's part of a lesson step's scene: visible views, the unrolled view's architecture, the
 * selected unit, gate and layer, the spotlight, locked and hidden controls, and the panel the step
 * opens (training with its task, the length experiment, the comparison). The panel holds for its own
 * step only: the next step closes a training panel the lesson opened.
 */
final class LessonScene {
    private final LessonHost w;
    private boolean trainingOpened;
    /**
     * Below this window width a training panel the lesson opens takes the side panel's place: at 1024x768 the
     * side panel, the lesson and the training panel left the step's views tiles 128 px wide (issue 12).
     */
    static final double ROOMY_WIDTH = 1400;

    LessonScene(LessonHost w) {
        this.w = w;
    }

    /** What does not need the step's model: views, locks, selection, architecture, spotlight. */
    void applyWindowPart(Scene sc) {
        if (sc.views() != null && !w.viewsArea().ids().isEmpty()) {
            w.showViewsByHand(sc.views());
        }
        w.locks().apply(sc.lockedControls(), sc.hiddenControls());
        ViewContext c = w.context();
        if (sc.unit() != null) {
            c.selectedUnitProperty().set(Math.max(0, sc.unit() - 1));
        }
        if (sc.layer() != null) {
            c.selectedLayerProperty().set(Math.max(0, sc.layer() - 1));
        }
        if (sc.gate() != null) {
            c.selectedGateProperty().set(sc.gate());
        }
        UnrolledView unrolled = w.unrolledView();
        if (unrolled != null) {
            String a = sc.architecture();
            unrolled.setArchitecture(a == null || a.equals("auto") ? null : architecture(a));
        }
        // lessons count units and steps from 1, the views' part ids from 0
        w.context().highlightProperty().set(sc.highlightRegion());
        if (trainingOpened && !"training".equals(sc.panel())) {
            w.training().shownProperty().set(false);
            trainingOpened = false;
        }
        if (!"training".equals(sc.panel())) {
            // a side panel that gave way to the last step's training panel comes back (as the user had it, once
            // presentation mode and the lesson's hide: no longer hold it)
            w.locks().sidePanel().release(SidePanelHold.Reason.TRAINING);
        }
    }

    /** The lesson closed: a side panel that gave way to its training panel comes back. */
    void release() {
        w.locks().sidePanel().release(SidePanelHold.Reason.TRAINING);
    }

    /** What needs the step's model and sequence in place: the panel it opens. */
    void applyAfterModel(Scene sc) {
        if (sc.seq2seq() != null) {
            w.showSeq2Seq().openFile(sc.seq2seq().model(), sc.seq2seq().input());
        }
        if (sc.panel() == null) {
            return;
        }
        switch (sc.panel()) {
            case "training" -> {
                if (sc.task() != null) {
                    w.training().viewModel().taskProperty().set(sc.task());
                }
                w.training().shownProperty().set(true);
                trainingOpened = true;
                // in a narrow window the training panel's own model and text settings take the side panel's room
                // (the View menu brings it back); the views keep a usable size beside lesson and charts. Held also
                // while presenting (which hides it anyway), so that leaving presentation mode on this step keeps it hidden
                if (w.scene() != null && w.scene().getWidth() < ROOMY_WIDTH) {
                    w.locks().sidePanel().hide(SidePanelHold.Reason.TRAINING);
                }
            }
            case "experiment" -> w.training().showExperiment();
            case "compare" -> w.showComparison();
            case "gatemap" -> showGateMap(sc.model());
            case "gradcheck" -> rnnlab.ui.gradcheck.GradientCheckWindow.show(w);
            default -> { }
        }
    }

    /** Reads the step's foreign model file again off the FX thread (the check made sure it is one) and shows its map. */
    private void showGateMap(java.nio.file.Path model) {
        if (model == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                rnnlab.io.imports.ImportedModel im = rnnlab.io.imports.ModelFiles.read(model);
                javafx.application.Platform.runLater(() ->
                        w.showGateMap(model.getFileName().toString(), im));
            } catch (rnnlab.io.InputException e) {
                // the step's model already opened from this file; a file changed since is reported when it reopens
            }
        }, "lesson-gate-map");
        t.setDaemon(true);
        t.start();
    }

    private static Architecture architecture(String id) {
        try {
            return Architecture.valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
