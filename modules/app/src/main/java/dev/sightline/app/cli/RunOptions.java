package dev.sightline.app.cli;

import dev.sightline.config.ConfigException;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options every long-running command shares: a file, then the environment, then flags. */
final class RunOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (.properties or .yaml). Environment variables SIGHTLINE_* override it.")
    Path configFile;

    /** Loads and validates the configuration; any problem is a usage error naming the key, value and rule. */
    SightlineConfig loadConfig(Map<String, String> overrides) {
        var loader = SightlineConfig.loader();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile) || !Files.isReadable(configFile)) {
                throw new UserInputException("cannot read configuration file " + configFile
                        + (Files.isDirectory(configFile) ? " (it is a directory)" : " (missing or not readable)"));
            }
            loader.file(configFile);
        }
        try {
            return loader.overrides(overrides).load();
        } catch (ConfigException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
