package rnnlab.io.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.io.InputException;
import rnnlab.io.ModelIO;

/** Opens and saves models in every format RNN Lab knows: its JSON, .pt/.pth, .safetensors and .onnx. */
public final class ModelFiles {
    /** File name endings of the model formats, for file choosers and drag-and-drop. */
    public static final List<String> EXTENSIONS = List.of(".model.json", ".json", ".pt", ".pth", ".safetensors", ".onnx");
    /** Glob patterns for a file chooser. */
    public static final List<String> PATTERNS = List.of("*.json", "*.pt", "*.pth", "*.safetensors", "*.onnx");

    private ModelFiles() {
    }

    enum Kind { JSON, TORCH, SAFETENSORS, ONNX }

    /** True when the name ends like a foreign model file (.pt, .pth, .safetensors, .onnx). */
    public static boolean isForeign(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".safetensors") || n.endsWith(".onnx");
    }

    public static ImportedModel read(Path p) throws InputException {
        return read(p, ImportOptions.NONE);
    }

    public static ImportedModel read(Path p, ImportOptions options) throws InputException {
        ImportOptions o = options == null ? ImportOptions.NONE : options;
        return switch (kind(p)) {
            case TORCH -> torch(p, o);
            case SAFETENSORS -> safetensors(p, o);
            case ONNX -> OnnxFile.read(p, o);
            case JSON -> ImportedModel.native_(ModelIO.read(p));
        };
    }

    /** Saves by the name's ending: .pt/.pth (torch.save's zip), .safetensors, else RNN Lab JSON. */
    public static void write(Model m, Path p) throws IOException {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean foreign = n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".safetensors");
        if (foreign && m.config().hasExtensions()) {
            throw new IOException(p + ": this model has residual connections or layer normalisation, which PyTorch's "
                    + "nn.RNN/LSTM/GRU do not have; save it as .model.json");
        }
        if (n.endsWith(".pt") || n.endsWith(".pth")) {
            TorchFile.write(m, p);
        } else if (n.endsWith(".safetensors")) {
            SafetensorsFile.write(m, p);
        } else if (n.endsWith(".onnx")) {
            throw new IOException(p + ": RNN Lab saves .pt, .safetensors or .model.json, not .onnx");
        } else {
            ModelIO.write(m, p);
        }
    }

    /**
     * The loss a sequence file names (null when it has none or cannot be read: its reader says why), so that
     * a foreign model's head can follow it before the sequence is read against the model.
     */
    public static rnnlab.engine.LossType lossOf(Path seq) {
        try {
            if (Files.size(seq) > rnnlab.io.Limits.MAX_FILE_BYTES) {
                return null;
            }
            String id;
            try (InputStream in = Files.newInputStream(seq)) {
                id = new ObjectMapper().readTree(in).path("loss").asText();
            }
            for (rnnlab.engine.LossType t : rnnlab.engine.LossType.values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static Kind kind(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pt") || n.endsWith(".pth")) {
            return Kind.TORCH;
        }
        if (n.endsWith(".safetensors")) {
            return Kind.SAFETENSORS;
        }
        if (n.endsWith(".onnx")) {
            return Kind.ONNX;
        }
        // other names: look at the first bytes (a .pt renamed .bin or .json)
        byte[] head = new byte[9];
        int k = 0;
        try (InputStream in = Files.newInputStream(p)) {
            k = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Kind.JSON; // the JSON reader says what is wrong with the file
        }
        if (k >= 2 && head[0] == 'P' && head[1] == 'K') {
            return Kind.TORCH;
        }
        if (k == 9 && head[8] == '{' && head[7] == 0 && head[6] == 0) {
            return Kind.SAFETENSORS;
        }
        return Kind.JSON;
    }

    private static ImportedModel safetensors(Path p, ImportOptions o) throws InputException {
        SafetensorsFile.Contents c = SafetensorsFile.read(p);
        Map<String, String> meta = c.metadata();
        List<String> notes = new ArrayList<>();
        CellType cell = o.cell();
        if (cell == null && CellType.RNN_RELU.id().equals(meta.get(SafetensorsFile.META_CELL))) {
            cell = CellType.RNN_RELU;
            notes.add(rnnlab.i18n.Messages.format("import.note.reluMeta"));
        }
        Activation act = o.activation();
        if (act == null && meta.containsKey(SafetensorsFile.META_ACTIVATION)) {
            act = Activation.fromId(meta.get(SafetensorsFile.META_ACTIVATION));
        }
        ImportedModel im = StateDictMapper.map(p.toString(), "safetensors", c.tensors(),
                new ImportOptions(o.prefix(), cell, act), notes);
        String vocabJson = meta.get(SafetensorsFile.META_VOCAB);
        if (vocabJson == null) {
            return im;
        }
        List<String> vocab = new ArrayList<>();
        try {
            new ObjectMapper().readTree(vocabJson).forEach(v -> vocab.add(v.asText()));
        } catch (IOException e) {
            throw new InputException(p.toString(), "__metadata__." + SafetensorsFile.META_VOCAB, "expected a JSON list");
        }
        return withVocab(p, "__metadata__." + SafetensorsFile.META_VOCAB, im, vocab);
    }

    private static ImportedModel torch(Path p, ImportOptions o) throws InputException {
        TorchFile.Contents c = TorchFile.readContents(p);
        ImportedModel im = StateDictMapper.map(p.toString(), "PyTorch .pt", c.tensors(), o, List.of());
        return c.vocab() == null ? im : withVocab(p, "data.pkl (" + StateDictUnpickler.VOCAB_ATTRIBUTE + ")", im, c.vocab());
    }

    private static ImportedModel withVocab(Path p, String where, ImportedModel im, List<String> vocab)
            throws InputException {
        ModelConfig cfg = im.model().config();
        if (vocab.size() != cfg.tokenCount()) {
            throw new InputException(p.toString(), where, "expected "
                    + cfg.tokenCount() + " symbols, found " + vocab.size());
        }
        ModelConfig withVocab = new ModelConfig(cfg.cell(), cfg.inputSize(), cfg.hiddenSize(), cfg.numLayers(),
                cfg.bidirectional(), cfg.embeddingVocab(), cfg.outputSize(), cfg.outputActivation(), vocab);
        return new ImportedModel(new Model(withVocab, im.model().params()), im.format(), im.notes(), im.gateMap(),
                im.activationInferred());
    }
}
