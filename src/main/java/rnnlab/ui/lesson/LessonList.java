package rnnlab.ui.lesson;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import rnnlab.lessons.LessonEntry;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * Lesson ▸ Lessons…: every lesson with its number, title in the app's language and a mark (✓ finished,
 * "step n of m", or ⚠ and the problem of a broken lesson, which cannot be opened). Enter, a double
 * click or Open opens the chosen one where it was left.
 */
final class LessonList {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<LessonEntry> list = new ListView<>();
    private final Label problem = new Label();
    private final LessonPlayer player;

    LessonList(LessonHost w, LessonPlayer player) {
        this.player = player;
        String lang = LessonPlayer.language();
        list.setId(Ids.of("lesson.list.items"));
        list.getStyleClass().add("lesson-list");
        list.getItems().setAll(player.entries());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LessonEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label title = new Label(Messages.format("lesson.list.title", e.number(), e.title(lang)));
                title.setWrapText(true);
                title.getStyleClass().add("lesson-list-title");
                var l = e.lesson(lang);
                Label summary = new Label(l == null || l.summary() == null ? "" : l.summary());
                summary.setWrapText(true);
                summary.getStyleClass().add("muted");
                Label front = LessonFrontText.listLine(e, lang, player.library());
                VBox text = new VBox(2, title, summary, front);
                text.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(text, Priority.ALWAYS);
                Label mark = new Label(player.mark(e));
                mark.getStyleClass().add("mark");
                mark.setWrapText(true);
                mark.setMaxWidth(420);
                setText(null);
                HBox row = new HBox(12, text, mark);
                // as wide as the list (less its scroll bar), so summaries wrap instead of scrolling sideways
                row.prefWidthProperty().bind(list.widthProperty().subtract(40));
                row.maxWidthProperty().bind(list.widthProperty().subtract(40));
                text.setMinWidth(0);
                summary.setMinWidth(0);
                setPrefWidth(0);
                setGraphic(row);
            }
        });
        list.setPrefSize(820, 520);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        // Enter opens on release: the press and the release both stay in this dialog, so the key
        // never reaches the main window (where a focused button would take it)
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
            }
        });
        list.setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        problem.getStyleClass().add("lesson-problem");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setId(Ids.of("lesson.list.problem"));
        if (player.entries().isEmpty()) {
            list.setPlaceholder(new Label(Messages.get("lesson.list.empty")));
        }
        ButtonType open = new ButtonType(Messages.get("lesson.list.open"), ButtonBar.ButtonData.OK_DONE);
        dialog.setTitle(Messages.get("lesson.list.window"));
        dialog.setHeaderText(Messages.get("lesson.list.header"));
        dialog.getDialogPane().setContent(new VBox(8, list, problem));
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CLOSE);
        dialog.getDialogPane().setId(Ids.of("lesson.list"));
        Button openButton = (Button) dialog.getDialogPane().lookupButton(open);
        openButton.setId(Ids.of("lesson.list.open"));
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        // Open keeps the dialog up when the lesson cannot open (its problem is shown)
        openButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!openSelected()) {
                e.consume();
            }
        });
        dialog.getDialogPane().getStylesheets().addAll(w.scene().getStylesheets());
        dialog.getDialogPane().getStyleClass().addAll(w.scene().getRoot().getStyleClass());
        dialog.getDialogPane().setStyle(w.scene().getRoot().getStyle());
        dialog.initOwner(w.stage());
        LessonEntry current = player.lesson() == null ? null : player.library().entry(player.lesson().id());
        list.getSelectionModel().select(current != null ? current : player.entries().isEmpty() ? null : player.entries().get(0));
    }

    void show() {
        // under a window manager it was mapped at 844 × 122 with the list cut off: ScreenFit.install repairs
        // every secondary window as it is shown (ScreenFitTest)
        dialog.show();
        list.requestFocus();
    }

    void close() {
        dialog.close();
    }

    ListView<LessonEntry> listView() {
        return list;
    }

    /** Opens the chosen lesson and closes; a broken one shows its problem and stays. */
    private boolean openSelected() {
        LessonEntry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return false;
        }
        String p = player.open(e.id());
        if (p != null) {
            problem.setText(Messages.format("lesson.problem", p));
            problem.setVisible(true);
            return false;
        }
        dialog.close();
        return true;
    }
}
