package rnnlab.catalog.archplant;

/** A planted violation for ArchitectureRulesBiteTest: the catalog depends on the engine. */
public class PlantedCatalog {
    public Object engine = new rnnlab.engine.archplant.PlantedEngine();
}
