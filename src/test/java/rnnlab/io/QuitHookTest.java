package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM ends a session like a normal quit; SIGKILL still reads as a crash. Real child JVMs, real signals. */
class QuitHookTest {
    @TempDir
    Path home;

    @AfterEach
    void clear() {
        System.clearProperty(UserFiles.PROPERTY);
    }

    Process session() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-D" + UserFiles.PROPERTY + "=" + home, "-cp",
                System.getProperty("java.class.path"), Child.class.getName()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("ready");
        assertThat(home.resolve(SessionMarker.FILE)).exists();
        return p;
    }

    @Test
    void sigtermSavesAndTheNextStartIsClean() throws Exception {
        Process p = session();
        p.destroy(); // SIGTERM, as kill and a logout send
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(home.resolve("autosave.txt"))).isEqualTo("saved on quit");
        assertThat(home.resolve(SessionMarker.FILE)).doesNotExist();
        System.setProperty(UserFiles.PROPERTY, home.toString());
        assertThat(SessionMarker.start()).as("the next start reports a crash").isFalse();
    }

    @Test
    void sigkillCannotBeCaughtAndReadsAsACrash() throws Exception {
        Process p = session();
        p.destroyForcibly();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(home.resolve("autosave.txt")).doesNotExist();
        System.setProperty(UserFiles.PROPERTY, home.toString());
        assertThat(SessionMarker.start()).isTrue();
    }

    @Test
    void theQuitRunsOnceWhenTheAppQuitsNormallyFirst() {
        int[] runs = {0};
        QuitHook h = QuitHook.install(t -> runs[0]++);
        assertThat(h.quitNow()).isTrue();
        assertThat(h.quitNow()).isFalse();
        assertThat(runs[0]).isEqualTo(1);
    }

    /** A session: marker, a hook whose quit saves and removes the marker, then waits to be signalled. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            SessionMarker.start();
            QuitHook.install(timeout -> {
                UserFiles.writeTextAtomically("saved on quit", UserFiles.file("autosave.txt"));
                SessionMarker.end();
            });
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
