package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic writer: no temp files left behind, permissions and symlinks kept, errors name the user's path. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    static void write(Path f, String text) throws Exception {
        Formats.writeAtomically(f, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A child JVM that starts writing {@code target}, says "ready" and waits to be killed. */
    static Process child(Path target, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildWriter.class.getName(),
                target.toString(), mode).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("ready");
        return p;
    }

    @Test
    void tempFilesOfAKilledWriterAreRemovedByTheNextWriteIntoTheFolder() throws Exception {
        Path target = dir.resolve("m.model.json");
        for (int i = 0; i < 3; i++) {
            Process p = child(target, "write");
            p.destroyForcibly(); // kill -9 in the middle of a save
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // each new save removed the one the last killed save left: never more than one
            assertThat(names()).hasSize(1).allMatch(n -> n.startsWith(".m.model.json.rnnlab-") && n.endsWith(".tmp"));
        }
        write(target, "new");
        assertThat(names()).containsExactly("m.model.json");
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void onlyOurStaleFilesGo() throws Exception {
        long self = ProcessHandle.current().pid();
        Path mine = Files.writeString(dir.resolve(".a.json.rnnlab-" + self + "-abc.tmp"), "x"); // this process: in use
        Path alive = Files.writeString(dir.resolve(".a.json.rnnlab-1-abc.tmp"), "x"); // pid 1 lives: in use
        Path user = Files.writeString(dir.resolve(".notes.tmp"), "x"); // not ours
        Path other = Files.writeString(dir.resolve(".b.json.12345.tmp"), "x"); // old pattern, young
        Path oldOther = Files.writeString(dir.resolve(".c.json.67890.tmp"), "x"); // old pattern, 2 h old
        Files.setLastModifiedTime(oldOther, FileTime.from(Instant.now().minusSeconds(7200)));
        Path oldAlive = Files.writeString(dir.resolve(".d.json.rnnlab-1-xyz.tmp"), "x"); // pid reused, 2 h old
        Files.setLastModifiedTime(oldAlive, FileTime.from(Instant.now().minusSeconds(7200)));
        assertThat(AtomicFiles.sweep(dir)).isEqualTo(2);
        assertThat(Files.exists(mine)).isTrue();
        assertThat(Files.exists(alive)).isTrue();
        assertThat(Files.exists(user)).isTrue();
        assertThat(Files.exists(other)).isTrue();
        assertThat(Files.exists(oldOther)).isFalse();
        assertThat(Files.exists(oldAlive)).isFalse();
    }

    @Test
    void aSaveKeepsTheFilesPermissionsAndNewFilesGetTheDefaultOnes() throws Exception {
        Path f = dir.resolve("shared.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        write(f, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        write(f, "newer");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-rw----");
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives
        Path fresh = dir.resolve("fresh.json");
        write(fresh, "x");
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughNotReplaced() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("model.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real", "model.json"));
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(names()).containsExactly("link.json", "real");
        try (Stream<Path> s = Files.list(dir.resolve("real"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("model.json");
        }
    }

    @Test
    void errorsNameThePathTheUserGaveNeverATempFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertThatThrownBy(() -> write(folder, "x")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(folder.toString()).hasMessageContaining("is a folder")
                .hasMessageNotContaining(".tmp");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(folder)).hasMessageContaining("is a folder");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        Path under = file.resolve("m.json");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(under)).hasMessageContaining(under.toString())
                .hasMessageContaining("not a folder");
        assertThatThrownBy(() -> write(under, "x")).hasMessageContaining(under.toString()).hasMessageNotContaining(".tmp");
        assertThat(Files.list(folder).count()).isZero();
    }

    @Test
    void nanIsNeverWrittenIntoJson() throws Exception {
        var json = JsonNav.MAPPER.createObjectNode();
        json.putObject("state_dict").putArray("w").add(1.0).add(Double.POSITIVE_INFINITY);
        Path f = dir.resolve("m.json");
        assertThatThrownBy(() -> Formats.writeAtomically(json, f)).isInstanceOf(Formats.NonFiniteException.class)
                .hasMessageContaining("state_dict.w[1] = Infinity");
        assertThat(names()).isEmpty();
    }

    /** The child process of the kill tests. */
    public static final class ChildWriter {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[0]);
            AtomicFiles.Pending p = AtomicFiles.begin(target);
            try (var out = p.openStream()) {
                out.write(new byte[1 << 16]);
                out.flush();
                System.out.println("ready");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
