package rnnlab.ui.views;

import javafx.application.Application;

/** Starts {@link ViewsDemo} from the class path (a main class that is not an Application). */
public final class ViewsDemoLauncher {
    private ViewsDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(ViewsDemo.class, args);
    }
}
