package rnnlab.lessons;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the app shows for one step of a lesson. Every field may be null (not set). A step's scene as the
 * player receives it is already merged with the steps before it ({@link #then}).
 *
 * @param preset        a preset id (tiny_rnn, lstm_8 …)
 * @param model         a model file inside the lessons folder
 * @param cell          rnn_tanh, rnn_relu, lstm or gru (overrides the preset)
 * @param hiddenSize    H (overrides the preset)
 * @param layers        stacked layers (overrides the preset)
 * @param bidirectional a right-to-left direction too (overrides the preset)
 * @param seed          the seed of the random weights
 * @param init          pytorch_default or zeros
 * @param text          the sequence as text (character model)
 * @param sequence      a sequence file inside the lessons folder
 * @param step          the forward position 0 … T, or {@link #END}
 * @param backward      BPTT steps taken after the whole forward pass, 1 … T, or {@link #END}
 * @param views         the visible views' ids ({@code view.lstm} …), in order
 * @param highlight     the element id to spotlight (this step only), as written (numbers from 1; the
 *                      views' own id is {@link #highlightRegion()}); "" for none
 * @param unit          the selected unit, from 1
 * @param gate          the selected gate's letter
 * @param layer         the selected layer, from 1
 * @param wHhScale      the factor on W_hh
 * @param architecture  auto, many_to_many, many_to_one, one_to_many or encoder_decoder
 * @param lock          controls shown but locked: model, sequence, timeline, views, training
 * @param hide          controls hidden: the same, and side_panel
 * @param panel         opened for this step only: training, experiment or compare
 * @param task          the training panel's task
 * @param mask          quantities every view hides until this step's checkpoint is answered (this step
 *                      only): parts of {@link #MASK_PARTS}; empty for none
 * @param set           single weights changed on the step's model ({@code set:} lines); they add up over
 *                      the steps until a new preset or model; empty for none
 */
public record Scene(String preset, Path model, String cell, Integer hiddenSize, Integer layers, Boolean bidirectional,
                    Long seed, String init, String text, Path sequence, Integer step, Integer backward,
                    List<String> views, String highlight, Integer unit, String gate, Integer layer, Double wHhScale,
                    String architecture, Set<String> lock, Set<String> hide, String panel, String task,
                    Set<String> mask, List<WeightEdit> set, Seq2SeqShow seq2seq) {
    /** "end": the last forward step, or the last BPTT step. */
    public static final int END = Integer.MAX_VALUE;
    public static final Set<String> CONTROLS = Set.of("model", "sequence", "timeline", "views", "training");
    public static final Set<String> HIDEABLE = Set.of("model", "sequence", "timeline", "views", "training", "side_panel");
    public static final Set<String> PANELS = Set.of("training", "experiment", "compare", "gatemap", "gradcheck");
    public static final List<String> VIEWS = rnnlab.catalog.ViewRegistry.builtInNames();
    public static final Set<String> ARCHITECTURES = Set.of("auto", "many_to_many", "many_to_one", "one_to_many",
            "encoder_decoder");
    /** What {@code mask:} may name: h, c, every gate, one gate, the output (probabilities and loss). */
    public static final List<String> MASK_PARTS = List.of("h", "c", "gates", "output", "gate f", "gate i", "gate g",
            "gate o", "gate r", "gate z", "gate n");
    public static final Scene EMPTY = new Scene(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null);

    public Scene {
        views = views == null ? null : List.copyOf(views);
        lock = lock == null ? null : Set.copyOf(lock);
        hide = hide == null ? null : Set.copyOf(hide);
        mask = mask == null ? null : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(mask));
        set = set == null ? List.of() : List.copyOf(set);
    }

    /** A scene without an encoder–decoder window. */
    public Scene(String preset, Path model, String cell, Integer hiddenSize, Integer layers, Boolean bidirectional,
                 Long seed, String init, String text, Path sequence, Integer step, Integer backward,
                 List<String> views, String highlight, Integer unit, String gate, Integer layer, Double wHhScale,
                 String architecture, Set<String> lock, Set<String> hide, String panel, String task, Set<String> mask,
                 List<WeightEdit> set) {
        this(preset, model, cell, hiddenSize, layers, bidirectional, seed, init, text, sequence, step, backward, views,
                highlight, unit, gate, layer, wHhScale, architecture, lock, hide, panel, task, mask, set, null);
    }

    /** A scene without weight edits. */
    public Scene(String preset, Path model, String cell, Integer hiddenSize, Integer layers, Boolean bidirectional,
                 Long seed, String init, String text, Path sequence, Integer step, Integer backward,
                 List<String> views, String highlight, Integer unit, String gate, Integer layer, Double wHhScale,
                 String architecture, Set<String> lock, Set<String> hide, String panel, String task, Set<String> mask) {
        this(preset, model, cell, hiddenSize, layers, bidirectional, seed, init, text, sequence, step, backward, views,
                highlight, unit, gate, layer, wHhScale, architecture, lock, hide, panel, task, mask, null);
    }

    /**
     * This scene followed by a step's own keys: the step's keys win; {@code highlight}, {@code panel} and
     * {@code mask} hold for their own step only; a new preset or model drops the earlier overrides; {@code step} and
     * {@code backward} replace each other, as do {@code text} and {@code sequence}.
     */
    /**
     * The scene once the step's checkpoint is answered: a check's {@code reveal:} settings (position, views,
     * spotlight, selection) on top of this scene; the spotlight stays unless the reveal names one, the mask goes.
     */
    public Scene afterAnswer(Scene reveal) {
        Scene t = then(reveal);
        return new Scene(t.preset, t.model, t.cell, t.hiddenSize, t.layers, t.bidirectional, t.seed, t.init, t.text,
                t.sequence, t.step, t.backward, t.views, reveal.highlight != null ? reveal.highlight : highlight, t.unit,
                t.gate, t.layer, t.wHhScale, t.architecture, t.lock, t.hide, panel, t.task, null, t.set, seq2seq);
    }

    public Scene then(Scene next) {
        boolean newModel = next.preset != null || next.model != null;
        boolean newPosition = next.step != null || next.backward != null;
        boolean newData = next.text != null || next.sequence != null;
        return new Scene(
                newModel ? next.preset : preset,
                newModel ? next.model : model,
                pick(next.cell, newModel ? null : cell),
                pick(next.hiddenSize, newModel ? null : hiddenSize),
                pick(next.layers, newModel ? null : layers),
                pick(next.bidirectional, newModel ? null : bidirectional),
                pick(next.seed, newModel ? null : seed),
                pick(next.init, newModel ? null : init),
                newData ? next.text : text,
                newData ? next.sequence : sequence,
                newPosition ? next.step : step,
                newPosition ? next.backward : backward,
                pick(next.views, views),
                next.highlight,
                pick(next.unit, unit),
                pick(next.gate, gate),
                pick(next.layer, layer),
                pick(next.wHhScale, wHhScale),
                pick(next.architecture, architecture),
                pick(next.lock, lock),
                pick(next.hide, hide),
                next.panel,
                pick(next.task, task),
                next.mask,
                newModel ? next.set : concat(set, next.set),
                next.seq2seq);
    }

    private static List<WeightEdit> concat(List<WeightEdit> a, List<WeightEdit> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<WeightEdit> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> T pick(T a, T b) {
        return a != null ? a : b;
    }

    /** True when both scenes build the same model and sequence (the player then keeps the weights). */
    public boolean sameModel(Scene o) {
        return o != null && Objects.equals(preset, o.preset) && Objects.equals(model, o.model)
                && Objects.equals(cell, o.cell) && Objects.equals(hiddenSize, o.hiddenSize)
                && Objects.equals(layers, o.layers) && Objects.equals(bidirectional, o.bidirectional)
                && Objects.equals(seed, o.seed) && Objects.equals(init, o.init) && Objects.equals(text, o.text)
                && Objects.equals(sequence, o.sequence) && Objects.equals(edits(set), edits(o.set));
    }

    /** The edits without their lines (the same edits in another step are the same model). */
    private static List<String> edits(List<WeightEdit> e) {
        return e.stream().map(WeightEdit::text).toList();
    }

    /** The id to give the views' highlight (numbers from 0, as they draw them), or null for none. */
    public String highlightRegion() {
        return highlight == null || highlight.isEmpty() ? null : ElementIds.toRegion(highlight);
    }

    /** The locked controls (never null). */
    public Set<String> lockedControls() {
        return lock == null ? Set.of() : lock;
    }

    /** The masked parts of this step (never null). */
    public Set<String> maskedParts() {
        return mask == null ? Set.of() : mask;
    }

    /** The hidden controls (never null). */
    public Set<String> hiddenControls() {
        return hide == null ? Set.of() : hide;
    }
}
