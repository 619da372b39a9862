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
 * Issue 15, "UI packages by feature, none over ~25 files": every {@code rnnlab.ui.*} package holds at
 * most {@value #MAX} top-level classes. A package that grows past it is split by job into a new
 * feature package (see docs/architecture.md), not by line count.
 */
class UiPackageSizeTest {
    static final int MAX = 25;

    /** Top-level classes (no nested, anonymous or local ones) of each UI package, from the main classes. */
    static Map<String, Long> topLevelClassesPerUiPackage() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rnnlab.ui")
                .stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
    }

    @Test
    void noUiPackageHasMoreThan25TopLevelClasses() {
        Map<String, Long> sizes = topLevelClassesPerUiPackage();
        // the count must see the real packages, or the limit below could never fail
        assertThat(sizes).containsKeys("rnnlab.ui.controls", "rnnlab.ui.viewmodel", "rnnlab.ui.views", "rnnlab.ui.shell");
        assertThat(sizes.get("rnnlab.ui.views")).isGreaterThan(10);
        Map<String, Long> over = sizes.entrySet().stream()
                .filter(e -> e.getValue() > MAX)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(over)
                .as("UI packages over %d top-level classes (split them by job into a feature package): all sizes %s", MAX, sizes)
                .isEmpty();
    }
}
