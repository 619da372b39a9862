package rnnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import rnnlab.engine.CellType;

/**
 * The package rules of the architecture: who may depend on whom. The arrows point one way:
 * app → cli, app → ui → session → (lessons, training, io, i18n) → engine; cli → session and core.
 */
@AnalyzeClasses(packages = "rnnlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The headless packages: they run in the command line and the tests without a display. */
    static final String[] CORE = {"rnnlab.engine..", "rnnlab.io..", "rnnlab.training..", "rnnlab.lessons..",
        "rnnlab.session..", "rnnlab.i18n..", "rnnlab.catalog..", "rnnlab.analysis..", "rnnlab.runs.."};

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices()
            .matching("rnnlab.(*)..")
            .should().beFreeOfCycles()
            .because("every arrow between the top-level packages goes one way (see docs/architecture.md)");

    /**
     * The UI's feature packages form no cycle either: the lesson player drives the window through
     * {@code ui.lesson.LessonHost}, which {@code MainWindow} implements, so ui.shell → ui.lesson is one way.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenUiPackages = slices()
            .matching("rnnlab.ui.(*)..")
            .should().beFreeOfCycles()
            .because("shared pieces (ids, dialogs, icons, converters) live in ui.common, which imports no other UI package");

    @ArchTest
    static final ArchRule engineDependsOnlyOnJavaAndEjml = classes()
            .that().resideInAPackage("rnnlab.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ejml..", "rnnlab.engine..")
            .because("the engine is plain numerics: java.* and EJML only, so it runs headless and anywhere");

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("engine, io, training, lessons, session and i18n must work without a display");

    @ArchTest
    static final ArchRule coreNeverReachesUp = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("rnnlab.ui..", "rnnlab.app..", "rnnlab.cli..")
            .because("the core is shared by the window and the command line, so it knows neither");

    @ArchTest
    static final ArchRule cliNeverReachesTheUi = noClasses()
            .that().resideInAPackage("rnnlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("rnnlab.ui..", "rnnlab.app..", "javafx..")
            .because("the command line is headless; the app adds the window commands (open, bench-ui) to it");

    /** engine.CellType is a declaration (ids, gates, colour keys), not the model: the UI may read it. */
    static final DescribedPredicate<JavaClass> ENGINE_BUT_CELL_TYPE = JavaClass.Predicates.resideInAPackage("rnnlab.engine..")
            .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(CellType.class)))
            .as("an engine class other than CellType");

    @ArchTest
    static final ArchRule analysisReadsOnlyTheEngine = classes()
            .that().resideInAPackage("rnnlab.analysis..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ejml..", "rnnlab.engine..",
                    "rnnlab.analysis..")
            .because("unit search and connectivity are numerics over a model and a text: the window and the "
                    + "command line both read them");

    @ArchTest
    static final ArchRule catalogDependsOnNothing = classes()
            .that().resideInAPackage("rnnlab.catalog..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "rnnlab.catalog..")
            .because("every package reads the view and task registries, so they depend on nothing");

    @ArchTest
    static final ArchRule sessionHasNoJavaFx = noClasses()
            .that().resideInAPackage("rnnlab.session..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the session is shared by the window and the command line, which has no display");

    @ArchTest
    static final ArchRule controlsDoNotReachIntoTheModel = noClasses()
            .that().resideInAnyPackage("rnnlab.ui.controls..", "rnnlab.ui.diagrams..")
            .should().dependOnClassesThat(ENGINE_BUT_CELL_TYPE)
            .orShould().dependOnClassesThat().resideInAnyPackage("rnnlab.training..", "rnnlab.io..",
                    "rnnlab.session..")
            .because("controls draw what view models give them; only ui.viewmodel talks to the engine");

    @ArchTest
    static final ArchRule onlyViewModelsCallTheEngineFromTheUi = noClasses()
            .that().resideInAPackage("rnnlab.ui..")
            .and().resideOutsideOfPackage("rnnlab.ui.viewmodel..")
            .should().dependOnClassesThat(ENGINE_BUT_CELL_TYPE)
            .because("ui.viewmodel moves engine work off the FX thread; views and controls bind to its properties")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule thePollServerIsHeadless = noClasses()
            .that().resideInAPackage("rnnlab.poll..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "rnnlab.ui..", "rnnlab.app..")
            .because("the class poll's model and server run and are tested without a display");

    @ArchTest
    static final ArchRule thePollWindowDoesNotReachIntoTheViews = noClasses()
            .that().resideInAPackage("rnnlab.ui.poll..")
            .should().dependOnClassesThat().resideInAnyPackage("rnnlab.ui.views..", "rnnlab.ui.shell..", "rnnlab.ui.lesson..", "rnnlab.app..")
            .because("the views join the poll through LessonLink; the poll knows nothing of them");

    @ArchTest
    static final ArchRule exportAndCompareSeeANarrowWindow = noClasses()
            .that().resideInAnyPackage("rnnlab.ui.export..", "rnnlab.ui.compare..")
            .should().dependOnClassesThat().haveFullyQualifiedName("rnnlab.ui.shell.MainWindow")
            .because("export and the compare windows get ExportHost / CompareHost, not the whole window");
}
