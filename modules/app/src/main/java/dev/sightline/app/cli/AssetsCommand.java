package dev.sightline.app.cli;

import dev.sightline.model.DataAsset;
import dev.sightline.model.Topic;
import dev.sightline.reference.AssetImport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The data-classification table (ref.data-assets). */
@Command(name = "assets", mixinStandardHelpOptions = true,
        description = "The data-classification table: data assets, their locations, labels and owners.",
        subcommands = AssetsCommand.Import.class)
final class AssetsCommand extends CommandGroup {
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Validates an asset export of a DSPM or data catalog (CSV, JSON array or JSON Lines) and/or a "
                + "Microsoft Purview sensitivity-label table, then publishes every entry to the compacted topic "
                + "ref.data-assets (keyed by asset id) in one transaction. Any problem is printed with its file, line "
                + "and field, and nothing is published (exit code 2). Field names: modules/reference/README.md."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ReferenceImports.PublishOptions publish;

        @Mixin
        ReferenceImports.FileOptions fileOptions;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Asset export.")
        Path file;

        @Option(names = "--labels", paramLabel = "FILE",
                description = "Sensitivity-label table (label id, name, parent id), e.g. from Get-Label.")
        Path labels;

        @Override
        public Integer call() {
            if (file == null && labels == null) {
                throw new ParameterException(spec.commandLine(), "Give an asset FILE, --labels FILE, or both");
            }
            AssetImport assets = new AssetImport(fileOptions.importOptions());
            return ReferenceImports.importAndPublish(spec, publish,
                    () -> assets.read(Optional.ofNullable(file), Optional.ofNullable(labels)),
                    Topic.REF_DATA_ASSETS, DataAsset.class, DataAsset::getId);
        }
    }
}
