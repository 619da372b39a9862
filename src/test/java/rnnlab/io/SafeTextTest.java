package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No message echoes control bytes from a file, and quotes are bounded; binary files say what they are. */
class SafeTextTest {
    @TempDir
    Path dir;

    static void assertPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertThat(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)
                    .as("character %d (U+%04X) of %s", i, (int) c, s).isFalse();
        }
    }

    @Test
    void controlAndFormattingCharactersBecomeEscapes() {
        assertThat(SafeText.clean("a\u0000b\u001b[2Jc\u202Ed\u0007", 100)).isEqualTo("a\\u0000b\\u001b[2Jc\\u202ed\\u0007");
        assertThat(SafeText.clean("中文 ok é", 100)).isEqualTo("中文 ok é");
        assertThat(SafeText.clean("\uD800x", 100)).isEqualTo("\\ud800x");
    }

    @Test
    void quotesAreBounded() {
        assertThat(SafeText.clean("x".repeat(1000), 10)).isEqualTo("x".repeat(10) + "…");
        assertThat(SafeText.quote("y".repeat(1000))).hasSize(41);
    }

    @Test
    void aTorchSaveZipNamesTheFormatAndTheExportScript() throws Exception {
        Path p = dir.resolve("net.pt");
        byte[] head = {'P', 'K', 3, 4, 0, 0, 8, 0, 0, 0, 0x1b, '[', '2', 'J', 0, 7, 'a', 'r', 'c', 'h', 'i', 'v', 'e', '/'};
        Files.write(p, head);
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e).isNotNull();
        assertThat(e.problem()).contains("zip archive").contains("PyTorch").contains("torch.save")
                .contains("src/main/python/export_pytorch.py");
        assertPrintable(e.getMessage());
    }

    @Test
    void aPickleIsNamed() throws Exception {
        Path p = dir.resolve("old.pt");
        Files.write(p, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46});
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e.problem()).contains("Python pickle").contains("export_pytorch.py");
    }

    @Test
    void otherBinaryBytesAreNotEchoed() throws Exception {
        Path p = dir.resolve("bin.model.json");
        Files.write(p, new byte[] {'{', '"', 1, 2, 0x1b, '[', '3', '1', 'm', 0, '"', '}'});
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e.problem()).startsWith("this is a binary file (byte 2 is 0x01), not JSON");
        assertPrintable(e.getMessage());
    }

    @Test
    void aControlCharacterInsideAStringIsEscapedInTheMessage() throws Exception {
        Path p = dir.resolve("esc.model.json");
        // JSON escapes are valid text: the string holds ESC and BEL once parsed
        Files.writeString(p, "{\"format\": \"\\u001b[2J\\u0007rnnlab\", \"version\": 1}");
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e.problem()).isEqualTo("expected \"rnnlab-model\", found \"\\u001b[2J\\u0007rnnlab\"");
        assertPrintable(e.getMessage());
    }

    @Test
    void anUnquotedTokenIsCutAndCleaned() throws Exception {
        Path p = dir.resolve("tok.model.json");
        Files.writeString(p, "PKzz" + "\u00e9".repeat(5000));
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e.getMessage().length()).isLessThan(800);
        assertPrintable(e.getMessage());
    }

    @Test
    void aFolderIsNamed() {
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(dir));
        assertThat(e.problem()).isEqualTo("is a folder; expected a JSON file");
    }
}
