package rnnlab.ui.export;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Dialogs;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/**
 * File ▸ Export: a visible view as a PNG at twice its size on screen (sharp on slides and handouts), and
 * the run's trace as JSON or CSV. Files are written next to the target first and then moved in place,
 * so a failure leaves no half-written file; a bad path gives one message in the error banner.
 */
public final class ViewExport {
    private ViewExport() {
    }

    /** Asks which visible view (when there are several) and where, then writes it. */
    public static void exportView(ExportHost w) {
        List<LabView> shown = w.viewsArea().ids().stream().filter(w.visibleViews()::contains).map(w.viewsArea()::view).toList();
        if (shown.isEmpty()) {
            w.viewModel().errorProperty().set(Messages.get("export.view.none"));
            return;
        }
        LabView view = shown.get(0);
        if (shown.size() > 1) {
            List<String> titles = shown.stream().map(ViewCatalog::title).toList();
            ChoiceDialog<String> d = new ChoiceDialog<>(titles.get(0), titles);
            d.setTitle(Messages.get("export.view.title"));
            d.setHeaderText(Messages.get("export.view.choose"));
            d.getDialogPane().getButtonTypes().setAll(Dialogs.ok(), Dialogs.cancel());
            d.initOwner(w.stage());
            // the window's theme and font size
            d.getDialogPane().getStylesheets().addAll(w.scene().getStylesheets());
            d.getDialogPane().getStyleClass().add(w.darkTheme() ? "dark" : "light");
            d.getDialogPane().setStyle(w.scene().getRoot().getStyle());
            Optional<String> pick = d.showAndWait();
            if (pick.isEmpty()) {
                return;
            }
            view = shown.get(titles.indexOf(pick.get()));
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("export.view.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("file.filter.png"), "*.png"));
        fc.setInitialFileName(view.id().replace("view.", "") + ".png");
        File f = fc.showSaveDialog(w.stage());
        if (f != null) {
            writeOrReport(w, view, withExtension(f.toPath(), ".png"));
        }
    }

    /** Writes the view at 2× (its own sharp rendering where it has one) as a PNG; see {@link #writeOrReport(ExportHost, Node, Path)}. */
    static boolean writeOrReport(ExportHost w, LabView view, Path file) {
        WritableImage sharp = view.exportImage();
        return sharp == null ? writeOrReport(w, view.node(), file) : report(w, file, () -> write(sharp, file));
    }

    /** Writes the node as a PNG, or puts one message naming the file into the error banner. True when written. */
    public static boolean writeOrReport(ExportHost w, Node node, Path file) {
        return report(w, file, () -> writePng(node, file));
    }

    private interface Writer {
        void write() throws IOException;
    }

    private static boolean report(ExportHost w, Path file, Writer writer) {
        try {
            writer.write();
            w.viewModel().statusProperty().set(Messages.format("export.done", file.getFileName().toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            w.viewModel().errorProperty().set(Messages.format("export.error", file.toString(), reason(e)));
            return false;
        }
    }

    /** The node drawn at twice its size, written atomically as a PNG. Call on the FX thread. */
    static BufferedImage writePng(Node node, Path file) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(2, 2));
        return write(node.snapshot(p, null), file);
    }

    /** An image written atomically as a PNG. */
    static BufferedImage write(WritableImage fx, Path file) throws IOException {
        BufferedImage img = SwingFXUtils.fromFXImage(fx, null);
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir)); // an export never creates folders
        }
        rnnlab.io.Formats.writeAtomically(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
        return img;
    }

    /** Asks where, then writes the trace as JSON or CSV on the engine thread. */
    public static void exportTrace(ExportHost w, boolean csv) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(csv ? "menu.file.exportCsv" : "menu.file.exportJson"));
        fc.getExtensionFilters().add(csv ? new FileChooser.ExtensionFilter(Messages.get("file.filter.csv"), "*.csv")
                : new FileChooser.ExtensionFilter(Messages.get("file.filter.json"), "*.trace.json"));
        fc.setInitialFileName(csv ? "trace.csv" : "run.trace.json");
        File f = fc.showSaveDialog(w.stage());
        if (f == null) {
            return;
        }
        if (csv) {
            w.viewModel().exportTraceCsv(withExtension(f.toPath(), ".csv"), () -> { });
        } else {
            w.viewModel().exportTraceJson(withExtension(f.toPath(), ".json"), () -> { });
        }
    }

    /** File ▸ Export model as…: a .pt (PyTorch state_dict) or .safetensors file, written off the FX thread. */
    public static void exportModel(ExportHost w) {
        exportModel(w, fc -> fc.showSaveDialog(w.stage()));
    }

    /** The same, with the save dialog answered by {@code ask} (a test answers it without a native dialog). */
    static void exportModel(ExportHost w, java.util.function.Function<FileChooser, File> ask) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("menu.file.exportModel"));
        FileChooser.ExtensionFilter pt = new FileChooser.ExtensionFilter(Messages.get("file.filter.exportModel"),
                "*.pt", "*.safetensors");
        fc.getExtensionFilters().add(pt);
        fc.setInitialFileName("model.pt");
        File f = ask.apply(fc);
        if (f != null) {
            w.viewModel().exportModel(modelPath(f.toPath()), () -> { });
        }
    }

    /** The chosen name, ending in .pt unless it ends in .pt, .pth or .safetensors already. */
    static Path modelPath(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".safetensors") ? p
                : p.resolveSibling(p.getFileName() + ".pt");
    }

    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? p : p.resolveSibling(name + ext);
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return Messages.get("export.reason.noFolder");
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return Messages.get("export.reason.denied");
        }
        return String.valueOf(e.getMessage());
    }
}
