package rnnlab.session.archplant;

/** A planted violation for ArchitectureRulesBiteTest: the session touches JavaFX. */
public class PlantedSession {
    public Object colour = javafx.scene.paint.Color.RED;
}
