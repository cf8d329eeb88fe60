package dev.sightline.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types do not express; a failure is a usage error (exit 2). */
final class Options {
    private Options() {
    }

    /** For a command group run without one of its commands: names them. */
    static ParameterException missingSubcommand(CommandSpec spec) {
        return new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    static void requirePositive(CommandSpec spec, String option, Long value) {
        if (value != null && value <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + value + " (must be a positive number of seconds)");
        }
    }

    static void requirePort(CommandSpec spec, String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + port + " (must be 0..65535; 0 picks a free port)");
        }
    }
}
