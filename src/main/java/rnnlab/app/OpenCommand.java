package rnnlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import rnnlab.io.InputException;

/** {@code rnnlab open FILE}: opens the app with a scenario (or a model or sequence file). */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the app with a scenario (*.rnnlab.json), a model or a sequence file.")
public final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario, model or sequence file")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "", "no such file");
        }
        RnnLabApp.main(new String[] {file.toAbsolutePath().toString()});
        return 0;
    }
}
