package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.lessons.LessonProgress;

/** Settings and lesson progress: a key twice is a problem with the file and the line or path, and nothing is lost. */
class UserFileReadersTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(UserFiles.PROPERTY);
    }

    @Test
    void aSettingGivenTwiceIsRefusedByLine() throws Exception {
        Path f = dir.resolve(UserFiles.SETTINGS);
        Files.writeString(f, "# RNN Lab settings\nlang=zh\ntheme=dark\nlang=en\n");
        InputException e = catchThrowableOfType(InputException.class, () -> UserFiles.readSettings(f));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(f + ": line 4: the setting \"lang\" is given twice (first on line 2); "
                + "expected each setting once");
    }

    @Test
    void continuationsCommentsAndEscapesStillRead() throws Exception {
        Path f = dir.resolve(UserFiles.SETTINGS);
        Files.writeString(f, "# comment ending in a backslash \\\nlang=z\\\n   h\ntheme : dark\nname=\\u4e2d\n");
        var p = UserFiles.readSettings(f);
        assertThat(p).containsEntry("lang", "zh").containsEntry("theme", "dark").containsEntry("name", "中").hasSize(3);
    }

    @Test
    void unreadableSettingsAreKeptBesideWhenASettingIsWritten() throws Exception {
        System.setProperty(UserFiles.PROPERTY, dir.toString());
        Files.writeString(dir.resolve(UserFiles.SETTINGS), "lang=zh\nlang=en\n");
        assertThat(UserFiles.settingsProblem()).contains("line 2").contains("given twice");
        assertThat(UserFiles.readSettings()).isEmpty();
        UserFiles.putSetting("theme", "dark");
        assertThat(Files.readString(dir.resolve(UserFiles.SETTINGS + ".unreadable"))).isEqualTo("lang=zh\nlang=en\n");
        assertThat(UserFiles.setting("theme", "light")).isEqualTo("dark");
        assertThat(UserFiles.settingsProblem()).isNull();
    }

    @Test
    void progressWithADuplicateLessonStartsAfreshSaysWhyAndKeepsACopy() throws Exception {
        Path f = dir.resolve(LessonProgress.FILE);
        String text = "{\"format\":\"rnnlab-progress\",\"version\":1,\"lessons\":{"
                + "\"forget\":{\"step\":2,\"done\":false,\"answers\":{}},"
                + "\"forget\":{\"step\":0,\"done\":false,\"answers\":{}}}}";
        Files.writeString(f, text);
        LessonProgress p = LessonProgress.load(f);
        assertThat(p.started("forget")).isFalse();
        assertThat(p.problem()).isEqualTo(f + ": lessons.forget: key \"forget\" appears twice (again on line 1); "
                + "expected each key once");
        assertThat(Files.readString(dir.resolve(LessonProgress.FILE + ".unreadable"))).isEqualTo(text);
    }

    @Test
    void progressWithTrailingDataOrTheWrongFormatIsAProblem() throws Exception {
        Path f = dir.resolve(LessonProgress.FILE);
        Files.writeString(f, "{\"format\":\"rnnlab-progress\",\"version\":1,\"lessons\":{}} {}");
        assertThat(LessonProgress.load(f).problem()).contains("unexpected data after the end of the JSON object");
        Files.writeString(f, "{\"format\":\"rnnlab-model\",\"version\":1,\"lessons\":{}}");
        assertThat(LessonProgress.load(f).problem()).isEqualTo(f + ": format: expected \"rnnlab-progress\", found \"rnnlab-model\"");
        Files.writeString(f, "{\"format\":\"rnnlab-progress\",\"version\":1,\"lessons\":{\"a\":{\"step\":-4}}}");
        assertThat(LessonProgress.load(f).problem()).isEqualTo(f + ": lessons.a.step: expected a whole number from 0, found -4");
    }

    @Test
    void goodProgressHasNoProblem() throws Exception {
        Path f = dir.resolve(LessonProgress.FILE);
        LessonProgress p = LessonProgress.load(f);
        p.setStep("forget", 3);
        p.save();
        LessonProgress q = LessonProgress.load(f);
        assertThat(q.problem()).isNull();
        assertThat(q.step("forget")).isEqualTo(3);
    }
}
