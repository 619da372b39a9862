package rnnlab.cli.archplant;

/** A planted violation for ArchitectureRulesBiteTest: the command line reaches the UI. */
public class PlantedCli {
    public Object ui = new rnnlab.ui.archplant.PlantedUi();
}
