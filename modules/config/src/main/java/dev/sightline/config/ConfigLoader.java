package dev.sightline.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link SightlineConfig} from its sources, lowest to highest precedence: built-in defaults, a config file,
 * environment variables ({@link EnvironmentVariables}), explicit overrides. A blank value resets a key to its
 * built-in default (or, for a key without one, to unset). Every problem is collected and thrown as one
 * {@link ConfigException}.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private Path file;
    private Map<String, String> environment = System.getenv();
    private Map<String, String> overrides = Map.of();

    ConfigLoader() {
    }

    /** A {@code .properties}, {@code .yaml} or {@code .yml} file. */
    public ConfigLoader file(Path configFile) {
        this.file = Objects.requireNonNull(configFile, "configFile");
        return this;
    }

    /** The process environment by default; tests pass their own map. Only {@code SIGHTLINE_*} variables are read. */
    public ConfigLoader environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** Key to value, winning over every other source; e.g. from command-line flags. */
    public ConfigLoader overrides(Map<String, String> values) {
        this.overrides = new LinkedHashMap<>(values);
        return this;
    }

    /** @throws ConfigException naming every problem found */
    public SightlineConfig load() {
        List<String> problems = new ArrayList<>();
        Map<String, RawValue> raw = new LinkedHashMap<>();
        if (file != null) {
            ConfigFile contents = ConfigFile.read(file);
            problems.addAll(contents.problems());
            Origin origin = new Origin.File(file);
            contents.values().forEach((key, text) -> raw.put(key, new RawValue(key, text, origin)));
        }
        new TreeMap<>(environment).forEach((variable, text) -> {
            if (EnvironmentVariables.isConfigVariable(variable)) {
                try {
                    String key = EnvironmentVariables.keyFor(variable);
                    raw.put(key, new RawValue(key, text, new Origin.Environment(variable)));
                } catch (IllegalArgumentException e) {
                    problems.add(variable + " (environment variable): not a configuration key: " + e.getMessage());
                }
            }
        });
        overrides.forEach((key, text) -> raw.put(key, new RawValue(key, text, Origin.EXPLICIT)));
        LOG.debug("Configuration sources: file {}, {} environment variables, {} overrides", file == null ? "none" : file,
                environment.keySet().stream().filter(EnvironmentVariables::isConfigVariable).count(), overrides.size());
        return resolve(raw, problems);
    }

    /** Takes every known key out of {@code pending}; what is left is unknown or a family member. */
    private static SightlineConfig resolve(Map<String, RawValue> pending, List<String> problems) {
        Map<String, Setting> settings = new TreeMap<>();
        Set<String> invalid = new HashSet<>();
        Stream.concat(ConfigKeys.ALL.stream(), ConfigKeys.FAMILIES.stream().flatMap(family -> family.defaultKeys().stream()))
                .forEach(key -> resolveKey(key, pending.remove(key.name()), settings, problems, invalid));
        for (RawValue value : pending.values()) {
            Optional<KeyFamily<?>> family = ConfigKeys.FAMILIES.stream().filter(f -> f.contains(value.key())).findFirst();
            if (family.isEmpty()) {
                problems.add(unknownKey(value));
                continue;
            }
            String suffix = family.get().suffix(value.key());
            Optional<String> suffixProblem = family.get().suffixProblem(suffix);
            if (suffixProblem.isPresent()) {
                problems.add(value + ": " + suffixProblem.get());
                invalid.add(value.key());
            } else {
                resolveKey(family.get().key(suffix), value, settings, problems, invalid);
            }
        }
        SightlineConfig config = new SightlineConfig(settings);
        checkLogformats(config, settings, invalid, problems);
        checkRegistryCredentials(settings, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static <T> void resolveKey(ConfigKey<T> key, RawValue raw, Map<String, Setting> settings,
                                       List<String> problems, Set<String> invalid) {
        if (raw == null || raw.text().isBlank()) {
            Origin origin = raw == null ? Origin.DEFAULT : raw.origin();
            key.defaultValue().ifPresent(value -> settings.put(key.name(), new Setting(key, value, origin)));
            return;
        }
        try {
            settings.put(key.name(), new Setting(key, key.parse(raw.text().strip()), raw.origin()));
        } catch (IllegalArgumentException e) {
            // the exception's message is not used: parsers may quote the value, which may be a secret
            problems.add(problem(key, raw, "must be " + key.allowed()));
            invalid.add(key.name());
        }
    }

    private static String problem(ConfigKey<?> key, RawValue raw, String what) {
        return key.name() + " = " + Redaction.quote(raw.text(), key.isSecret()) + " (from " + raw.origin().describe() + "): " + what;
    }

    private static String problem(Setting setting, String what) {
        String value = Redaction.quote(setting.key().render(setting.value()), setting.key().isSecret());
        return setting.key().name() + " = " + value + " (from " + setting.origin().describe() + "): " + what;
    }

    /** Never shows the value: for an unknown key nobody can tell whether it is a secret. */
    private static String unknownKey(RawValue raw) {
        boolean fromEnvironment = raw.origin() instanceof Origin.Environment;
        String suggestion = Suggestions.nearestKey(raw.key())
                .map(key -> fromEnvironment
                        ? EnvironmentVariables.variableFor(key).map(variable -> variable + " (" + key + ")").orElse(key)
                        : key)
                .map(key -> "; did you mean " + key + "?")
                .orElse("");
        return raw + ": unknown key" + suggestion;
    }

    private static void checkLogformats(SightlineConfig config, Map<String, Setting> settings, Set<String> invalid,
                                        List<String> problems) {
        KeyFamily<String> logformats = ConfigKeys.INGEST_LOGFORMATS;
        settings.values().stream().filter(setting -> logformats.contains(setting.key().name())).forEach(setting -> {
            ConfigKey<Optional<InputFormat>> formatKey = ConfigKeys.INGEST_FORMATS.key(logformats.suffix(setting.key().name()));
            if (invalid.contains(formatKey.name())) {
                return; // already reported; a second message would only repeat it
            }
            Optional<Optional<InputFormat>> format = config.get(formatKey);
            if (format.flatMap(chosen -> chosen).filter(InputFormat::acceptsLogformat).isEmpty()) {
                problems.add(problem(setting, "a logformat applies only to a topic of format " + InputFormat.SQUID.configName()
                        + ", but " + formatKey.name() + " is " + format.map(formatKey::display).orElse("not set")));
            }
        });
    }

    private static void checkRegistryCredentials(Map<String, Setting> settings, List<String> problems) {
        Setting basic = settings.get(ConfigKeys.SCHEMA_REGISTRY_USER_INFO.name());
        Setting bearer = settings.get(ConfigKeys.SCHEMA_REGISTRY_BEARER_TOKEN.name());
        if (basic != null && bearer != null) {
            problems.add(problem(bearer, "set only one of " + ConfigKeys.SCHEMA_REGISTRY_USER_INFO.name()
                    + " (from " + basic.origin().describe() + ") and " + ConfigKeys.SCHEMA_REGISTRY_BEARER_TOKEN.name()));
        }
    }
}
