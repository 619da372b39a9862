package rnnlab.poll.archplant;

/** A planted violation for ArchitectureRulesBiteTest: the poll server touches JavaFX. */
public class PlantedPoll {
    public Object colour = javafx.scene.paint.Color.BLUE;
}
