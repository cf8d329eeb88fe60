package dev.sightline.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads a configuration file into flat dotted keys: Java {@code .properties}, or YAML ({@code .yaml}, {@code .yml})
 * whose nested mappings flatten to dotted keys and whose lists of scalars become comma-separated values.
 * Problems never quote file content: a malformed line may hold a credential.
 *
 * @param values   key to value, in file order
 * @param problems what could not be read, each naming the file
 */
record ConfigFile(Map<String, String> values, List<String> problems) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    ConfigFile {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    static ConfigFile read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".properties")) {
            return failed(file, "unsupported file type; use .properties, .yaml or .yml");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return yaml ? readYaml(file, reader) : readProperties(reader);
        } catch (NoSuchFileException e) {
            return failed(file, "no such file");
        } catch (CharacterCodingException e) {
            return failed(file, "not valid UTF-8");
        } catch (JacksonException e) {
            return failed(file, yamlProblem(e));
        } catch (IOException e) {
            return failed(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            // Properties.load on a malformed backslash-u escape
            return failed(file, "not a valid properties file (malformed \\u escape)");
        }
    }

    private static ConfigFile readProperties(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
        return new ConfigFile(values, List.of());
    }

    private static ConfigFile readYaml(Path file, Reader reader) throws IOException {
        JsonNode root = YAML.readTree(reader);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(values, problems);
        }
        if (!root.isObject()) {
            return failed(file, "the top level must be a mapping of keys to values");
        }
        flatten(file, "", root, values, problems);
        return new ConfigFile(values, problems);
    }

    private static void flatten(Path file, String key, JsonNode node, Map<String, String> values, List<String> problems) {
        if (node.isObject()) {
            node.properties().forEach(field ->
                    flatten(file, key.isEmpty() ? field.getKey() : key + "." + field.getKey(), field.getValue(), values, problems));
            return;
        }
        String value;
        if (node.isArray()) {
            if (!StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode)) {
                problems.add(key + " (from file " + file + "): a list may only hold plain values");
                return;
            }
            value = StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","));
        } else {
            value = node.isNull() ? "" : node.asText();
        }
        if (values.putIfAbsent(key, value) != null) {
            problems.add(key + " (from file " + file + "): set twice (once nested, once dotted)");
        }
    }

    private static String yamlProblem(JacksonException e) {
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        // Jackson names only the key of a duplicate, never a value, so that message is safe to show
        String duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? ": " + e.getOriginalMessage() : "";
        return "not valid YAML" + at + duplicate;
    }

    private static ConfigFile failed(Path file, String problem) {
        return new ConfigFile(Map.of(), List.of("file " + file + ": " + problem));
    }
}
