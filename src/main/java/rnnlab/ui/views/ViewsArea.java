package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * Hosts the catalog's views as tiles (a grid that fills the area); each view can be shown or hidden.
 * With no views at all, or all hidden, a placeholder says so.
 *
 * <p>Built from {@link ViewSlot}s, a view is created (and bound) only when it is first needed (issue 18):
 * when its tile is placed in the grid, is the selected tab or the zoomed view while the area is in a
 * scene, or when anything asks for it ({@link #view}, {@link #views}, {@link #tile}, its values table).
 * Until then its tile holds only its title. Built from views, all are created at once, as before.
 */
public final class ViewsArea extends StackPane {
    /** How many views are shown at start. */
    static final int DEFAULT_VISIBLE = 4;
    /** The catalog, in order: a slot per view. */
    private final Map<String, ViewSlot> slots = new LinkedHashMap<>();
    /** The views created so far, by id (in the order they were created). */
    private final Map<String, LabView> views = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> visible = new LinkedHashMap<>();
    private final Map<String, BorderPane> tiles = new LinkedHashMap<>();
    /** The order {@link #showOnly} was given (a lesson's {@code views:}); views not in it follow in catalog order. */
    private List<String> order = List.of();
    private final GridPane grid = new GridPane();
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final BooleanProperty tabbed = new SimpleBooleanProperty(false);
    private final VBox placeholder = new VBox(10);
    private final Label placeholderTitle = new Label();
    private final Label placeholderText = new Label();
    private final ViewContext context;
    /** Values tables by view id, created the first time a view's table is shown. */
    private final Map<String, ValuesTableNode> tables = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> tableShown = new LinkedHashMap<>();

    /** Hosts these views, all created already (each bound now). */
    public ViewsArea(List<LabView> catalog, ViewContext context) {
        this(catalog.stream().map(ViewSlot::of).toList(), context, false);
    }

    /**
     * Hosts the views of these slots, creating each when it is first shown or asked for ({@code lazy}),
     * or all now.
     */
    public ViewsArea(List<ViewSlot> catalog, ViewContext context, boolean lazy) {
        this.context = context;
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
        for (ViewSlot v : catalog) {
            slots.put(v.id(), v);
            // the first few views start visible (readable tiles on a 1280×720 projector); View ▸ Visible views shows more
            BooleanProperty shown = new SimpleBooleanProperty(slots.size() <= DEFAULT_VISIBLE);
            shown.addListener((o, a, b) -> {
                layoutTiles();
                refreshTables();
            });
            visible.put(v.id(), shown);
            Label title = new Label(Messages.get(v.titleKey()));
            title.getStyleClass().add("tile-title");
            // a narrow tile (1024×768 with a lesson open) wraps its title instead of cutting it ("Unrolled ne…")
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            // double-click a tile's title: show that view alone, as a tab
            title.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    tabbed.set(!tabbed.get());
                    select(v.id());
                    e.consume();
                }
            });
            BorderPane tile = new BorderPane();
            tile.setTop(title);
            tile.getStyleClass().add("tile");
            tile.setId(Ids.of("tile." + v.id()));
            tile.setMinSize(0, 0);
            // keyboard: Tab reaches each tile; Up/Down pick the unit, T shows the values table
            tile.setFocusTraversable(true);
            tile.setAccessibleRole(javafx.scene.AccessibleRole.NODE);
            tile.setAccessibleText(Messages.get(v.titleKey()));
            tile.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> onTileKey(v.id(), tile, e));
            // double-click a view: it fills the views area (zoom); again: back to the tiles (issue 12)
            tile.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                boolean onTitle = e.getTarget() instanceof javafx.scene.Node n && (n == title || n.getParent() == title);
                if (e.getClickCount() == 2 && e.getButton() == javafx.scene.input.MouseButton.PRIMARY && !onTitle) {
                    zoomed.set(v.id().equals(zoomed.get()) ? null : v.id());
                    e.consume();
                }
            });
            tiles.put(v.id(), tile);
            BooleanProperty table = new SimpleBooleanProperty(false);
            table.addListener((o, a, b) -> placeTable(view(v.id()), tile, b));
            tableShown.put(v.id(), table);
        }
        if (!lazy) {
            slots.keySet().forEach(this::view);
        }
        // the tile holding the keyboard focus (itself or its values table) shows a focus ring; tracked
        // here because :focus-within can stay set on a tile whose content was swapped
        javafx.beans.value.ChangeListener<javafx.scene.Node> focus = (o, a, n) -> markFocus(n);
        sceneProperty().addListener((o, a, sc) -> {
            if (a != null) {
                a.focusOwnerProperty().removeListener(focus);
            }
            if (sc != null) {
                sc.focusOwnerProperty().addListener(focus);
            }
        });
        // a click focuses the clicked view's tile (so Up/Down and T act on it), else the views area
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            LabView v = e.getTarget() instanceof javafx.scene.Node n ? viewOf(n) : null;
            if (v == null) {
                requestFocus();
            } else if (!tableShown.get(v.id()).get()) {
                tiles.get(v.id()).requestFocus();
            }
        });
        javafx.beans.InvalidationListener refresh = o -> refreshTables();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {context.frameProperty(), context.selectedLayerProperty(),
            context.selectedDirectionProperty(), context.selectedUnitProperty(), context.selectedGateProperty()}) {
            o.addListener(refresh);
        }
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId(Ids.of("views.tabs"));
        tabbed.addListener((o, a, b) -> layoutTiles());
        zoomed.addListener((o, a, b) -> {
            getStyleClass().remove("zoomed");
            if (b != null) {
                getStyleClass().add("zoomed");
            }
            layoutTiles();
        });
        // in tabs, only the selected tab's view is on screen: the others are created when selected
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && getScene() != null && !laying) {
                view((String) t.getUserData());
            }
        });
        // a lazy area creates the views it places once it is in a window's scene (not before: the window
        // may still change which views show, as the cell type's defaults do right after this constructor)
        sceneProperty().addListener((o, a, sc) -> {
            if (sc != null) {
                createPlaced();
            }
        });
        getChildren().addAll(grid, tabs, placeholder);
        layoutTiles();
    }

    /** True while {@link #layoutTiles} rebuilds the tabs (their passing selections create nothing). */
    private boolean laying;

    /**
     * The view with this id, created (bound to the area's context and placed in its tile) if it was not
     * yet; null if the area has no such view. FX thread.
     */
    public LabView view(String id) {
        LabView v = views.get(id);
        if (v != null) {
            return v;
        }
        ViewSlot slot = slots.get(id);
        if (slot == null) {
            return null;
        }
        v = slot.factory().get();
        if (!id.equals(v.id())) {
            throw new IllegalStateException("the view made for " + id + " has the id " + v.id());
        }
        views.put(id, v);
        v.node().setFocusTraversable(false);
        BorderPane tile = tiles.get(id);
        if (!tableShown.get(id).get()) {
            tile.setCenter(v.node());
        }
        v.bind(context);
        return v;
    }

    /** Whether the view with this id has been created (a lazy area creates a view when first shown). */
    public boolean created(String id) {
        return views.containsKey(id);
    }

    /** The ids of all the area's views, created or not, in catalog order. */
    public List<String> ids() {
        return List.copyOf(slots.keySet());
    }

    /** The key of a view's title (created or not), or null for an unknown id. */
    public String titleKey(String id) {
        ViewSlot s = slots.get(id);
        return s == null ? null : s.titleKey();
    }

    /** Creates the views whose tiles are on screen: the grid's, the selected tab's, the zoomed one. */
    private void createPlaced() {
        if (getScene() == null) {
            return;
        }
        if (tabbed.get() && tabs.isVisible()) {
            var t = tabs.getSelectionModel().getSelectedItem();
            if (t != null) {
                view((String) t.getUserData());
            }
        } else {
            for (javafx.scene.Node n : List.copyOf(grid.getChildren())) {
                for (var e : tiles.entrySet()) {
                    if (e.getValue() == n) {
                        view(e.getKey());
                    }
                }
            }
        }
    }

    /** Whether the view's tile shows its values table instead of its drawing. */
    public BooleanProperty tableShownProperty(String id) {
        return tableShown.get(id);
    }

    /** The values table node of a view (null until first shown). */
    public ValuesTableNode table(String id) {
        return tables.get(id);
    }

    /** The tile of a view (its title, then the drawing or the values table); creates the view if it was not yet. */
    public BorderPane tile(String id) {
        view(id);
        return tiles.get(id);
    }

    /** The view whose tile holds the node (the focus owner, say), or null. */
    public LabView viewOf(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            for (var e : tiles.entrySet()) {
                if (e.getValue() == p) {
                    return view(e.getKey());
                }
            }
        }
        return null;
    }

    private void onTileKey(String id, BorderPane tile, javafx.scene.input.KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        switch (e.getCode()) {
            case T -> tableShown.get(id).set(!tableShown.get(id).get());
            case G -> nextGate();
            case L -> nextLayer();
            case UP, DOWN -> {
                if (e.getTarget() != tile) {
                    return;
                }
                moveUnit(e.getCode() == javafx.scene.input.KeyCode.DOWN ? 1 : -1);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static final javafx.css.PseudoClass VIEW_FOCUS = javafx.css.PseudoClass.getPseudoClass("view-focus");

    private void markFocus(javafx.scene.Node owner) {
        LabView v = owner == null ? null : viewOf(owner);
        tiles.forEach((id, t) -> t.pseudoClassStateChanged(VIEW_FOCUS, v != null && v.id().equals(id)));
    }

    /** Selects the cell's next gate (LSTM i f g o, GRU r z n), the one the cell diagrams and text view show. */
    void nextGate() {
        var f = context.getFrame();
        if (f == null || f.gateNames().length == 0) {
            return;
        }
        List<String> gates = List.of(f.gateNames());
        int k = gates.indexOf(context.selectedGateProperty().get());
        context.selectedGateProperty().set(gates.get((k + 1) % gates.size()));
    }

    /** Selects the next layer-direction (layer 1 forward, layer 1 reverse, layer 2 …), round. */
    void nextLayer() {
        var f = context.getFrame();
        if (f == null) {
            return;
        }
        int k = context.selectedLayerProperty().get() * f.directions() + context.selectedDirectionProperty().get();
        int n = (k + 1) % (f.numLayers() * f.directions());
        context.selectedLayerProperty().set(n / f.directions());
        context.selectedDirectionProperty().set(n % f.directions());
    }

    /** Selects the next (+1) or previous (−1) unit, within the frame's hidden size. */
    void moveUnit(int by) {
        int h = context.getFrame() == null ? 1 : context.getFrame().hiddenSize();
        int u = Math.max(0, Math.min(h - 1, context.selectedUnitProperty().get() + by));
        context.selectedUnitProperty().set(u);
    }

    private void placeTable(LabView v, BorderPane tile, boolean show) {
        boolean focused = tile.getScene() != null && viewOf(tile.getScene().getFocusOwner()) == v;
        if (show) {
            ValuesTableNode n = tables.computeIfAbsent(v.id(), ValuesTableNode::new);
            n.show(v.valuesTable());
            tile.setCenter(n);
        } else {
            tile.setCenter(v.node());
        }
        if (focused) {
            tile.requestFocus();
        }
    }

    /** Updates the values tables that are showing (only those: building a table costs a little). */
    private void refreshTables() {
        for (var e : tableShown.entrySet()) {
            if (e.getValue().get() && visible.get(e.getKey()).get()) {
                LabView v = view(e.getKey());
                tables.get(e.getKey()).show(v.valuesTable());
            }
        }
    }

    /** All the area's views in catalog order, creating those not created yet (prefer {@link #ids}, {@link #view}). */
    public List<LabView> views() {
        List<LabView> out = new ArrayList<>();
        for (String id : slots.keySet()) {
            out.add(view(id));
        }
        return List.copyOf(out);
    }

    public BooleanProperty visibleProperty(String id) {
        return visible.get(id);
    }

    /** Ids of the shown views: in the order last given to {@link #showOnly}, the others after them in catalog order. */
    public List<String> visibleIds() {
        List<String> ids = new ArrayList<>();
        for (String id : order) {
            if (visible.containsKey(id) && visible.get(id).get() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        visible.forEach((id, p) -> {
            if (p.get() && !ids.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Shows exactly these views, laid out in this order (unknown ids are ignored). */
    public void showOnly(List<String> ids) {
        List<String> before = visibleIds();
        order = List.copyOf(ids);
        visible.forEach((id, p) -> p.set(ids.contains(id)));
        if (!visibleIds().equals(before)) {
            layoutTiles();
        }
    }

    /**
     * Lights the tile of the view that {@code id} names (the view's id, an id inside it such as
     * {@code view.lstm.x}, or a part drawn in it such as {@code lstm.gate.f}), dims the rest.
     */
    public void setHighlight(String id) {
        String match = viewOf(id);
        // a view that is not shown cannot be lit: then nothing dims
        if (match != null && (!slots.containsKey(match) || !visible.get(match).get())) {
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
    public static String viewOf(String id) {
        return rnnlab.catalog.ViewRegistry.viewOf(id);
    }

    /** The view that fills the views area (double-click on it; again to return), or null. */
    public javafx.beans.property.StringProperty zoomedProperty() {
        return zoomed;
    }

    private final javafx.beans.property.StringProperty zoomed = new javafx.beans.property.SimpleStringProperty(this, "zoomed");

    /** Tabs (one view at a time, full size) instead of tiles (all visible views at once). */
    public BooleanProperty tabbedProperty() {
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
        laying = true;
        try {
            placeTiles();
        } finally {
            laying = false;
        }
        createPlaced();
    }

    private void placeTiles() {
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
        if (zoomed.get() != null && ids.contains(zoomed.get())) {
            ids = List.of(zoomed.get());
        }
        int n = ids.size();
        placeholder.setVisible(n == 0);
        grid.setVisible(n > 0 && !tabbed.get());
        tabs.setVisible(n > 0 && tabbed.get());
        if (n == 0) {
            boolean none = slots.isEmpty();
            placeholderTitle.setText(Messages.get(none ? "views.empty.title" : "views.hidden.title"));
            placeholderText.setText(Messages.get(none ? "views.empty.text" : "views.hidden.text"));
            return;
        }
        if (tabbed.get()) {
            for (String id : ids) {
                javafx.scene.control.Tab tab = new javafx.scene.control.Tab(Messages.get(slots.get(id).titleKey()));
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
        placeGrid(ids);
    }

    /** The grid's arrangement now (null: the grid is not showing). */
    private TileArrangement arrangement;
    /** The area's size the arrangement was chosen for: a layout pass at the same size keeps it without a new choice. */
    private double arrangedWidth;
    private double arrangedHeight;

    /** The views' grid: every cell covered, the first view spanning a column or a row when n leaves cells over. */
    private void placeGrid(List<String> ids) {
        List<javafx.scene.Node> wanted = ids.stream().map(id -> (javafx.scene.Node) tiles.get(id)).toList();
        // the same tiles again (the area changed size): moved in place, not taken out of the scene (which would
        // take the keyboard focus from a tile)
        boolean same = grid.getChildren().equals(wanted);
        if (!same) {
            grid.getChildren().clear();
        }
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        TileArrangement a = TileArrangement.of(ids.size(), getWidth(), getHeight());
        arrangement = a;
        arrangedWidth = getWidth();
        arrangedHeight = getHeight();
        for (int c = 0; c < a.columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / a.columns());
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < a.rows(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / a.rows());
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < ids.size(); i++) {
            TileArrangement.Cell c = a.cells().get(i);
            if (same) {
                GridPane.setConstraints(wanted.get(i), c.column(), c.row(), c.columnSpan(), c.rowSpan());
            } else {
                grid.add(wanted.get(i), c.column(), c.row(), c.columnSpan(), c.rowSpan());
            }
        }
    }

    /** The arrangement of the views' tiles (tests: which view spans, how big each is); null when not tiled. */
    public TileArrangement arrangement() {
        return grid.isVisible() ? arrangement : null;
    }

    @Override
    protected void layoutChildren() {
        // chosen by size: a wide area puts the first view in a column, a tall one in a row (re-placed only when
        // the choice changes, as the window or the panels beside the views change size)
        // (a view's repaint asks for a layout at every step and animation frame: only a new size chooses again)
        if (grid.isVisible() && arrangement != null && !grid.getChildren().isEmpty()
                && (getWidth() != arrangedWidth || getHeight() != arrangedHeight)) {
            int n = grid.getChildren().size();
            TileArrangement a = TileArrangement.of(n, getWidth(), getHeight());
            arrangedWidth = getWidth();
            arrangedHeight = getHeight();
            if (!a.equals(arrangement)) {
                List<String> ids = visibleIds();
                if (zoomed.get() != null && ids.contains(zoomed.get())) {
                    ids = List.of(zoomed.get());
                }
                if (ids.size() == n) {
                    placeGrid(ids);
                }
            }
        }
        super.layoutChildren();
    }
}
