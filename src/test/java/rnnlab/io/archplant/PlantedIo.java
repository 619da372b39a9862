package rnnlab.io.archplant;

/** A planted violation for ArchitectureRulesBiteTest: io ↔ engine cycle, io → ui. */
public class PlantedIo {
    public Object engine() {
        return new rnnlab.engine.archplant.PlantedEngine();
    }

    public Object ui() {
        return new rnnlab.ui.archplant.PlantedUi();
    }
}
