package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import rnnlab.ui.viewmodel.Messages;

/**
 * Hosts the catalog's views as tiles (a grid that fills the area); each view can be shown or hidden.
 * With no views at all, or all hidden, a placeholder says so.
 */
final class ViewsArea extends StackPane {
    /** How many views are shown at start. */
    static final int DEFAULT_VISIBLE = 4;
    private final Map<String, LabView> views = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> visible = new LinkedHashMap<>();
    private final Map<String, BorderPane> tiles = new LinkedHashMap<>();
    private final GridPane grid = new GridPane();
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final BooleanProperty tabbed = new SimpleBooleanProperty(false);
    private final VBox placeholder = new VBox(10);
    private final Label placeholderTitle = new Label();
    private final Label placeholderText = new Label();

    ViewsArea(List<LabView> catalog, ViewContext context) {
        getStyleClass().add("views-area");
        setId(Ids.of("views"));
        grid.getStyleClass().add("views-grid");
        grid.setHgap(8);
        grid.setVgap(8);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setId(Ids.of("views.placeholder"));
        placeholder.setAlignment(Pos.CENTER);
        placeholderTitle.getStyleClass().add("placeholder-title");
        placeholderText.setWrapText(true);
        placeholderText.setMaxWidth(520);
        placeholderText.getStyleClass().add("muted");
        placeholder.getChildren().addAll(placeholderTitle, placeholderText);
        for (LabView v : catalog) {
            views.put(v.id(), v);
            // the first few views start visible (readable tiles on a 1280×720 projector); View ▸ Visible views shows more
            BooleanProperty shown = new SimpleBooleanProperty(views.size() <= DEFAULT_VISIBLE);
            shown.addListener((o, a, b) -> layoutTiles());
            visible.put(v.id(), shown);
            Label title = new Label(ViewCatalog.title(v));
            title.getStyleClass().add("tile-title");
            // double-click a tile's title: show that view alone, as a tab
            title.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    tabbed.set(!tabbed.get());
                    select(v.id());
                }
            });
            BorderPane tile = new BorderPane(v.node());
            tile.setTop(title);
            tile.getStyleClass().add("tile");
            tile.setId(Ids.of("tile." + v.id()));
            tile.setMinSize(0, 0);
            tiles.put(v.id(), tile);
            v.bind(context);
        }
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId(Ids.of("views.tabs"));
        tabbed.addListener((o, a, b) -> layoutTiles());
        getChildren().addAll(grid, tabs, placeholder);
        layoutTiles();
    }

    List<LabView> views() {
        return List.copyOf(views.values());
    }

    BooleanProperty visibleProperty(String id) {
        return visible.get(id);
    }

    /** Ids of the shown views, in catalog order. */
    List<String> visibleIds() {
        List<String> ids = new ArrayList<>();
        visible.forEach((id, p) -> {
            if (p.get()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Shows exactly these views (unknown ids are ignored). */
    void showOnly(List<String> ids) {
        visible.forEach((id, p) -> p.set(ids.contains(id)));
    }

    /**
     * Lights the tile of the view that {@code id} names (the view's id, an id inside it such as
     * {@code view.lstm.x}, or a part drawn in it such as {@code lstm.gate.f}), dims the rest.
     */
    void setHighlight(String id) {
        String match = viewOf(id);
        // a view that is not shown cannot be lit: then nothing dims
        if (match != null && (!views.containsKey(match) || !visible.get(match).get())) {
            match = null;
        }
        if (match != null && tabbed.get()) {
            select(match);
        }
        for (var e : tiles.entrySet()) {
            var classes = e.getValue().getStyleClass();
            classes.removeAll("highlighted", "dimmed");
            if (match != null) {
                classes.add(e.getKey().equals(match) ? "highlighted" : "dimmed");
            }
        }
    }

    /** The view id an element id belongs to ({@code lstm.gate.f} → {@code view.lstm}), or null. */
    static String viewOf(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.startsWith("view.")) {
            int dot = id.indexOf('.', 5);
            return dot < 0 ? id : id.substring(0, dot);
        }
        int dot = id.indexOf('.');
        String head = dot < 0 ? id : id.substring(0, dot);
        return switch (head) {
            case "unrolled", "heatmap", "lstm", "belt", "gru", "rnn", "output", "text", "decay", "weights" -> "view." + head;
            case "formula", "formulas" -> "view.formulas";
            default -> null;
        };
    }

    /** Tabs (one view at a time, full size) instead of tiles (all visible views at once). */
    BooleanProperty tabbedProperty() {
        return tabbed;
    }

    private void select(String id) {
        for (var t : tabs.getTabs()) {
            if (id.equals(t.getUserData())) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    private void layoutTiles() {
        String selected = tabs.getSelectionModel().getSelectedItem() == null ? null
                : (String) tabs.getSelectionModel().getSelectedItem().getUserData();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (var t : tabs.getTabs()) {
            t.setContent(null);
        }
        tabs.getTabs().clear();
        List<String> ids = visibleIds();
        int n = ids.size();
        placeholder.setVisible(n == 0);
        grid.setVisible(n > 0 && !tabbed.get());
        tabs.setVisible(n > 0 && tabbed.get());
        if (n == 0) {
            boolean none = views.isEmpty();
            placeholderTitle.setText(Messages.get(none ? "views.empty.title" : "views.hidden.title"));
            placeholderText.setText(Messages.get(none ? "views.empty.text" : "views.hidden.text"));
            return;
        }
        if (tabbed.get()) {
            for (String id : ids) {
                javafx.scene.control.Tab tab = new javafx.scene.control.Tab(ViewCatalog.title(views.get(id)));
                tab.setUserData(id);
                tab.setId(Ids.of("tab." + id));
                tab.setContent(tiles.get(id));
                tabs.getTabs().add(tab);
            }
            if (selected != null) {
                select(selected);
            }
            return;
        }
        int cols = n <= 1 ? 1 : n <= 4 ? 2 : 3;
        int rows = (n + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) {
            grid.add(tiles.get(ids.get(i)), i % cols, i / cols);
        }
    }
}
