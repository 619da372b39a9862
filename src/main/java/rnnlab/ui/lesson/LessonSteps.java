package rnnlab.ui.lesson;

/** What the window's keys (PageDown, PageUp) need from an open lesson. */
public interface LessonSteps {
    boolean isOpen();

    void next();

    void previous();
}
