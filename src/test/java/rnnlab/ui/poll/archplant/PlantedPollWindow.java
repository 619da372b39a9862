package rnnlab.ui.poll.archplant;

/** A planted violation for ArchitectureRulesBiteTest: the poll window reaches into the views. */
public class PlantedPollWindow {
    public Object view = new rnnlab.ui.views.archplant.PlantedView();
}
