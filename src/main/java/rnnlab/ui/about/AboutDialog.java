package rnnlab.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import rnnlab.about.BuildInfo;
import rnnlab.i18n.Messages;

/**
 * Help ▸ About: what RNN Lab is, its version, its licence, and the NOTICE (every bundled library and
 * data set with its licence) as packaged in the jar.
 */
public final class AboutDialog {
    static final String NOTICE = "/rnnlab/NOTICE";

    private AboutDialog() {
    }

    /** The dialog's content (its own method so a test can look at it without showing a window). */
    public static VBox content() {
        Label what = new Label(Messages.get("about.text"));
        what.setWrapText(true);
        Label version = new Label(Messages.format("about.version", BuildInfo.version(), BuildInfo.javafxVersion(),
                System.getProperty("java.version")));
        version.setId("about-version");
        Label licence = new Label(Messages.get("about.licence"));
        licence.setWrapText(true);
        TextArea notice = new TextArea(notice());
        notice.setId("about-notice");
        notice.setEditable(false);
        notice.setPrefRowCount(14);
        notice.setPrefColumnCount(70);
        VBox box = new VBox(10, what, version, licence, notice);
        box.setId("about");
        return box;
    }

    public static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.NONE, "", new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        a.setTitle(Messages.get("menu.help.about"));
        a.setHeaderText(Messages.get("app.title"));
        a.getDialogPane().setContent(content());
        a.setResizable(true);
        a.initOwner(owner);
        a.show();
    }

    /** The packaged NOTICE; a line saying it is missing when run outside a build. */
    static String notice() {
        try (InputStream in = AboutDialog.class.getResourceAsStream(NOTICE)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // fall through
        }
        return Messages.get("about.noNotice");
    }
}
