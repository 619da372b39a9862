package rnnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of the architecture (see README): who may depend on whom. */
@AnalyzeClasses(packages = "rnnlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnlyOnJavaAndEjml = classes()
            .that().resideInAPackage("rnnlab.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ejml..", "rnnlab.engine..")
            .because("the engine is plain numerics: java.* and EJML only, so it runs headless and anywhere");

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses()
            .that().resideInAnyPackage("rnnlab.engine..", "rnnlab.io..", "rnnlab.training..", "rnnlab.lessons..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("engine, io, training and lessons must work without a display");

    @ArchTest
    static final ArchRule controlsDoNotReachIntoTheModel = noClasses()
            .that().resideInAPackage("rnnlab.ui.controls..")
            .should().dependOnClassesThat().resideInAnyPackage("rnnlab.engine..", "rnnlab.training..", "rnnlab.io..")
            .because("controls draw what view models give them; only ui.viewmodel talks to the engine")
            .allowEmptyShould(true); // until the first control lands

    @ArchTest
    static final ArchRule onlyViewModelsCallTheEngineFromTheUi = noClasses()
            .that().resideInAPackage("rnnlab.ui..")
            .and().resideOutsideOfPackage("rnnlab.ui.viewmodel..")
            .should().dependOnClassesThat().resideInAPackage("rnnlab.engine..")
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
            .should().dependOnClassesThat().resideInAnyPackage("rnnlab.ui.views..", "rnnlab.app..")
            .because("the views join the poll through LessonLink; the poll knows nothing of them");
}
