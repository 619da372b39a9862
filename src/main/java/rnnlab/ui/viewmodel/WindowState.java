package rnnlab.ui.viewmodel;

import java.util.List;
import java.util.Map;

/**
 * The window's part of a scenario, handed to the window when a scenario opens: the visible views and
 * the settings (theme, font_scale, speed, selection, highlight) by key.
 */
public record WindowState(List<String> visibleViews, Map<String, String> settings) {
}
