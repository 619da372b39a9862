package rnnlab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import rnnlab.io.InputException;

/**
 * Turns exceptions into exactly one line on stderr and an exit status; never a stack trace.
 * Bad input (a file we cannot read or that is wrong, a bad option or argument) exits 2; anything else exits 3.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof InputException) {
            cl.getErr().println("error: " + ex.getMessage());
            return Main.BAD_INPUT;
        }
        if (ex instanceof IOException io) {
            cl.getErr().println("error: " + describe(io));
            return Main.BAD_INPUT;
        }
        if (ex instanceof IllegalArgumentException) {
            // our commands and the engine refuse bad arguments (an unknown task, sizes that do not fit) this way
            cl.getErr().println("error: " + oneLine(String.valueOf(ex.getMessage())));
            return Main.BAD_INPUT;
        }
        if (ex instanceof WindowFailed) {
            // already a sentence for the user (what happened, what to try), not a class name and a null
            cl.getErr().println("error: " + oneLine(ex.getMessage()));
            return Main.INTERNAL_ERROR;
        }
        cl.getErr().println("internal error: " + oneLine(ex.toString())
                + " (please report this with the files you used)");
        return Main.INTERNAL_ERROR;
    }

    /** A wrong or missing option: one line, then where to find help. */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("error: " + oneLine(ex.getMessage()) + " (see: "
                + cl.getCommandSpec().qualifiedName() + " --help)");
        return Main.BAD_INPUT;
    }

    /** "file: what went wrong" for file-system failures, whose own messages are often just a path. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String why;
            if (e instanceof NoSuchFileException) {
                why = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                why = "permission denied";
            } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
                why = "exists and is not a directory"; // the only way creating an output's folders trips on it
            } else if (e instanceof java.nio.file.NotDirectoryException) {
                why = "not a directory";
            } else {
                why = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            }
            return fs.getFile() + ": " + why;
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
