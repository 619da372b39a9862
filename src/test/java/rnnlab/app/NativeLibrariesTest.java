package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeLibrariesTest {
    @ParameterizedTest
    @CsvSource({
        "Windows 11, amd64, windows-x64",
        "Mac OS X, x86_64, mac-x64",
        "Mac OS X, aarch64, mac-aarch64",
        "Linux, amd64, linux-x64",
        "Linux, aarch64, linux-aarch64",
    })
    void namesTheFolderOfEachPlatform(String os, String arch, String folder) {
        assertThat(NativeLibraries.platform(os, arch)).isEqualTo(folder);
    }

    @ParameterizedTest
    @CsvSource({"Windows 10, x86", "Linux, arm", "SunOS, sparcv9", "FreeBSD, amd64"})
    void hasNoFolderWhereJavaFxHasNoBuild(String os, String arch) {
        assertThat(NativeLibraries.platform(os, arch)).isNull();
    }
}
