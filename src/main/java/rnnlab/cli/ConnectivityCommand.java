package rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rnnlab.analysis.CharText;
import rnnlab.analysis.Connectivity;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.io.imports.ModelFiles;
import rnnlab.training.tasks.CharLmTask;

/** {@code connectivity}: how much each earlier character influences one prediction (Distill-style). */
@Command(name = "connectivity", mixinStandardHelpOptions = true,
        description = "For the prediction after one character of a text, print the norm of the gradient of "
                + "log p(next character) with respect to each earlier input, by BPTT.")
final class ConnectivityCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a character model")
    Path model;
    @Option(names = "--text", required = true, description = "a UTF-8 text file")
    Path text;
    @Option(names = "--position", required = true, description = "the character (0-based) after which the model predicts")
    int position;
    @Option(names = "--window", defaultValue = "200", description = "characters to look back over (default ${DEFAULT-VALUE})")
    int window;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Model m = ModelFiles.read(model).modelFor(LossType.CROSS_ENTROPY);
        CharText ct;
        Connectivity.Result r;
        try {
            ct = CharText.encode(CharLmTask.readText(text), m.config());
            r = Connectivity.of(m, ct, position, -1, window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "prediction after character %d: '%s' with log p = %.4f%n", position,
                printable(m.config().vocab().get(r.target())), r.logProb());
        for (int i = r.from(); i <= position; i++) {
            out.printf(Locale.ROOT, "%d\t%s\t%.6g%n", i, printable(new String(Character.toChars(ct.codePoint(i)))),
                    r.at(i));
        }
        out.flush();
        return 0;
    }

    private static String printable(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t");
    }
}
