package rnnlab.ui.archplant;

/** Allowed: the UI reads the cell declaration (ArchitectureRulesBiteTest checks it passes). */
public class PlantedCellTypeReader {
    public Object cell = rnnlab.engine.CellType.LSTM;
}
