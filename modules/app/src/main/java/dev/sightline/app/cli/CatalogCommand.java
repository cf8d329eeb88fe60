package dev.sightline.app.cli;

import dev.sightline.catalog.Catalog;
import dev.sightline.catalog.CatalogLoadException;
import dev.sightline.catalog.CatalogLookup;
import dev.sightline.model.AiTool;
import dev.sightline.model.Topic;
import dev.sightline.reference.CatalogRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The AI-tool catalog: publish it to ref.ai-tools, or look hosts up in it. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "The AI-tool catalog shipped with Sightline, with the organisation's overrides.",
        subcommands = {CatalogCommand.Import.class, CatalogCommand.Lookup.class})
final class CatalogCommand extends CommandGroup {
    private static final String OVERRIDES_HELP = "Organisation override file (YAML or JSON): sanction status, owner, "
            + "approvals, own tools.";

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Validates the catalog and the override file, then publishes every tool to the compacted "
                + "topic ref.ai-tools (keyed by tool id) in one transaction. Any problem is printed with its file, "
                + "line and field, and nothing is published (exit code 2)."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ReferenceImports.PublishOptions publish;

        @Option(names = "--overrides", paramLabel = "FILE", description = OVERRIDES_HELP)
        Path overrides;

        @Override
        public Integer call() {
            return ReferenceImports.importAndPublish(spec, publish,
                    () -> CatalogRecords.load(Optional.ofNullable(overrides), Clock.systemUTC()),
                    Topic.REF_AI_TOOLS, AiTool.class, AiTool::getId);
        }
    }

    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = {"Reads host names or URLs, one per line, from FILE or standard input, and writes one JSON "
                + "line each: {\"host\",\"match\",\"tool\",\"vendor\",\"category\",\"sanction\"}."})
    static final class Lookup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Input file; default: standard input.")
        Path file;

        @Option(names = "--overrides", paramLabel = "FILE", description = OVERRIDES_HELP)
        Path overrides;

        @Override
        public Integer call() throws IOException {
            Catalog catalog;
            try {
                catalog = overrides == null ? Catalog.loadDefault() : Catalog.loadDefault(overrides);
            } catch (CatalogLoadException e) {
                ReferenceImports.printProblems(spec, e.problems());
                return CommandLine.ExitCode.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (BufferedReader in = open()) {
                new CatalogLookup(catalog).run(in, out);
            }
            return CommandLine.ExitCode.OK;
        }

        private BufferedReader open() throws IOException {
            if (file == null) {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            LogFileArguments.requireReadable(List.of(file.toString()));
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
    }
}
