package dev.sightline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Policy as code: {@code sightline policy import FILE}. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Manages the policy as code (tool decisions, approvals, thresholds, suppressions, severities).",
        subcommands = {PolicyImportCommand.class, CommandLine.HelpCommand.class})
final class PolicyCommand extends CommandGroup {
}
