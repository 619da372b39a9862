package rnnlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link ArchitectureTest} really fails on a violation: each is evaluated against
 * planted classes in the test sources ({@code rnnlab.*.archplant}, which ArchitectureTest does not
 * import) that break it, and the one allowed exception (the UI reading engine.CellType) passes.
 */
class ArchitectureRulesBiteTest {
    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(
            rnnlab.engine.archplant.PlantedEngine.class, rnnlab.io.archplant.PlantedIo.class,
            rnnlab.session.archplant.PlantedSession.class, rnnlab.ui.archplant.PlantedUi.class,
            rnnlab.ui.views.archplant.PlantedView.class, rnnlab.ui.poll.archplant.PlantedPollWindow.class,
            rnnlab.ui.controls.archplant.PlantedControl.class, rnnlab.cli.archplant.PlantedCli.class,
            rnnlab.poll.archplant.PlantedPoll.class, rnnlab.catalog.archplant.PlantedCatalog.class,
            rnnlab.ui.export.archplant.PlantedExport.class);

    private static void bites(ArchRule rule, String violator) {
        EvaluationResult r = rule.evaluate(PLANTED);
        assertThat(r.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", r.getFailureReport().getDetails())).as(rule.getDescription()).contains(violator);
    }

    @Test
    void everyRuleFailsOnItsPlantedViolation() {
        bites(ArchitectureTest.noCyclesBetweenTopLevelPackages, "PlantedEngine");
        bites(ArchitectureTest.engineDependsOnlyOnJavaAndEjml, "rnnlab.engine.archplant.PlantedEngine");
        bites(ArchitectureTest.coreIsFreeOfJavaFx, "rnnlab.session.archplant.PlantedSession");
        bites(ArchitectureTest.sessionHasNoJavaFx, "rnnlab.session.archplant.PlantedSession");
        bites(ArchitectureTest.coreNeverReachesUp, "rnnlab.io.archplant.PlantedIo");
        bites(ArchitectureTest.cliNeverReachesTheUi, "rnnlab.cli.archplant.PlantedCli");
        bites(ArchitectureTest.controlsDoNotReachIntoTheModel, "rnnlab.ui.controls.archplant.PlantedControl");
        bites(ArchitectureTest.onlyViewModelsCallTheEngineFromTheUi, "rnnlab.ui.archplant.PlantedUi");
        bites(ArchitectureTest.thePollServerIsHeadless, "rnnlab.poll.archplant.PlantedPoll");
        bites(ArchitectureTest.thePollWindowDoesNotReachIntoTheViews, "rnnlab.ui.poll.archplant.PlantedPollWindow");
        bites(ArchitectureTest.catalogDependsOnNothing, "rnnlab.catalog.archplant.PlantedCatalog");
        bites(ArchitectureTest.exportAndCompareSeeANarrowWindow, "rnnlab.ui.export.archplant.PlantedExport");
    }

    @Test
    void theUiMayReadTheCellDeclaration() {
        JavaClasses reader = new ClassFileImporter().importClasses(rnnlab.ui.archplant.PlantedCellTypeReader.class);
        assertThat(ArchitectureTest.onlyViewModelsCallTheEngineFromTheUi.evaluate(reader).hasViolation()).isFalse();
    }
}
