package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import rnnlab.cli.Main;

/**
 * Issue 18: {@code java -jar rnnlab.jar --version} (and {@code -V}) is answered by the jar's entry before
 * picocli or JavaFX loads, and prints exactly what the command line parser's {@code --version} prints.
 */
class VersionFastPathTest {

    private static String fastPath(String arg) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Launcher.main(new String[] {arg});
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String picocli(String arg) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), Launcher.windowCommands(), arg);
        assertThat(status).isZero();
        assertThat(err.toString()).isEmpty();
        return out.toString();
    }

    @Test
    void theFastAnswerIsTheParsersAnswerLineForLine() {
        for (String arg : List.of("--version", "-V")) {
            String fast = fastPath(arg);
            assertThat(fast).startsWith("RNN Lab ").contains("(Java " + System.getProperty("java.version") + ", JavaFX ");
            // the same text; only the line ending may differ (picocli's PrintWriter println vs System.out println)
            assertThat(fast.strip()).isEqualTo(picocli(arg).strip());
            assertThat(fast.lines().count()).isEqualTo(1);
        }
    }

    @Test
    void theFastPathLoadsNeitherPicocliNorJavaFx() throws Exception {
        // a separate JVM on the test class path, listing every class it loads
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-verbose:class", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("rnnlab.about.BuildInfo").contains("RNN Lab ");
        assertThat(out).doesNotContain("picocli.").doesNotContain("javafx.").doesNotContain("com.sun.javafx")
                .doesNotContain("rnnlab.cli.Main").doesNotContain("rnnlab.app.RnnLabApp");
    }
}
