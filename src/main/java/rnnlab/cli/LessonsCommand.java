package rnnlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lessons}: commands for the walkthrough lessons. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = {"Works with the walkthrough lessons (see lessons/README.md for their format)."},
        subcommands = {LessonsCheckCommand.class, LessonsNewCommand.class, LessonsRenderCommand.class, LessonsHandoutCommand.class,
            CommandLine.HelpCommand.class})
final class LessonsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
