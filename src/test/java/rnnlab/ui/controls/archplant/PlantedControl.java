package rnnlab.ui.controls.archplant;

/** A planted violation for ArchitectureRulesBiteTest: a control reads a file. */
public class PlantedControl {
    public Object io = new rnnlab.io.archplant.PlantedIo();
}
