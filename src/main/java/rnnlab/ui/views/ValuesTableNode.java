package rnnlab.ui.views;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import rnnlab.ui.common.Ids;
import rnnlab.i18n.Messages;

/**
 * Shows a {@link ValuesTable}: its caption above a read-only {@link TableView} (which screen readers
 * can walk cell by cell). Columns are rebuilt only when the headers change, so stepping through a run
 * only swaps the rows.
 */
public final class ValuesTableNode extends VBox {
    private final Label caption = new Label();
    private final TableView<List<String>> table = new TableView<>();
    private List<String> headers = List.of();

    public ValuesTableNode(String viewId) {
        super(4);
        getStyleClass().add("values-table");
        setId(Ids.of("values." + viewId));
        caption.getStyleClass().add("values-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.setLabelFor(table);
        table.setId(Ids.of("values." + viewId + ".table"));
        table.setEditable(false);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(Messages.get("values.none")));
        table.setAccessibleRole(AccessibleRole.TABLE_VIEW);
        VBox.setVgrow(table, Priority.ALWAYS);
        setMinSize(0, 0);
        getChildren().addAll(caption, table);
    }

    public TableView<List<String>> table() {
        return table;
    }

    public String caption() {
        return caption.getText();
    }

    /** Column widths from the longest text in each column; numbers right-aligned, words left. */
    private void fit(ValuesTable v) {
        double ch = 0.62 * javafx.scene.text.Font.getDefault().getSize() * (getScene() == null ? 1
                : getScene().getRoot().getStyle().contains("font-size") ? 1.25 : 1);
        for (int i = 0; i < headers.size(); i++) {
            int longest = headers.get(i).length();
            boolean numeric = true;
            for (List<String> r : v.rows()) {
                String cell = r.get(i);
                longest = Math.max(longest, cell.length());
                numeric &= cell.isEmpty() || isNumber(cell);
            }
            TableColumn<List<String>, ?> c = table.getColumns().get(i);
            c.setPrefWidth(Math.max(56, Math.min(44, longest) * ch + 26));
            c.setStyle(numeric && i > 0 ? "-fx-alignment: CENTER-RIGHT;" : "-fx-alignment: CENTER-LEFT;");
        }
    }

    private static boolean isNumber(String s) {
        char c = s.charAt(0);
        return Character.isDigit(c) || c == '\u2212' || c == '-' || "NaN".equals(s) || s.endsWith("\u221e");
    }

    /** Shows the table (null: no values for this view). */
    public void show(ValuesTable t) {
        ValuesTable v = t != null ? t : ValuesTable.empty(Messages.get("values.none"));
        caption.setText(v.caption());
        table.setAccessibleText(v.caption());
        if (!v.columns().equals(headers)) {
            headers = v.columns();
            table.getColumns().clear();
            for (int i = 0; i < headers.size(); i++) {
                final int k = i;
                TableColumn<List<String>, String> c = new TableColumn<>(headers.get(i));
                c.setSortable(false);
                c.setReorderable(false);
                c.setCellValueFactory(row -> new ReadOnlyStringWrapper(k < row.getValue().size() ? row.getValue().get(k) : ""));
                table.getColumns().add(c);
            }
        }
        fit(v);
        int selected = table.getSelectionModel().getSelectedIndex();
        table.setItems(FXCollections.observableArrayList(v.rows()));
        if (selected >= 0 && selected < v.rows().size()) {
            table.getSelectionModel().select(selected);
        }
    }
}
