package rnnlab.ui.views;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import rnnlab.session.Frame;
import rnnlab.ui.common.Ids;

/** A test-only view: one label that shows the frame's time and hidden size, as a real view would bind. */
public final class TestLabView implements LabView {
    final Label label = new Label();
    private final String id;

    public TestLabView() {
        this("view.test");
    }

    public TestLabView(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String titleKey() {
        return "view.test.title";
    }

    @Override
    public Node node() {
        return label;
    }

    @Override
    public void bind(ViewContext c) {
        label.setId(id.equals("view.test") ? "test-label" : Ids.of(id) + "-label");
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            Frame f = c.getFrame();
            return f == null ? "none" : "t=" + f.time() + " H=" + f.hiddenSize() + " pos=" + f.position();
        }, c.frameProperty()));
    }
}
