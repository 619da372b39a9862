package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged {@code target/rnnlab.jar} runs on every platform: it holds JavaFX's glass classes for
 * Windows, macOS and GTK and, under {@code natives/<platform>/}, the native libraries of each
 * platform built for that platform's processor (read from the ELF, Mach-O and PE headers, so a Linux
 * arm64 library overwriting the x64 one is caught). Runs in the {@code verify} phase, after packaging
 * (surefire execution {@code portable-jar} in pom.xml); the default test run leaves it out.
 */
class PortableJarTest {
    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        String p = System.getProperty("rnnlab.jar", "target/rnnlab.jar");
        assertThat(Path.of(p)).as("the portable jar (run `mvn package` first)").isRegularFile();
        jar = new JarFile(p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // platform, libraries that must be there, the processor the headers must name
        "windows-x64,   glass.dll prism_d3d.dll prism_sw.dll javafx_font.dll javafx_iio.dll decora_sse.dll, x64",
        "mac-x64,       libglass.dylib libprism_es2.dylib libprism_sw.dylib libjavafx_font.dylib libjavafx_iio.dylib, x64",
        "mac-aarch64,   libglass.dylib libprism_es2.dylib libprism_sw.dylib libjavafx_font.dylib libjavafx_iio.dylib, arm64",
        "linux-x64,     libglass.so libglassgtk3.so libprism_es2.so libprism_sw.so libjavafx_font.so libjavafx_font_freetype.so libjavafx_iio.so, x64",
        "linux-aarch64, libglass.so libglassgtk3.so libprism_es2.so libprism_sw.so libjavafx_font.so libjavafx_font_freetype.so libjavafx_iio.so, arm64",
    })
    void holdsEveryPlatformsNativesForItsProcessor(String platform, String libs, String cpu) throws IOException {
        for (String lib : libs.trim().split("\\s+")) {
            JarEntry e = jar.getJarEntry(NativeLibraries.FOLDER + platform + "/" + lib);
            assertThat(e).as("%s/%s in the jar", platform, lib).isNotNull();
            assertThat(processor(e)).as("processor of %s/%s", platform, lib).isEqualTo(cpu);
        }
    }

    @Test
    void holdsTheGlassClassesOfEveryWindowingSystem() {
        for (String c : List.of("com/sun/glass/ui/win/WinApplication.class", "com/sun/glass/ui/mac/MacApplication.class",
                "com/sun/glass/ui/gtk/GtkApplication.class", "com/sun/prism/d3d/D3DPipeline.class",
                "com/sun/prism/es2/ES2Pipeline.class", "javafx/embed/swing/SwingFXUtils.class")) {
            assertThat(jar.getJarEntry(c)).as(c).isNotNull();
        }
    }

    @Test
    void keepsNoNativeLibraryAtTheRootWhereJavaFxWouldTakeItForAnyPlatform() {
        List<String> atRoot = new ArrayList<>();
        jar.stream().map(JarEntry::getName)
                .filter(n -> n.indexOf('/') < 0 && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jar")))
                .forEach(atRoot::add);
        assertThat(atRoot).isEmpty();
    }

    @Test
    void leavesOutWhatTheAppDoesNotUse() {
        assertThat(jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("javafx/fxml/")
                || n.startsWith("org/ejml/simple/") || n.startsWith("org/openjdk/jmh/") || n.startsWith("org/junit/")
                || n.startsWith("org/testfx/"))).isEmpty();
    }

    @Test
    void startsTheLauncherAndCarriesVersionAndLicences() throws IOException {
        assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Launcher.class.getName());
        assertThat(jar.getJarEntry("rnnlab/version.properties")).isNotNull();
        assertThat(jar.getJarEntry("rnnlab/THIRD-PARTY.txt")).isNotNull();
        assertThat(jar.getJarEntry("rnnlab/NOTICE")).isNotNull();
        assertThat(jar.getJarEntry("rnnlab/LICENSE")).isNotNull();
    }

    /** x64 or arm64 from an ELF, Mach-O (thin) or PE header; anything else by name. */
    static String processor(JarEntry e) throws IOException {
        byte[] h;
        try (InputStream in = jar.getInputStream(e)) {
            h = in.readNBytes(1024);
        }
        if (h.length > 20 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
            int machine = (h[18] & 0xff) | (h[19] & 0xff) << 8; // little-endian e_machine
            return machine == 62 ? "x64" : machine == 183 ? "arm64" : "elf-" + machine;
        }
        if (h.length > 8 && (h[0] & 0xff) == 0xcf && (h[1] & 0xff) == 0xfa && (h[2] & 0xff) == 0xed && (h[3] & 0xff) == 0xfe) {
            int cpu = (h[4] & 0xff) | (h[5] & 0xff) << 8 | (h[6] & 0xff) << 16 | (h[7] & 0xff) << 24;
            return cpu == 0x01000007 ? "x64" : cpu == 0x0100000c ? "arm64" : "macho-" + Integer.toHexString(cpu);
        }
        if (h.length > 0x40 && h[0] == 'M' && h[1] == 'Z') {
            int pe = (h[0x3c] & 0xff) | (h[0x3d] & 0xff) << 8;
            if (pe + 6 <= h.length && h[pe] == 'P' && h[pe + 1] == 'E') {
                int machine = (h[pe + 4] & 0xff) | (h[pe + 5] & 0xff) << 8;
                return machine == 0x8664 ? "x64" : machine == 0xaa64 ? "arm64" : "pe-" + Integer.toHexString(machine);
            }
        }
        return "unknown";
    }

}
