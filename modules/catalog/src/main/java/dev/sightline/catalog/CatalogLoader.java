package dev.sightline.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads a catalog — an index file naming the version, date and tool files — and an optional organisation override
 * file, validates everything, and builds a {@link Catalog}. Any problem refuses the whole load with a
 * {@link CatalogLoadException} that gives file, line and field; nothing is half-imported.
 *
 * <p>Files ending in {@code .json} are read as JSON, everything else as YAML.
 */
public final class CatalogLoader {
    /** Classpath location of the shipped catalog's index. */
    public static final String SHIPPED_INDEX = "catalog/index.yaml";
    private static final int MAX_FILE_CODE_POINTS = 32 * 1024 * 1024;

    private static final ObjectMapper YAML = configure(YAMLMapper.builder(yamlFactory()));
    private static final ObjectMapper JSON = configure(JsonMapper.builder(new JsonFactory()));

    /** The catalog index: version, date, and the tool files next to it. */
    record Index(String version, LocalDate date, List<String> files) {
        Index {
            if (version == null || version.isBlank()) {
                throw new InvalidEntryException("version", "missing required field");
            }
            if (date == null) {
                throw new InvalidEntryException("date", "missing required field");
            }
            if (files == null || files.isEmpty()) {
                throw new InvalidEntryException("files", "at least one catalog file is required");
            }
            for (String f : files) {
                if (f == null || f.isBlank() || f.contains("/") || f.contains("\\") || f.startsWith(".")) {
                    throw new InvalidEntryException("files", "'" + f + "' must be a plain file name next to the index");
                }
            }
        }
    }

    /** Where a value was read from. */
    private record Located<T>(T value, String file, int line) {
        String where() {
            return file + ":" + line;
        }
    }

    /** A readable file: a classpath resource or a path. */
    private interface Source {
        String name();

        InputStream open() throws IOException;

        Source sibling(String fileName);
    }

    private record ClasspathSource(String resource) implements Source {
        @Override
        public String name() {
            return "classpath:" + resource;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new NoSuchFileException(resource);
            }
            return in;
        }

        @Override
        public Source sibling(String fileName) {
            return new ClasspathSource(resource.substring(0, resource.lastIndexOf('/') + 1) + fileName);
        }
    }

    private record FileSource(Path path) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public Source sibling(String fileName) {
            Path parent = path.toAbsolutePath().getParent();
            return new FileSource(parent.resolve(fileName));
        }
    }

    private final List<CatalogProblem> problems = new ArrayList<>();

    private CatalogLoader() {
    }

    /** The shipped catalog, with an override file when given. */
    public static Catalog loadShipped(Optional<Path> overrides) {
        return new CatalogLoader().load(new ClasspathSource(SHIPPED_INDEX), overrides.map(FileSource::new));
    }

    /** A catalog from an index file on disk (its tool files next to it), with an override file when given. */
    public static Catalog load(Path index, Optional<Path> overrides) {
        return new CatalogLoader().load(new FileSource(index), overrides.map(FileSource::new));
    }

    private Catalog load(Source indexSource, Optional<Source> overrideSource) {
        Index index = readIndex(indexSource);
        List<Located<AiTool>> tools = new ArrayList<>();
        if (index != null) {
            for (String file : index.files()) {
                readToolFile(indexSource.sibling(file), tools);
            }
        }
        String organisation = null;
        List<Located<ToolPolicy>> policies = new ArrayList<>();
        List<Located<AiTool>> ownTools = new ArrayList<>();
        if (overrideSource.isPresent()) {
            organisation = readOverrides(overrideSource.get(), policies, ownTools);
        }
        List<Located<AiTool>> allTools = new ArrayList<>(tools);
        allTools.addAll(ownTools);
        checkUniqueness(allTools);
        checkPolicies(allTools, policies);
        if (!problems.isEmpty()) {
            throw new CatalogLoadException(problems);
        }
        OrgOverrides overrides = new OrgOverrides(organisation, values(policies), values(ownTools));
        return new Catalog(index.version(), index.date(), values(tools), overrides);
    }

    private Index readIndex(Source source) {
        try (InputStream in = source.open(); JsonParser parser = mapperFor(source).createParser(in)) {
            if (parser.nextToken() == null) {
                problems.add(new CatalogProblem(source.name(), 1, 1, "", "empty file"));
                return null;
            }
            return mapperFor(source).readValue(parser, Index.class);
        } catch (JsonProcessingException e) {
            problems.add(problem(e, source.name(), 0));
        } catch (IOException e) {
            problems.add(ioProblem(source, e));
        }
        return null;
    }

    private void readToolFile(Source source, List<Located<AiTool>> into) {
        try (InputStream in = source.open(); JsonParser parser = mapperFor(source).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new CatalogProblem(source.name(), 1, 1, "", "a catalog file is a list of tools"));
                return;
            }
            readList(parser, source, AiTool.class, into);
        } catch (IOException e) {
            problems.add(ioProblem(source, e));
        }
    }

    private String readOverrides(Source source, List<Located<ToolPolicy>> policies, List<Located<AiTool>> tools) {
        String organisation = null;
        try (InputStream in = source.open(); JsonParser parser = mapperFor(source).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new CatalogProblem(source.name(), 1, 1, "",
                        "an override file is a map with organisation, policies and tools"));
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "organisation" -> organisation = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    case "policies" -> {
                        if (!expectList(parser, source, field, at) || !readList(parser, source, ToolPolicy.class, policies)) {
                            return null;
                        }
                    }
                    case "tools" -> {
                        if (!expectList(parser, source, field, at) || !readList(parser, source, AiTool.class, tools)) {
                            return null;
                        }
                    }
                    default -> {
                        problems.add(new CatalogProblem(source.name(), at.getLineNr(), at.getColumnNr(), field,
                                "unknown field (known: organisation, policies, tools)"));
                        return null;
                    }
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(problem(e, source.name(), 0));
        } catch (IOException e) {
            problems.add(ioProblem(source, e));
        }
        return organisation;
    }

    private boolean expectList(JsonParser parser, Source source, String field, JsonLocation at) {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        problems.add(new CatalogProblem(source.name(), at.getLineNr(), at.getColumnNr(), field, "expected a list"));
        return false;
    }

    /**
     * Reads the elements of the list the parser stands at, one value at a time so that each keeps its line. Stops at
     * the first bad element of the file (the parser cannot resume inside it); returns whether the list was read whole.
     */
    private <T> boolean readList(JsonParser parser, Source source, Class<T> type, List<Located<T>> into)
            throws IOException {
        ObjectMapper mapper = mapperFor(source);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation start = parser.currentTokenLocation();
            if (token != JsonToken.START_OBJECT) {
                problems.add(new CatalogProblem(source.name(), start.getLineNr(), start.getColumnNr(), "",
                        "expected a map for each " + type.getSimpleName() + ", found " + token));
                return false;
            }
            try {
                into.add(new Located<>(mapper.readValue(parser, type), source.name(), start.getLineNr()));
            } catch (JsonProcessingException e) {
                problems.add(problem(e, source.name(), start.getLineNr()));
                return false;
            }
        }
        return true;
    }

    private void checkUniqueness(List<Located<AiTool>> tools) {
        Map<String, Located<AiTool>> ids = new HashMap<>();
        Map<HostPattern, Located<AiTool>> patterns = new HashMap<>();
        for (Located<AiTool> located : tools) {
            AiTool tool = located.value();
            Located<AiTool> earlier = ids.putIfAbsent(tool.id(), located);
            if (earlier != null) {
                problems.add(new CatalogProblem(located.file(), located.line(), 0, "id",
                        "tool id '" + tool.id() + "' is already defined at " + earlier.where()));
                continue;
            }
            for (HostPattern pattern : tool.hosts()) {
                Located<AiTool> owner = patterns.putIfAbsent(pattern, located);
                if (owner != null) {
                    String whose = owner.value().id().equals(tool.id()) ? "this tool" : "'" + owner.value().id() + "'";
                    problems.add(new CatalogProblem(located.file(), located.line(), 0, "hosts",
                            "host pattern '" + pattern + "' is already claimed by " + whose + " at " + owner.where()
                                    + " (add a path prefix to tell them apart)"));
                }
            }
        }
    }

    private void checkPolicies(List<Located<AiTool>> tools, List<Located<ToolPolicy>> policies) {
        Map<String, AiTool> ids = new HashMap<>();
        tools.forEach(t -> ids.put(t.value().id(), t.value()));
        Map<String, Located<ToolPolicy>> seen = new HashMap<>();
        for (Located<ToolPolicy> located : policies) {
            String tool = located.value().tool();
            if (!ids.containsKey(tool)) {
                problems.add(new CatalogProblem(located.file(), located.line(), 0, "tool",
                        "no tool with id '" + tool + "' in the catalog"));
            }
            Located<ToolPolicy> earlier = seen.putIfAbsent(tool, located);
            if (earlier != null) {
                problems.add(new CatalogProblem(located.file(), located.line(), 0, "tool",
                        "a policy for '" + tool + "' is already given at " + earlier.where()));
            }
        }
    }

    private static CatalogProblem problem(JsonProcessingException e, String file, int entryLine) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        String field = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        String message;
        Throwable cause = e.getCause();
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")";
        } else if (cause instanceof InvalidEntryException invalid) {
            field = field.isEmpty() ? invalid.field() : field + "." + invalid.field();
            message = invalid.getMessage();
            if (entryLine > 0 && !field.contains(".")) {
                line = entryLine;
                column = 0;
            }
        } else if (cause instanceof IllegalArgumentException || cause instanceof DateTimeParseException) {
            message = cause.getMessage();
        } else {
            String original = e.getOriginalMessage();
            message = original == null ? e.getClass().getSimpleName() : original.lines().findFirst().orElse(original);
        }
        return new CatalogProblem(file, line, column, field, message);
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static CatalogProblem ioProblem(Source source, IOException e) {
        String reason = e instanceof NoSuchFileException ? "file not found" : "cannot be read (" + e.getClass().getSimpleName() + ")";
        return new CatalogProblem(source.name(), 0, 0, "", reason);
    }

    private static <T> List<T> values(List<Located<T>> located) {
        return located.stream().map(Located::value).toList();
    }

    private static ObjectMapper mapperFor(Source source) {
        return source.name().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static ObjectMapper configure(MapperBuilder<?, ?> builder) {
        SimpleModule dates = new SimpleModule("iso-dates");
        dates.addDeserializer(LocalDate.class, new StdScalarDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                try {
                    return LocalDate.parse(text == null ? "" : text.strip());
                } catch (DateTimeParseException e) {
                    return (LocalDate) ctx.handleWeirdStringValue(LocalDate.class, text, "expected a date as YYYY-MM-DD");
                }
            }
        });
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(dates)
                .build();
    }
}
