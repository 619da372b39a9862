package rnnlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The house rule: no package holds more than {@value #MAX} top-level classes (UI packages: fewer, see
 * {@link UiPackageSizeTest}). A package that grows past it is split by job into a subpackage (as
 * {@code engine.gradcheck} was, for the engine's 31st class), not by line count.
 */
class PackageSizeTest {
    static final int MAX = 30;

    @Test
    void noPackageHasMoreThan30TopLevelClasses() {
        Map<String, Long> sizes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rnnlab")
                .stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        // the count must see the real packages, or the limit below could never fail
        assertThat(sizes).containsKeys("rnnlab.engine", "rnnlab.engine.gradcheck", "rnnlab.cli", "rnnlab.lessons");
        assertThat(sizes.get("rnnlab.engine")).isGreaterThan(20);
        Map<String, Long> over = sizes.entrySet().stream()
                .filter(e -> e.getValue() > MAX)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(over)
                .as("packages over %d top-level classes (split them by job into a subpackage): all sizes %s", MAX, sizes)
                .isEmpty();
    }
}
