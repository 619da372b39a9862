package rnnlab.ui.viewmodel;

import rnnlab.io.imports.ImportedModel;

/** A foreign model (.pt, .safetensors, .onnx) just opened: its file name and how it was read. */
public record ImportedFile(String fileName, ImportedModel model) {
}
