package dev.sightline.app.cli;

import dev.sightline.model.Identity;
import dev.sightline.model.Topic;
import dev.sightline.reference.IdentityImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The identity table (ref.identities). */
@Command(name = "identities", mixinStandardHelpOptions = true,
        description = "The identity table: users, their aliases, departments, groups and managers.",
        subcommands = IdentitiesCommand.Import.class)
final class IdentitiesCommand extends CommandGroup {
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Validates a directory export (CSV, JSON array or JSON Lines: user, email, aliases, "
                + "department, groups, manager, ...), then publishes every identity to the compacted topic "
                + "ref.identities (keyed by user id) in one transaction. Any problem is printed with its file, line "
                + "and field, and nothing is published (exit code 2). Field names: modules/reference/README.md."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ReferenceImports.PublishOptions publish;

        @Mixin
        ReferenceImports.FileOptions fileOptions;

        @Parameters(index = "0", paramLabel = "FILE", description = "Directory export.")
        Path file;

        @Override
        public Integer call() {
            IdentityImport identities = new IdentityImport(fileOptions.importOptions());
            return ReferenceImports.importAndPublish(spec, publish, () -> identities.read(file),
                    Topic.REF_IDENTITIES, Identity.class, Identity::getUserId);
        }
    }
}
