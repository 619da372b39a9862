package rnnlab.ui.gradcheck;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import rnnlab.i18n.Messages;
import rnnlab.session.GradientProbe;
import rnnlab.ui.common.Dialogs;
import rnnlab.ui.common.Ids;
import rnnlab.ui.viewmodel.GradientCheckCommand;

/**
 * View ▸ Check the gradient… (and a lesson's {@code panel: gradcheck}): BPTT's gradient of one chosen weight
 * beside the numeric one, (L(w+ε) − L(w−ε)) / 2ε, for the model and sequence on screen. It opens on the
 * recurrent weight with the largest gradient and checks it at once; the class can pick another weight and
 * check again. A window that does not block the main one; a second call replaces it.
 */
public final class GradientCheckWindow {
    private static GradientCheckWindow open;

    private final GradientCheckHost w;
    private final GradientCheckCommand command;
    private final Alert alert = new Alert(Alert.AlertType.NONE, "", Dialogs.close());
    private final ComboBox<String> parameter = new ComboBox<>();
    private final Spinner<Integer> index = new Spinner<>();
    private final Button run = new Button(Messages.get("gradcheck.run"));
    private final Label where = value("gradcheck.where");
    private final Label analytic = value("gradcheck.analytic");
    private final Label numeric = value("gradcheck.numeric");
    private final Label difference = value("gradcheck.difference");
    private final Label verdict = value("gradcheck.verdict");
    private List<GradientProbe.Parameter> parameters = List.of();
    private boolean filling;

    private GradientCheckWindow(GradientCheckHost w) {
        this.w = w;
        this.command = new GradientCheckCommand(w.viewModel());
        parameter.setId(Ids.of("gradcheck.parameter"));
        index.setId(Ids.of("gradcheck.index"));
        index.setEditable(true);
        index.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0));
        run.setId(Ids.of("gradcheck.run"));
        run.setDefaultButton(true);
        run.setOnAction(e -> check(parameter.getValue(), index.getValue() == null ? 0 : index.getValue()));
        parameter.valueProperty().addListener((o, a, b) -> {
            if (!filling) {
                limitIndex();
            }
        });
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, new Label(Messages.get("gradcheck.parameter")), parameter);
        g.addRow(1, new Label(Messages.get("gradcheck.index")), index, run);
        g.addRow(2, new Label(Messages.get("gradcheck.where.label")), where);
        g.addRow(3, new Label(Messages.get("gradcheck.analytic.label")), analytic);
        g.addRow(4, new Label(Messages.get("gradcheck.numeric.label")), numeric);
        g.addRow(5, new Label(Messages.get("gradcheck.difference.label")), difference);
        Label how = new Label(Messages.get("gradcheck.how"));
        how.setWrapText(true);
        verdict.setWrapText(true);
        // the text is TEXT_EM wide in the dialog's font (560 px at 14 px), so that at 200 % text it keeps its
        // lines instead of wrapping every few words, and never wider than the screen the window opens on
        double screen = rnnlab.ui.layout.ScreenFit.usableBounds(w.stage()).getWidth();
        javafx.beans.binding.DoubleBinding width = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> textWidth(how.getFont().getSize(), screen), how.fontProperty());
        how.maxWidthProperty().bind(width);
        verdict.maxWidthProperty().bind(width);
        // wrapped text takes the lines it needs instead of ending in "…"
        how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.setPrefHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        VBox box = new VBox(12, how, g, verdict);
        box.setId(Ids.of("gradcheck"));
        alert.setTitle(Messages.get("gradcheck.title"));
        alert.setHeaderText(Messages.get("gradcheck.header"));
        alert.getDialogPane().setContent(box);
        alert.setResizable(true);
        alert.initOwner(w.stage());
        alert.initModality(javafx.stage.Modality.NONE);
    }

    /** Opens the window (or brings the open one forward) and checks the weight with the largest gradient. */
    public static GradientCheckWindow show(GradientCheckHost w) {
        if (open != null) {
            open.alert.close(); // a new one: the language or the theme may have changed since
        }
        open = new GradientCheckWindow(w);
        GradientCheckWindow g = open;
        g.alert.getDialogPane().getStylesheets().setAll(w.scene().getStylesheets());
        g.alert.getDialogPane().getStyleClass().removeAll("dark", "light");
        g.alert.getDialogPane().getStyleClass().add(w.darkTheme() ? "dark" : "light");
        g.alert.getDialogPane().setStyle(w.scene().getRoot().getStyle());
        g.reserveVerdict();
        g.check(null, 0);
        g.alert.show();
        g.shownHeight = g.alert.getDialogPane().getScene() == null ? 0 : g.alert.getDialogPane().getScene().getHeight();
        return g;
    }

    /** The height of the window's inside when it was shown (for tests). */
    private double shownHeight;

    /**
     * The verdict keeps the height of its longest message from the start, so that the window does not grow
     * when a check ends: shown with "Checking…" (one line) and then grown by the two lines of the result, it
     * asked for 18 more pixels just after it was mapped, which JavaFX reported applied (584 × 420) while the X
     * window under openbox stayed 584 × 402 at 1920 × 1080, the Close button cut; no later resize reached it.
     */
    private void reserveVerdict() {
        javafx.scene.layout.Region pane = alert.getDialogPane();
        if (pane.getScene() == null) {
            return;
        }
        String figure = String.format(Locale.ROOT, "%.1e", 1.2345e-12);
        List<String> texts = List.of(Messages.get("gradcheck.running"), Messages.format("gradcheck.agree", figure),
                Messages.format("gradcheck.disagree", figure), Messages.get("gradcheck.kink"),
                Messages.get("gradcheck.noLoss"));
        pane.getScene().getRoot().applyCss();
        double w = pane.prefWidth(-1);
        pane.resize(w, pane.prefHeight(w));
        pane.layout();
        javafx.scene.Parent box = verdict.getParent();
        if (box != null) {
            box.layout();
        }
        double width = verdict.getWidth() > 0 ? verdict.getWidth() : verdict.getMaxWidth();
        double tallest = 0;
        for (String t : texts) {
            verdict.setText(t);
            tallest = Math.max(tallest, Math.ceil(verdict.prefHeight(width)));
        }
        verdict.setText("");
        verdict.setMinHeight(tallest);
    }

    /** The width of the explanation and the verdict, in ems of the dialog's font. */
    static final double TEXT_EM = 40;
    /** Room beside the text on the screen: the window's frame, the dialog's padding and a margin. */
    static final double SCREEN_MARGIN = 96;

    /**
     * The width of the explanation and the verdict for text of {@code fontPx} on a screen {@code screenWidth}
     * wide: {@link #TEXT_EM} ems, at most the screen less {@link #SCREEN_MARGIN} (and never under 200 px).
     */
    static double textWidth(double fontPx, double screenWidth) {
        return Math.floor(Math.max(200, Math.min(TEXT_EM * fontPx, screenWidth - SCREEN_MARGIN)));
    }

    /** The window last opened (for tests), or null. */
    public static GradientCheckWindow current() {
        return open;
    }

    /** The height of the window's inside when it was shown: the preferred height it asked for then. */
    public double shownHeight() {
        return shownHeight;
    }

    public boolean isShowing() {
        return alert.isShowing();
    }

    /** The window's root, for tests and screenshots. */
    public javafx.scene.Node content() {
        return alert.getDialogPane();
    }

    public void close() {
        alert.close();
    }

    private void check(String name, int at) {
        run.setDisable(true);
        verdict.setText(Messages.get("gradcheck.running"));
        command.run(name, at, this::show);
    }

    private void show(GradientCheckCommand.Outcome o) {
        run.setDisable(false);
        filling = true;
        parameters = o.parameters();
        parameter.getItems().setAll(parameters.stream().map(GradientProbe.Parameter::name).toList());
        if (o.problem() != null) {
            filling = false;
            where.setText("");
            analytic.setText("");
            numeric.setText("");
            difference.setText("");
            verdict.setText(o.problem());
            return;
        }
        parameter.setValue(o.parameter());
        limitIndex();
        index.getValueFactory().setValue(o.index());
        filling = false;
        GradientProbe.Parameter p = find(o.parameter());
        where.setText(p == null || p.cols() == 1 ? o.parameter() + "[" + o.index() + "]"
                : o.parameter() + "[" + (o.index() / p.cols()) + "][" + (o.index() % p.cols()) + "]");
        analytic.setText(number(o.analytic()));
        if (o.kink()) {
            numeric.setText("—");
            difference.setText("—");
            verdict.setText(Messages.get("gradcheck.kink"));
            return;
        }
        numeric.setText(number(o.numeric()));
        difference.setText(String.format(Locale.ROOT, "%.2e", Math.abs(o.analytic() - o.numeric())));
        verdict.setText(Messages.format(o.passed() ? "gradcheck.agree" : "gradcheck.disagree",
                String.format(Locale.ROOT, "%.1e", o.relativeError())));
    }

    private void limitIndex() {
        GradientProbe.Parameter p = find(parameter.getValue());
        int max = p == null ? 0 : p.size() - 1;
        SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory();
        f.setMax(max);
        if (f.getValue() == null || f.getValue() > max) {
            f.setValue(0);
        }
    }

    private GradientProbe.Parameter find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%+.9e", v);
    }

    private static Label value(String key) {
        Label l = new Label();
        l.setId(Ids.of(key));
        l.getStyleClass().add("mono");
        return l;
    }

    /** Chooses a weight and number and checks it, as the Check button does. */
    public void check(String name, int at, boolean viaButton) {
        parameter.setValue(name);
        index.getValueFactory().setValue(at);
        if (viaButton) {
            run.fire();
        } else {
            check(name, at);
        }
    }

    /** Tests read what the window shows. */
    public String text(String key) {
        return switch (key) {
            case "where" -> where.getText();
            case "analytic" -> analytic.getText();
            case "numeric" -> numeric.getText();
            case "difference" -> difference.getText();
            default -> verdict.getText();
        };
    }
}
