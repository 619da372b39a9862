package rnnlab.ui.lesson;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import rnnlab.io.imports.ImportedModel;
import rnnlab.ui.compare.CompareWindow;
import rnnlab.ui.gradcheck.GradientCheckHost;
import rnnlab.ui.poll.ClassPollWindow;
import rnnlab.ui.training.TrainingDock;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.UnrolledView;
import rnnlab.ui.views.ViewContext;
import rnnlab.ui.views.ViewsArea;

/**
 * What the lesson player, its menu, the glossary and presentation mode need from the window
 * ({@code ui.shell.MainWindow} implements it), so that ui.lesson imports nothing from ui.shell.
 */
public interface LessonHost extends GradientCheckHost {
    /** The window's theme as the lessons see it ({@code ui.shell.Theme} implements it). */
    interface ThemeSettings {
        /** Base font size in px at scale 1: readable on a 1280×720 projector. */
        double BASE_PX = 14;

        boolean isDark();

        BooleanProperty darkProperty();

        /** Presentation mode's projector palette. */
        BooleanProperty projectorProperty();

        double fontScale();

        void setFontScale(double s);

        DoubleProperty fontScaleProperty();
    }

    Stage stage();

    Scene scene();

    ThemeSettings theme();

    RunViewModel viewModel();

    ViewContext context();

    TrainingDock training();

    ViewsArea viewsArea();

    UnrolledView unrolledView();

    ControlLocks locks();

    Presentation presentation();

    LessonPlayer lessons();

    /** The side panel (model and sequence), in the scene or not. */
    Node sideNode();

    BooleanProperty sidePanelShownProperty();

    void showViewsByHand(java.util.List<String> ids);

    CompareWindow showComparison();

    ClassPollWindow showClassPoll();

    /** Opens (or brings forward) the encoder–decoder window. */
    rnnlab.ui.seq2seq.Seq2SeqWindow showSeq2Seq();

    void showNotice(String text);

    /** Shows how an imported file's gates were mapped (the window's gate-map dialog). */
    void showGateMap(String fileName, ImportedModel im);
}
