package rnnlab.ui.poll;

import java.io.File;
import java.io.IOException;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import rnnlab.ui.controls.AppLanguage;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import rnnlab.poll.Interfaces;
import rnnlab.i18n.Messages;

/**
 * The class screen of a poll: where to listen and Start / Stop; the join address, code and QR code in
 * large type; the question, the live count of answers (never who), the buttons that close, show, open a
 * second round, reveal, step the lesson and export; and the distribution as bars. Everything students
 * send reaches this window as counts and numbers in JavaFX labels and a chart, never as markup.
 */
public final class ClassPollWindow {
    static final String STYLESHEET = ClassPollWindow.class.getResource("/rnnlab/ui/poll/poll.css").toExternalForm();
    /** The app's stylesheet (its light, dark and projector palettes), so the class screen matches the main window. */
    static final String THEME = ClassPollWindow.class.getResource("/rnnlab/ui/theme/app.css").toExternalForm();
    private final ClassPoll poll;
    private final Stage stage = new Stage();
    private final ImageView qr = new ImageView();
    private final DistributionChart chart = new DistributionChart();
    private final Label message = new Label();
    private final Label question = new Label();
    private final VBox questionBox = new VBox(4);
    private final VBox root;
    private double typesetPx;

    public ClassPollWindow(ClassPoll poll, Window owner) {
        this.poll = poll;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("poll.window"));

        ChoiceBox<Interfaces.Choice> address = new ChoiceBox<>();
        address.setId("poll-address");
        address.getItems().setAll(Interfaces.list());
        address.setConverter(new StringConverter<>() {
            @Override
            public String toString(Interfaces.Choice c) {
                return c == null ? "" : ClassPoll.describe(c);
            }

            @Override
            public Interfaces.Choice fromString(String s) {
                return null;
            }
        });
        address.getSelectionModel().select(poll.addressProperty().get());
        poll.addressProperty().bind(address.valueProperty());
        TextField port = new TextField(String.valueOf(poll.portProperty().get()));
        port.setId("poll-port");
        port.setPrefColumnCount(5);
        port.textProperty().addListener((o, a, t) -> {
            try {
                poll.portProperty().set(Integer.parseInt(t.trim()));
            } catch (NumberFormatException e) {
                poll.portProperty().set(-1);
            }
        });
        Button startStop = new Button();
        startStop.setId("poll-start");
        startStop.textProperty().bind(Bindings.when(poll.runningProperty())
                .then(Messages.get("poll.stop")).otherwise(Messages.get("poll.start")));
        startStop.setOnAction(e -> {
            if (poll.isRunning()) {
                poll.stop();
            } else {
                poll.start();
            }
        });
        HBox setup = new HBox(8, new Label(Messages.get("poll.address")), address, new Label(Messages.get("poll.port")), port, startStop);
        setup.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("poll-starting");
        busy.setPrefSize(22, 22);
        Label busyText = new Label(Messages.get("poll.starting"));
        HBox starting = new HBox(6, busy, busyText);
        starting.setAlignment(Pos.CENTER_LEFT);
        starting.visibleProperty().bind(poll.startingProperty());
        starting.managedProperty().bind(starting.visibleProperty());
        startStop.disableProperty().bind(poll.startingProperty());
        address.disableProperty().bind(poll.runningProperty().or(poll.startingProperty()));
        port.disableProperty().bind(poll.runningProperty().or(poll.startingProperty()));
        setup.getChildren().add(starting);

        Label off = new Label(Messages.get("poll.off"));
        off.setWrapText(true);
        off.visibleProperty().bind(poll.runningProperty().not());
        off.managedProperty().bind(off.visibleProperty());
        Label firewall = new Label(Messages.get("poll.firewall"));
        firewall.setWrapText(true);
        firewall.getStyleClass().add("poll-hint");
        firewall.visibleProperty().bind(poll.runningProperty().not());
        firewall.managedProperty().bind(firewall.visibleProperty());

        // the join column: address, code, QR code, as large as the screen allows
        Label url = big("poll-url", "poll-url");
        // a line break may fall before the "?c=" (a zero-width space), not in the middle of the port
        url.textProperty().bind(Bindings.createStringBinding(() -> poll.joinUrlProperty().get().replace("/?", "/\u200b?"),
                poll.joinUrlProperty()));
        url.setWrapText(true);
        Label code = big("poll-code", "poll-code");
        code.textProperty().bind(poll.codeProperty());
        qr.setId("poll-qr");
        qr.setAccessibleText(Messages.get("poll.qr"));
        qr.setSmooth(false);
        qr.setPreserveRatio(true);
        poll.joinUrlProperty().addListener((o, a, u) -> qr.setImage(u == null || u.isEmpty() ? null : QrImage.of(u, 6)));
        VBox join = new VBox(6, small(Messages.get("poll.join")), url, small(Messages.get("poll.code")), code, qr);
        join.getStyleClass().add("poll-join");
        join.setMinWidth(Region.USE_PREF_SIZE);

        // the live column: question, count, buttons, and the chart in all the space left
        questionBox.setId("poll-question-box");
        questionBox.getStyleClass().add("poll-question");
        question.setId("poll-question");
        question.getStyleClass().add("poll-question");
        question.setWrapText(true);
        question.textProperty().bind(poll.questionProperty());
        questionBox.getChildren().setAll(question);
        poll.questionSourceProperty().addListener((o, a, q) -> typesetQuestion());
        Label state = new Label();
        state.setId("poll-state");
        state.getStyleClass().add("poll-state");
        state.textProperty().bind(poll.stateProperty());
        Label count = big("poll-count", "poll-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("poll.count", poll.countProperty().get()), poll.countProperty()));

        Button close = button("poll.close", poll::closeQuestion);
        close.disableProperty().bind(poll.canCloseProperty().not());
        Button show = button("poll.show", poll::showDistribution);
        show.disableProperty().bind(poll.canRevealProperty().not());
        Button round2 = button("poll.round2", poll::secondRound);
        round2.disableProperty().bind(poll.canRound2Property().not());
        Button reveal = button("poll.reveal", poll::reveal);
        reveal.disableProperty().bind(poll.canRevealProperty().not());
        Button next = button("poll.next", poll::next);
        next.disableProperty().bind(poll.runningProperty().not());
        Button export = button("poll.export", this::export);
        export.disableProperty().bind(poll.runningProperty().not());
        FlowPane buttons = new FlowPane(8, 8, close, show, round2, reveal, next, export);

        HBox counts = new HBox(16, count, state);
        counts.setAlignment(Pos.BASELINE_LEFT);
        chart.visibleProperty().bind(poll.distributionProperty().isNotNull());
        chart.setMinHeight(0);
        chart.setPrefHeight(10);
        VBox.setVgrow(chart, Priority.ALWAYS);
        poll.distributionProperty().addListener((o, a, d) -> chart.show(d));
        VBox live = new VBox(10, questionBox, counts, buttons, chart);
        HBox.setHgrow(live, Priority.ALWAYS);
        live.setMinWidth(0);
        HBox body = new HBox(28, join, live);
        body.visibleProperty().bind(poll.runningProperty());
        body.managedProperty().bind(body.visibleProperty());
        VBox.setVgrow(body, Priority.ALWAYS);

        message.setId("poll-message");
        message.getStyleClass().add("poll-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> poll.errorProperty().get() == null ? ""
                : poll.errorProperty().get(), poll.errorProperty()));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        root = new VBox(12, setup, message, off, firewall, body);
        root.setId("poll-window");
        root.getStyleClass().add("poll-window");
        Scene scene = new Scene(root, 1024, 700);
        scene.getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET);
        scene.getStylesheets().add(THEME);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        // type and QR code follow the window's size: readable from the back of the room on any screen
        scene.widthProperty().addListener((o, a, b) -> fit());
        scene.heightProperty().addListener((o, a, b) -> fit());
        fit();
        // closing the class screen ends the poll
        stage.setOnHidden(e -> poll.stop());
    }

    /** The root font size and the QR code's size for the window's size (the CSS is in em). */
    private void fit() {
        Scene sc = stage.getScene();
        double w = sc == null ? 1024 : sc.getWidth();
        double h = sc == null ? 700 : sc.getHeight();
        double px = Math.max(12, Math.min(26, Math.min(h / 40, w / 60)));
        String family = AppLanguage.isChinese() ? " -fx-font-family: \"" + AppLanguage.family() + "\";" : "";
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px) + family);
        double side = Math.floor(Math.max(140, Math.min(w * 0.27, h * 0.42)));
        qr.setFitWidth(side);
        qr.setFitHeight(side);
        ((VBox) qr.getParent()).setPrefWidth(side);
        if (Math.abs(px - typesetPx) > 0.5) {
            typesetQuestion();
        }
    }

    /** The question with its math typeset by the app's TeX sandbox (the plain label when it cannot be). */
    private void typesetQuestion() {
        double px = fontPx() * 1.35;
        typesetPx = fontPx();
        javafx.scene.Node n = poll.typesetQuestion(px, foreground());
        questionBox.getChildren().setAll(n == null ? question : n);
        if (n != null) {
            questionBox.getChildren().add(question); // kept for screen readers and tests, not shown twice
            question.setVisible(false);
            question.setManaged(false);
        } else {
            question.setVisible(true);
            question.setManaged(true);
        }
    }

    private double fontPx() {
        String st = root.getStyle();
        int at = st.indexOf("-fx-font-size:");
        if (at < 0) {
            return 15;
        }
        String v = st.substring(at + 14, st.indexOf("px", at)).trim();
        return Double.parseDouble(v);
    }

    private Color foreground() {
        return rnnlab.ui.controls.Theme.of(root.getStyleClass().contains("dark"),
                root.getStyleClass().contains("projector")).css("-rl-text");
    }

    /** Follows the app's theme: dark, or the projector palette (which wins), as the main window does. */
    public void followTheme(ObservableBooleanValue dark, ObservableBooleanValue projector) {
        Runnable apply = () -> {
            root.getStyleClass().removeAll("dark", "projector");
            if (projector.get()) {
                root.getStyleClass().add("projector");
            } else if (dark.get()) {
                root.getStyleClass().add("dark");
            }
            typesetQuestion();
        };
        dark.addListener((o, a, b) -> apply.run());
        projector.addListener((o, a, b) -> apply.run());
        apply.run();
    }

    /** Sizes the window to the visual bounds of the screen its owner (the main window) is on. */
    public void fitToScreen() {
        Window owner = stage.getOwner();
        Screen screen = Screen.getPrimary();
        if (owner != null && owner.getWidth() > 0) {
            var list = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            if (!list.isEmpty()) {
                screen = list.get(0);
            }
        }
        Rectangle2D b = screen.getVisualBounds();
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        if (!stage.isShowing()) {
            fitToScreen();
        }
        stage.show();
        stage.toFront();
    }

    private void export() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("poll.export"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("poll.export.filter"), "*.csv"));
        fc.setInitialFileName("class-poll.csv");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            exportTo(f);
        }
    }

    /** Writes the results to {@code f} and says so (or why not) in the window. */
    void exportTo(File f) {
        try {
            poll.export(f.toPath());
            message.textProperty().unbind();
            message.setText(Messages.format("poll.export.done", f.getName()));
        } catch (IOException e) {
            message.textProperty().unbind();
            message.setText(Messages.format("poll.error.export", String.valueOf(e.getMessage())));
        }
    }

    private static Label big(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        return l;
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("poll-caption");
        return l;
    }

    private static Button button(String key, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(key.replace('.', '-'));
        b.setOnAction(e -> action.run());
        return b;
    }
}
