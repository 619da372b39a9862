package rnnlab.lessons;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.io.InputException;
import rnnlab.io.ModelIO;
import rnnlab.io.Preset;
import rnnlab.io.SequenceIO;

/**
 * Checks what a parsed lesson means: that its model and sequence files load, and that every unit, step,
 * layer, gate, view and highlight it names exists in the model each step shows.
 */
final class LessonValidator {
    /** What a step's scene shows: its cell, sizes and sequence length (0 when unknown). */
    record Shape(String cell, int hidden, int layers, boolean bidirectional, int steps, List<String> vocab) {
    }

    private final Map<Path, Object> models = new HashMap<>();
    private final List<Problem> problems;

    LessonValidator(List<Problem> problems) {
        this.problems = problems;
    }

    void check(Lesson lesson) {
        for (Step s : lesson.steps()) {
            Shape shape = shape(lesson.file(), s);
            if (shape != null) {
                new StepChecks(lesson.file(), s, shape, problems).run();
            }
        }
    }

    /** The shape a step's scene builds, or null (with a problem) when its files do not load. */
    Shape shape(Path file, Step s) {
        Scene sc = s.scene();
        String cell;
        int hidden;
        int layers;
        boolean bidi;
        List<String> vocab = null;
        ModelConfig fileConfig = null;
        if ("gatemap".equals(sc.panel()) && (sc.model() == null || !rnnlab.io.imports.ModelFiles.isForeign(sc.model()))) {
            problems.add(new Problem(file, s.line(), "panel: gatemap shows how a foreign model file was read; this "
                    + "step's model must be a .pt, .pth, .safetensors or .onnx file (\"model\")"));
        }
        if (sc.model() != null) {
            Object m = models.computeIfAbsent(sc.model(), LessonValidator::loadModel);
            if (m instanceof String error) {
                problems.add(new Problem(file, s.line(), "model " + error));
                return null;
            }
            // as the player builds it: a foreign file's head takes the activation of the sequence's loss
            fileConfig = ((rnnlab.io.imports.ImportedModel) m)
                    .modelFor(sc.sequence() == null ? null : rnnlab.io.imports.ModelFiles.lossOf(sc.sequence())).config();
            cell = fileConfig.cell().id();
            hidden = fileConfig.hiddenSize();
            layers = fileConfig.numLayers();
            bidi = fileConfig.bidirectional();
            vocab = fileConfig.vocab();
        } else {
            Preset p = Preset.fromId(sc.preset());
            if (p == null) {
                return null;
            }
            cell = p.cell.id();
            hidden = p.hidden;
            layers = p.layers;
            bidi = p.bidirectional;
        }
        cell = sc.cell() != null ? sc.cell() : cell;
        hidden = sc.hiddenSize() != null ? sc.hiddenSize() : hidden;
        layers = sc.layers() != null ? sc.layers() : layers;
        bidi = sc.bidirectional() != null ? sc.bidirectional() : bidi;
        int steps = 0;
        if (sc.text() != null) {
            steps = sc.text().codePointCount(0, sc.text().length()) - 1;
            if (fileConfig == null) {
                vocab = sc.text().codePoints().distinct().mapToObj(c -> new String(Character.toChars(c))).toList();
            }
        } else if (sc.sequence() != null) {
            if (fileConfig == null) {
                problems.add(new Problem(file, s.line(), "a sequence file needs a model file (\"model\") that it fits"));
                return null;
            }
            try {
                steps = rnnlab.io.SequenceFiles.read(sc.sequence(), fileConfig).length();
            } catch (InputException e) {
                problems.add(new Problem(file, s.line(), "sequence " + e.getMessage()));
                return null;
            }
        }
        return new Shape(cell, hidden, layers, bidi, steps, vocab);
    }

    private static Object loadModel(Path p) {
        try {
            return rnnlab.io.imports.ModelFiles.read(p);
        } catch (InputException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return p.getFileName() + ": cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }

    static List<String> gates(String cell) {
        CellType c = CellType.fromId(cell);
        return c == null || c.blocks() == 1 ? List.of() : List.of(c.gateNames());
    }
}
