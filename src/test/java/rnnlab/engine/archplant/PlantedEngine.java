package rnnlab.engine.archplant;

/** A planted violation for ArchitectureRulesBiteTest (test sources only; never in the jar). */
public class PlantedEngine {
    public Object io = new rnnlab.io.archplant.PlantedIo();
}
