package rnnlab.ui.shell;

import javafx.geometry.HPos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Dialogs;
import rnnlab.ui.common.Ids;

/**
 * Help ▸ Keyboard shortcuts (F1): every shortcut with what it does. The key column is never cut: it is as wide
 * as its longest key (its minimum width is its preferred one); the descriptions wrap instead. The dialog is
 * never wider than the screen it opens on (at 200 % text on a 1024 × 768 projector the descriptions wrap onto
 * two lines), and its list scrolls when it is taller than the screen.
 */
final class ShortcutsDialog {
    /** Room for the window manager's frame and a margin on either side. */
    static final double MARGIN_W = 48;
    /** Room for the window manager's title bar and a margin. */
    static final double MARGIN_H = 64;

    private ShortcutsDialog() {
    }

    /** The grid of keys and what they do (id {@code shortcuts}). */
    static GridPane grid(String[][] shortcuts) {
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(8);
        g.setId(Ids.of("shortcuts"));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // never narrower than its longest key: "Ctrl+Plus / Ctrl+Minus"
        keys.setHgrow(Priority.NEVER);
        keys.setHalignment(HPos.LEFT);
        ColumnConstraints does = new ColumnConstraints();
        does.setHgrow(Priority.ALWAYS);
        does.setFillWidth(true);
        g.getColumnConstraints().setAll(keys, does);
        for (int i = 0; i < shortcuts.length; i++) {
            Label k = new Label(Messages.get(shortcuts[i][0]));
            k.getStyleClass().add("key");
            k.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(k, VPos.TOP);
            Label d = new Label(Messages.get(shortcuts[i][1]));
            d.setWrapText(true);
            d.setMinHeight(Region.USE_PREF_SIZE); // wrapped text takes the lines it needs, never "…"
            d.setMaxWidth(Double.MAX_VALUE);
            GridPane.setValignment(d, VPos.TOP);
            g.add(k, 0, i);
            g.add(d, 1, i);
        }
        return g;
    }

    /**
     * The dialog, styled like {@code look} (its stylesheets and root style: the font size), sized for a screen
     * whose usable part is {@code usable}: at most its width less {@link #MARGIN_W} (the descriptions wrap) and,
     * when the list is taller than the screen, a list that scrolls.
     */
    static Alert create(String[][] shortcuts, Scene look, boolean dark, Window owner, Rectangle2D usable) {
        GridPane g = grid(shortcuts);
        Alert a = new Alert(Alert.AlertType.NONE, "", Dialogs.close());
        a.setTitle(Messages.get("menu.help.keys"));
        a.setHeaderText(Messages.get("keys.title"));
        DialogPane pane = a.getDialogPane();
        pane.setContent(g);
        pane.getStylesheets().addAll(look.getStylesheets());
        pane.getStyleClass().add(dark ? "dark" : "light");
        pane.setStyle(look.getRoot().getStyle());
        a.setResizable(true);
        if (owner != null) {
            a.initOwner(owner);
        }
        fit(pane, g, usable);
        return a;
    }

    /** Caps the pane's width to the screen (the descriptions wrap) and lets the list scroll when too tall. */
    private static void fit(DialogPane pane, GridPane g, Rectangle2D usable) {
        if (pane.getScene() != null) {
            pane.getScene().getRoot().applyCss();
        } else {
            pane.applyCss();
        }
        double maxW = Math.max(320, usable.getWidth() - MARGIN_W);
        double natural = pane.prefWidth(-1);
        double w = Math.min(natural, maxW);
        if (natural > maxW) {
            pane.setPrefWidth(w);
        }
        double gridW = Math.max(0, g.prefWidth(-1) - (natural - w));
        double others = Math.max(0, pane.prefHeight(-1) - g.prefHeight(-1));
        double gridH = g.prefHeight(gridW);
        double maxH = Math.max(240, usable.getHeight() - MARGIN_H);
        if (natural > maxW || others + gridH > maxH) {
            // the list scrolls rather than being cut if the estimate of its wrapped height is short
            ScrollPane scroll = new ScrollPane(g);
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            // room for the scroll bar (sized in ems like the text), still within the screen: the descriptions
            // wrap in what is left, the keys keep their width
            double bar = 1.6 * (g.getChildren().isEmpty() ? 14 : ((Label) g.getChildren().get(0)).getFont().getSize());
            w = Math.min(natural + bar, maxW);
            pane.setPrefWidth(w);
            scroll.setPrefViewportHeight(Math.max(80, Math.min(gridH, maxH - others - 8)));
            scroll.getStyleClass().add("dialog-scroll"); // ScreenFit leaves a list that scrolls as it is
            pane.setContent(scroll);
            pane.setPrefHeight(Math.min(maxH, others + gridH + 8));
        }
    }
}
