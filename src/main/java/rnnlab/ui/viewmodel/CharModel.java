package rnnlab.ui.viewmodel;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import rnnlab.analysis.Activations;
import rnnlab.analysis.CharText;
import rnnlab.analysis.Connectivity;
import rnnlab.analysis.StepSampler;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.io.imports.ModelFiles;

/**
 * A trained character model as the "What did the network learn?" window uses it: read from a file, run over
 * a text, asked for connectivity or a sampler. The window calls these from its worker thread, never the FX thread.
 */
public final class CharModel {
    private final Model model;

    private CharModel(Model model) {
        this.model = model;
    }

    /** Reads a model file (.model.json, .pt, …); the reader's clear message on a bad file. */
    public static CharModel read(Path file) throws Exception {
        return new CharModel(ModelFiles.read(file).modelFor(LossType.CROSS_ENTROPY));
    }

    public CharText encode(String text) {
        return CharText.encode(text, model.config());
    }

    public long activationBytes(int chars) {
        return Activations.bytesNeeded(model.config(), chars);
    }

    public Activations activations(CharText text, BooleanSupplier cancelled, IntConsumer progress) {
        return Activations.of(model, text, cancelled, progress);
    }

    public Connectivity.Result connectivity(CharText text, int position, int window) {
        return Connectivity.of(model, text, position, -1, window);
    }

    public StepSampler sampler(double temperature, long seed) {
        return new StepSampler(model, temperature, seed);
    }

    public CellType cell() {
        return model.config().cell();
    }

    public int layers() {
        return model.config().numLayers();
    }

    /** Whether its vocabulary holds CJK ideographs (a poem model). */
    public boolean writesIdeographs() {
        return model.config().vocab() != null && model.config().vocab().stream()
                .anyMatch(s -> !s.isEmpty() && Character.isIdeographic(s.codePointAt(0)));
    }
}
