package rnnlab.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.about.BuildInfo;
import rnnlab.i18n.Messages;

/** Help ▸ About shows the build's version and the packaged NOTICE, in English and Chinese. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void showsTheVersionAndEveryBundledLibrarysLicence() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        VBox box = WaitForAsyncUtils.asyncFx(AboutDialog::content).get();
        String version = ((Label) box.lookup("#about-version")).getText();
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(version).startsWith("Version " + BuildInfo.version()).contains("JavaFX 21");
        String notice = ((TextArea) box.lookup("#about-notice")).getText();
        assertThat(notice).contains("Apache License, Version 2.0", "javafx graphics", "GPL-2.0-only WITH Classpath-exception-2.0",
                "ControlsFX", "BSD-3-Clause", "assets/memory.txt");
    }

    @Test
    void speaksChinese() throws Exception {
        Messages.setLocale(Locale.CHINESE);
        VBox box = WaitForAsyncUtils.asyncFx(AboutDialog::content).get();
        assertThat(((Label) box.lookup("#about-version")).getText()).startsWith("版本 " + BuildInfo.version());
    }
}
