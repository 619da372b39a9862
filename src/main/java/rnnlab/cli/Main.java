package rnnlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code java -jar rnnlab.jar COMMAND [OPTIONS]}. */
@Command(name = "rnnlab", mixinStandardHelpOptions = true, version = "RNN Lab 0.1",
        description = "RNN Lab: see inside recurrent neural networks. Without a command, opens the app.",
        subcommands = {
            CommandLine.HelpCommand.class, TrainCommand.class, SampleCommand.class, ExperimentCommand.class,
            BenchTrainCommand.class,
        })
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a command and returns its exit status (0 ok, 1 failed check, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
