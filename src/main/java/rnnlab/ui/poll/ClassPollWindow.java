package rnnlab.ui.poll;

import java.io.File;
import java.io.IOException;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/**
 * The class screen of a poll: where to listen and Start / Stop; the join address, code and QR code in
 * large type; the question, the live count of answers (never who), the buttons that close, show, open a
 * second round, reveal, step the lesson and export; and the distribution as bars. Everything students
 * send reaches this window as counts and numbers in JavaFX labels and a chart, never as markup.
 */
public final class ClassPollWindow {
    static final String STYLESHEET = ClassPollWindow.class.getResource("/rnnlab/ui/poll/poll.css").toExternalForm();
    private final ClassPoll poll;
    private final Stage stage = new Stage();
    private final ImageView qr = new ImageView();
    private final DistributionChart chart = new DistributionChart();
    private final Label message = new Label();

    public ClassPollWindow(ClassPoll poll, Window owner) {
        this.poll = poll;
        stage.initOwner(owner);
        stage.setTitle(PollText.get("poll.window"));

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
                .then(PollText.get("poll.stop")).otherwise(PollText.get("poll.start")));
        startStop.setOnAction(e -> {
            if (poll.isRunning()) {
                poll.stop();
            } else {
                poll.start();
            }
        });
        address.disableProperty().bind(poll.runningProperty());
        port.disableProperty().bind(poll.runningProperty());
        HBox setup = new HBox(8, new Label(PollText.get("poll.address")), address, new Label(PollText.get("poll.port")), port, startStop);
        setup.setAlignment(Pos.CENTER_LEFT);

        Label off = new Label(PollText.get("poll.off"));
        off.setWrapText(true);
        off.visibleProperty().bind(poll.runningProperty().not());
        off.managedProperty().bind(off.visibleProperty());
        Label firewall = new Label(PollText.get("poll.firewall"));
        firewall.setWrapText(true);
        firewall.getStyleClass().add("poll-hint");

        Label url = big("poll-url", "poll-url");
        url.textProperty().bind(poll.joinUrlProperty());
        Label code = big("poll-code", "poll-code");
        code.textProperty().bind(poll.codeProperty());
        qr.setId("poll-qr");
        qr.setAccessibleText(PollText.get("poll.qr"));
        poll.joinUrlProperty().addListener((o, a, u) -> qr.setImage(u == null || u.isEmpty() ? null : QrImage.of(u, 6)));
        VBox joinText = new VBox(4, small(PollText.get("poll.join")), url, small(PollText.get("poll.code")), code);
        HBox join = new HBox(24, qr, joinText);
        join.setAlignment(Pos.CENTER_LEFT);
        join.visibleProperty().bind(poll.runningProperty());
        join.managedProperty().bind(join.visibleProperty());

        Label question = new Label();
        question.setId("poll-question");
        question.getStyleClass().add("poll-question");
        question.setWrapText(true);
        question.textProperty().bind(poll.questionProperty());
        Label state = new Label();
        state.setId("poll-state");
        state.textProperty().bind(poll.stateProperty());
        Label count = big("poll-count", "poll-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> PollText.format("poll.count", poll.countProperty().get()), poll.countProperty()));

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

        VBox live = new VBox(8, question, new HBox(16, count, state), buttons);
        live.visibleProperty().bind(poll.runningProperty());
        live.managedProperty().bind(live.visibleProperty());
        chart.visibleProperty().bind(poll.distributionProperty().isNotNull());
        chart.managedProperty().bind(chart.visibleProperty());
        chart.setMinHeight(260);
        VBox.setVgrow(chart, Priority.ALWAYS);
        poll.distributionProperty().addListener((o, a, d) -> chart.show(d));

        message.setId("poll-message");
        message.getStyleClass().add("poll-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> poll.errorProperty().get() == null ? ""
                : poll.errorProperty().get(), poll.errorProperty()));

        VBox root = new VBox(14, setup, off, firewall, message, join, live, chart);
        root.setPadding(new Insets(18));
        root.setId("poll-window");
        root.getStyleClass().add("poll-window");
        Scene scene = new Scene(root, 900, 720);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        // closing the class screen ends the poll
        stage.setOnHidden(e -> poll.stop());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private void export() {
        FileChooser fc = new FileChooser();
        fc.setTitle(PollText.get("poll.export"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(PollText.get("poll.export.filter"), "*.csv"));
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
            message.setText(PollText.format("poll.export.done", f.getName()));
        } catch (IOException e) {
            message.textProperty().unbind();
            message.setText(PollText.format("poll.error.export", String.valueOf(e.getMessage())));
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
        Button b = new Button(PollText.get(key));
        b.setId(key.replace('.', '-'));
        b.setOnAction(e -> action.run());
        return b;
    }
}
