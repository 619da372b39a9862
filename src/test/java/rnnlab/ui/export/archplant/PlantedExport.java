package rnnlab.ui.export.archplant;

/** A planted violation for ArchitectureRulesBiteTest: export takes the whole main window. */
public class PlantedExport {
    public rnnlab.ui.shell.MainWindow window;
}
