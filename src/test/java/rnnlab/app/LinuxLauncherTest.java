package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image's launcher ({@code src/packaging/linux/launcher.sh}, put in place of jpackage's
 * {@code bin/rnnlab}, which runs {@code dpkg -S} twice before Java starts) starts the image's java with what
 * jpackage's {@code lib/app/rnnlab.cfg} says, as jpackage's launcher does: the class path in the cfg's order
 * with {@code $APPDIR} made the image's {@code lib/app} (the class-data-sharing archive is valid only for that
 * exact class path), the java-options, the main class, then the user's arguments unchanged. Checked on a
 * made-up image whose {@code lib/runtime/bin/java} writes down the arguments it gets.
 */
class LinuxLauncherTest {
    private static final Path SCRIPT = Path.of("src/packaging/linux/launcher.sh");

    private static boolean hasBash() {
        return !System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                && Files.isExecutable(Path.of("/bin/bash"));
    }

    /** An app image in {@code dir}: bin/rnnlab (the script), lib/app/rnnlab.cfg, a java that records its arguments. */
    private static Path image(Path dir, String cfg) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path app = Files.createDirectories(dir.resolve("lib/app"));
        Path javaBin = Files.createDirectories(dir.resolve("lib/runtime/bin"));
        Path launcher = bin.resolve("rnnlab");
        Files.copy(SCRIPT, launcher);
        Files.writeString(app.resolve("rnnlab.cfg"), cfg);
        Path java = javaBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$ARGS_OUT\"\n");
        for (Path p : List.of(launcher, java)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return launcher;
    }

    private record Run(int status, List<String> javaArgs, String err) {
    }

    private static Run run(Path launcher, Path dir, String... args) throws Exception {
        Path out = dir.resolve("args.txt");
        Path err = dir.resolve("err.txt");
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("ARGS_OUT", out.toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> got = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
        return new Run(p.exitValue(), got, Files.readString(err));
    }

    private static final String CFG = """
            [Application]
            app.classpath=$APPDIR/rnnlab-app.jar
            app.mainclass=rnnlab.app.Launcher
            app.classpath=$APPDIR/b-1.0.jar
            app.classpath=$APPDIR/a-2.0.jar

            [JavaOptions]
            java-options=-Djpackage.app-version=0.1.0
            java-options=-XX:SharedArchiveFile=$APPDIR/rnnlab.jsa
            """;

    @Test
    void startsTheImagesJavaWithTheCfgsClassPathOptionsAndMainClassThenTheArguments(@TempDir Path tmp) throws Exception {
        assumeTrue(hasBash(), "bash (Linux)");
        Path dir = tmp.toRealPath();
        Path launcher = image(dir, CFG);
        Run r = run(launcher, dir, "--lang", "zh", "my lesson.rnnlab.json", "");
        assertThat(r.status()).as(r.err()).isZero();
        String app = dir.resolve("lib/app").toString();
        assertThat(r.javaArgs()).containsExactly(
                "-Djpackage.app-path=" + launcher,
                "-Djpackage.app-version=0.1.0",
                "-XX:SharedArchiveFile=" + app + "/rnnlab.jsa",
                "-cp", app + "/rnnlab-app.jar:" + app + "/b-1.0.jar:" + app + "/a-2.0.jar",
                "rnnlab.app.Launcher",
                "--lang", "zh", "my lesson.rnnlab.json", "");
    }

    @Test
    void startedThroughASymlinkItStillFindsItsImage(@TempDir Path tmp) throws Exception {
        assumeTrue(hasBash(), "bash (Linux)");
        Path dir = tmp.toRealPath();
        Path launcher = image(dir.resolve("opt/rnnlab"), CFG);
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr/bin")).resolve("rnnlab"), launcher);
        Run r = run(link, dir, "--version");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.javaArgs()).contains("-cp").contains("--version")
                .contains("-XX:SharedArchiveFile=" + dir.resolve("opt/rnnlab/lib/app/rnnlab.jsa"));
    }

    @Test
    void aMissingCfgIsOneMessageNamingIt(@TempDir Path tmp) throws Exception {
        assumeTrue(hasBash(), "bash (Linux)");
        Path dir = tmp.toRealPath();
        Path launcher = image(dir, CFG);
        Files.delete(dir.resolve("lib/app/rnnlab.cfg"));
        Run r = run(launcher, dir);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.javaArgs()).isEmpty();
        assertThat(r.err().strip().split("\n")).hasSize(1);
        assertThat(r.err()).contains(dir.resolve("lib/app/rnnlab.cfg").toString()).contains("reinstall");
    }
}
