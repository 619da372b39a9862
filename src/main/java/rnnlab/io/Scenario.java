package rnnlab.io;

import java.util.List;
import java.util.Map;
import rnnlab.engine.Model;
import rnnlab.engine.Sequence;

/**
 * Everything needed to put the app back exactly where it was: the model with its weights, the
 * sequence, where the cursor stands, which views are shown and the window's settings.
 *
 * @param model         the model, weights included
 * @param sequence      the sequence fed to it
 * @param sequenceText  the text typed in the sequence editor (null when the sequence came from a file)
 * @param preset        the preset the model was built from (null for a model file)
 * @param seed          the seed of the model's random initialisation
 * @param init          the initialisation's id
 * @param position      the timeline position (0 = before the first step)
 * @param visibleViews  ids of the views shown, in order
 * @param settings      window settings by key (theme, font_scale, speed, highlight, selection …), as text
 */
public record Scenario(Model model, Sequence sequence, String sequenceText, String preset, long seed, String init,
                       int position, List<String> visibleViews, Map<String, String> settings) {
    public Scenario {
        visibleViews = List.copyOf(visibleViews);
        settings = Map.copyOf(settings);
    }
}
