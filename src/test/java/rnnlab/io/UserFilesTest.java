package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFilesTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(UserFiles.PROPERTY);
    }

    @Test
    void settingsSurviveARewriteAndKeepOtherKeys() throws Exception {
        System.setProperty(UserFiles.PROPERTY, dir.resolve("home").toString());
        assertThat(UserFiles.setting("lang", "none")).isEqualTo("none");
        UserFiles.putSetting("lang", "zh");
        UserFiles.putSetting("theme", "dark");
        assertThat(UserFiles.setting("lang", "none")).isEqualTo("zh");
        assertThat(UserFiles.setting("theme", "light")).isEqualTo("dark");
        UserFiles.putSetting("lang", null);
        assertThat(UserFiles.setting("lang", "none")).isEqualTo("none");
        try (var files = Files.list(dir.resolve("home"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(UserFiles.SETTINGS);
        }
    }

    @Test
    void unreadableSettingsReadAsEmpty() throws Exception {
        System.setProperty(UserFiles.PROPERTY, dir.toString());
        Files.writeString(dir.resolve(UserFiles.SETTINGS), "lang=\\uZZZZ\n");
        assertThat(UserFiles.readSettings()).isEmpty();
    }
}
