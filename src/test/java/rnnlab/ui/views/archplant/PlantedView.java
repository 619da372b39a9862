package rnnlab.ui.views.archplant;

/** A planted target for ArchitectureRulesBiteTest: something in ui.views. */
public class PlantedView {
}
