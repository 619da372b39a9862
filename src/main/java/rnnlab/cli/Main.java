package rnnlab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code java -jar rnnlab.jar COMMAND [OPTIONS]}. The commands that need the
 * window ({@code open}, {@code bench-ui}) live in {@code rnnlab.app}, which passes them in: the arrow goes
 * app → cli only, so this package never reaches the UI.
 */
@Command(name = "rnnlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"RNN Lab: see inside recurrent neural networks.",
            "Without a command, java -jar rnnlab.jar opens the app. With one, it runs headless.",
            "Exit status: 0 ok, 1 a check failed, 2 bad input, 3 internal error."},
        subcommands = {
            TraceCommand.class,
            GradCheckCommand.class,
            rnnlab.cli.bench.BenchCommand.class,
            TrainCommand.class,
            SampleCommand.class,
            UnitsCommand.class,
            ConnectivityCommand.class,
            ExperimentCommand.class,
            DecodeCommand.class,
            rnnlab.cli.bench.BenchSeq2SeqCommand.class,
            rnnlab.cli.bench.BenchTrainCommand.class,
            ExportCommand.class,
            LessonsCommand.class,
            SnapshotCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The same line as {@code rnnlab --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {rnnlab.about.BuildInfo.versionLine()};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The app's lesson screens for this run, or null (the command line alone). */
    private static volatile LessonScreens screens;

    static LessonScreens screens() {
        return screens;
    }

    /** Runs a command on the process's stdout and stderr; returns its exit status. */
    public static int execute(String... args) {
        return execute(List.of(), args);
    }

    /**
     * Runs a command on the process's stdout and stderr, with extra subcommands (picocli command
     * objects) offered beside the headless ones: the app's window commands. Returns the exit status.
     */
    public static int execute(List<?> extraCommands, String... args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(out, err, extraCommands, args);
    }

    /** Runs a command writing to the given streams (tests capture them); returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, List.of(), args);
    }

    /** Runs a command, with extra subcommands, writing to the given streams; returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, List<?> extraCommands, String... args) {
        CommandLine cl = new CommandLine(new Main());
        screens = null;
        for (Object c : extraCommands) {
            if (c instanceof LessonScreens s) {
                screens = s; // the window's lesson screens: lessons check --layout, lessons render, snapshot
            } else {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::handleParameterException);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            err.println("internal error: " + e + " (try a smaller model or sequence, or more memory: java -Xmx4g ...)");
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
