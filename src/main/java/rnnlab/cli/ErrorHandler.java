package rnnlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import rnnlab.io.InputException;

/** Turns exceptions into one line on stderr and an exit status; never a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof InputException) {
            cl.getErr().println("error: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof java.io.IOException) {
            cl.getErr().println("error: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof IllegalArgumentException) {
            cl.getErr().println("error: " + ex.getMessage());
            return BAD_INPUT;
        }
        cl.getErr().println("internal error: " + ex);
        return 3;
    }
}
