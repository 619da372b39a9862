package rnnlab.ui.archplant;

/** A planted violation for ArchitectureRulesBiteTest: a view (not a view model) calls the engine. */
public class PlantedUi {
    public Object engine() {
        return new rnnlab.engine.archplant.PlantedEngine();
    }
}
