package dev.sightline.app.cli;

import dev.sightline.app.runtime.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr instead of a stack trace: a bad input or configuration is a usage
 * problem (exit 2); anything else is a failure (exit 1).
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        String command = cli.getCommandSpec().qualifiedName();
        if (ex instanceof UserInputException || ex instanceof StartupException) {
            cli.getErr().println(command + ": " + ex.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        cli.getErr().println(command + ": failed: " + ex);
        return CommandLine.ExitCode.SOFTWARE;
    }
}
