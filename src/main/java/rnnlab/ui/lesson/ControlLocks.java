package rnnlab.ui.lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import rnnlab.ui.common.Ids;

/**
 * Controls a lesson locks (shown but disabled) or hides, by name: {@code model} (the model panel and
 * File ▸ Open model), {@code sequence} (the sequence editor and File ▸ Open sequence), {@code timeline}
 * (the timeline bar and the stepping keys), {@code views} (the view chooser menus), {@code training}
 * (the Train menu and the training panel) and, to hide only, {@code side_panel}. A teacher can always
 * undo it all ({@link #unlockAll}, Lesson ▸ Unlock controls). What was disabled before a lock stays
 * disabled after it.
 */
public final class ControlLocks {
    public static final List<String> NAMES = List.of("model", "sequence", "timeline", "views", "training", "side_panel");
    private static final Map<String, List<String>> NODES = Map.of("model", List.of("panel.model"),
            "sequence", List.of("panel.sequence"), "timeline", List.of("timeline"), "side_panel", List.of("side"));
    private static final Map<String, List<String>> MENUS = Map.of("model", List.of("menu.file.openModel"),
            "sequence", List.of("menu.file.openSequence"),
            "views", List.of("menu.view.views", "menu.view.architecture", "menu.view.cellViews"),
            "training", List.of("menu.train"));
    private final LessonHost w;
    private final Set<String> locked = new LinkedHashSet<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Map<Object, Boolean> disabledBefore = new HashMap<>();
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(false);
    private boolean trainingBefore;
    /** The side panel's reasons to hide (this lesson's, the training step's, presentation mode's) over the user's choice. */
    private final SidePanelHold side;

    public ControlLocks(LessonHost w) {
        this.w = w;
        this.side = new SidePanelHold(w.sidePanelShownProperty());
        // a locked or hidden training panel cannot be opened behind the lesson's back
        w.training().shownProperty().addListener((o, a, show) -> {
            if (show && hidden.contains("training")) {
                w.training().shownProperty().set(false);
            }
            if (show && locked.contains("training") && w.training().panel() != null) {
                w.training().panel().setDisable(true);
            }
        });
    }

    /** Locks and hides exactly these names (unknown names are ignored); everything else is released. */
    public void apply(Collection<String> lock, Collection<String> hide) {
        unlockAll();
        for (String n : lock) {
            if (NAMES.contains(n) && !"side_panel".equals(n)) {
                locked.add(n);
            }
        }
        for (String n : hide) {
            if (NAMES.contains(n)) {
                hidden.add(n);
            }
        }
        for (String n : locked) {
            for (Node node : nodes(n)) {
                remember(node, node.isDisable());
                node.setDisable(true);
            }
            for (MenuItem m : menus(n)) {
                disable(m);
            }
            if ("training".equals(n) && w.training().panel() != null) {
                remember(w.training().panel(), w.training().panel().isDisable());
                w.training().panel().setDisable(true);
            }
        }
        for (String n : hidden) {
            for (Node node : nodes(n)) {
                node.setVisible(false);
                node.setManaged(false);
            }
            for (MenuItem m : menus(n)) {
                m.setVisible(false);
                disable(m);
            }
        }
        if (hidden.contains("side_panel")) {
            side.hide(SidePanelHold.Reason.LESSON);
        }
        if (hidden.contains("training")) {
            trainingBefore = w.training().shownProperty().get();
            w.training().shownProperty().set(false);
        }
        any.set(!locked.isEmpty() || !hidden.isEmpty());
    }

    /** Shows and enables everything a lesson locked or hid (the teacher's Lesson ▸ Unlock controls). */
    public void unlockAll() {
        boolean sideWasHidden = hidden.contains("side_panel");
        boolean trainingWasHidden = hidden.contains("training");
        for (String n : hidden) {
            for (Node node : nodes(n)) {
                node.setVisible(true);
                node.setManaged(true);
            }
            for (MenuItem m : menus(n)) {
                m.setVisible(true);
            }
        }
        disabledBefore.forEach((o, was) -> {
            if (o instanceof Node n) {
                n.setDisable(was);
            } else if (o instanceof MenuItem m) {
                m.setDisable(was);
            }
        });
        disabledBefore.clear();
        locked.clear();
        hidden.clear();
        if (sideWasHidden) {
            side.release(SidePanelHold.Reason.LESSON);
        }
        if (trainingWasHidden) {
            w.training().shownProperty().set(trainingBefore);
        }
        any.set(false);
    }

    /** Who holds the side panel hidden, over the user's own choice (shared by lesson, training step and presentation). */
    public SidePanelHold sidePanel() {
        return side;
    }

    public boolean isHidden(String name) {
        return hidden.contains(name);
    }

    /** Whether anything is locked or hidden now (the window shows a hint then). */
    public ReadOnlyBooleanProperty anyProperty() {
        return any.getReadOnlyProperty();
    }

    /** The timeline's keys and buttons are off while the timeline is locked or hidden. */
    public boolean timelineFree() {
        return !locked.contains("timeline") && !hidden.contains("timeline");
    }

    private void disable(MenuItem m) {
        remember(m, m.isDisable());
        m.setDisable(true);
        if (m instanceof Menu menu) {
            // accelerators of a disabled menu's items still fire: disable them one by one
            menu.getItems().forEach(this::disable);
        }
    }

    private void remember(Object o, boolean disabled) {
        disabledBefore.putIfAbsent(o, disabled);
    }

    private List<Node> nodes(String name) {
        List<Node> out = new ArrayList<>();
        for (String id : NODES.getOrDefault(name, List.of())) {
            // the side panel may be out of the scene (hidden with Ctrl+B): look there too
            Node n = w.scene().lookup("#" + Ids.of(id));
            if (n == null) {
                n = w.sideNode().lookup("#" + Ids.of(id));
            }
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private List<MenuItem> menus(String name) {
        List<MenuItem> out = new ArrayList<>();
        if (!(w.scene().lookup("#" + Ids.of("menu")) instanceof MenuBar bar)) {
            return out;
        }
        for (String id : MENUS.getOrDefault(name, List.of())) {
            MenuItem m = find(bar.getMenus(), Ids.of(id));
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem m : items) {
            if (id.equals(m.getId())) {
                return m;
            }
            if (m instanceof Menu menu) {
                MenuItem f = find(menu.getItems(), id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
