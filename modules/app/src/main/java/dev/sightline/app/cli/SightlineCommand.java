package dev.sightline.app.cli;

import dev.sightline.pipeline.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands. Usage errors exit with 2, failures with 1. */
@Command(name = "sightline",
        mixinStandardHelpOptions = true,
        versionProvider = SightlineCommand.Version.class,
        description = "Sightline: a streaming monitor of AI use — which AI tools people use, what sensitive data goes "
                + "into them, and whether that use matches what was approved.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, ParseCommand.class, ShipCommand.class, ScanCommand.class,
            CatalogCommand.class, AssetsCommand.class, IdentitiesCommand.class, PolicyCommand.class, BenchCommand.class,
            EvidenceCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class SightlineCommand extends CommandGroup {
    /** The configured command line every caller (main and tests) uses, so that exit codes are the same. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SightlineCommand());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sightline " + BuildInfo.version()};
        }
    }
}
