package rnnlab.ui.views;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Stage;
import rnnlab.engine.CellType;
import rnnlab.engine.Run;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.i18n.Messages;

/**
 * Throwaway check: every view in one window on a real LSTM run (H = 8, T = 12) that steps forward
 * once a second with the 400 ms animation. Keys: D dark theme, H highlight the forget gate, Space
 * pause. Args: [cell] [seconds-before-exit].
 */
public class ViewsDemo extends Application {
    private boolean paused;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        CellType cell = args.isEmpty() ? CellType.LSTM : CellType.fromId(args.get(0));
        Run run = ViewFixtures.run(cell, 8, 0, 1.0, 7);
        ViewContext ctx = new ViewContext();
        ctx.frameProperty().set(FrameBuilder.build(run));
        GridPane grid = new GridPane();
        List<LabView> views = ViewCatalog.createAll();
        int col = 0;
        int row = 0;
        for (LabView v : views) {
            if (v instanceof BeltView && cell != CellType.LSTM || v instanceof LstmView && cell != CellType.LSTM
                    || v instanceof GruView && cell != CellType.GRU || v instanceof RnnView && cell.hasCellState()
                    || v instanceof RnnView && cell == CellType.GRU) {
                continue;
            }
            v.bind(ctx);
            BorderPane cellPane = new BorderPane(v.node());
            cellPane.setTop(new Label(Messages.get(v.titleKey())));
            ((Region) v.node()).setPrefSize(100, 100);
            grid.add(cellPane, col, row);
            if (++col == 3) {
                col = 0;
                row++;
            }
        }
        for (int k = 0; k < 3; k++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(33.3);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(33.3);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        Scene scene = new Scene(grid, 1900, 1060);
        scene.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case D -> ctx.darkThemeProperty().set(!ctx.darkThemeProperty().get());
                case H -> ctx.highlightProperty().set(ctx.highlightProperty().get() == null ? "lstm.gate.f" : null);
                case SPACE -> paused = !paused;
                default -> { }
            }
        });
        stage.setScene(scene);
        stage.setTitle("RNN Lab views");
        stage.show();
        new AnimationTimer() {
            private long stepStart = -1;

            @Override
            public void handle(long now) {
                if (paused) {
                    return;
                }
                if (stepStart < 0 || now - stepStart > 1_000_000_000L) {
                    Frame before = ctx.getFrame();
                    if (!run.stepForward()) {
                        run.load(run.sequence());
                        run.stepForward();
                    }
                    ctx.previousFrameProperty().set(before);
                    ctx.frameProperty().set(FrameBuilder.build(run));
                    stepStart = now;
                }
                ctx.stepProgressProperty().set(Math.min(1, (now - stepStart) / 400e6));
            }
        }.start();
        if (args.size() > 1) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.parseLong(args.get(1)) * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.exit();
            });
            t.setDaemon(true);
            t.start();
        }
    }
}
