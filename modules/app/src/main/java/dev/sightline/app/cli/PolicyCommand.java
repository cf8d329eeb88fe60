package dev.sightline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Policy as code: {@code sightline policy import FILE}. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Manages the policy as code (tool decisions, approvals, thresholds, suppressions, severities).",
        subcommands = {PolicyImportCommand.class, CommandLine.HelpCommand.class})
final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Options.missingSubcommand(spec);
    }
}
