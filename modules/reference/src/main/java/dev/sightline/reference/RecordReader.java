package dev.sightline.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV, TSV, JSON-array or JSON-Lines file into {@link RawRecord}s of a {@link FieldSet}, reporting every
 * problem with file, line and field. The format follows the file name ({@code .csv}, {@code .tsv}, {@code .json},
 * {@code .jsonl}, {@code .ndjson}); other names are recognised by their first character ({@code [} a JSON array,
 * {@code &#123;} JSON Lines, anything else CSV).
 */
final class RecordReader {
    /** Reference files are tables of thousands of rows; a larger file is a mistake, not an export. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private enum Format { CSV, TSV, JSON_ARRAY, JSON_LINES }

    private final FieldSet fields;
    private final boolean ignoreUnknown;
    private final Problems problems;
    private final String file;

    private RecordReader(FieldSet fields, boolean ignoreUnknown, Problems problems, String file) {
        this.fields = fields;
        this.ignoreUnknown = ignoreUnknown;
        this.problems = problems;
        this.file = file;
    }

    /** Reads {@code path}; problems go to {@code problems}, and the records read are returned (partial when any). */
    static List<RawRecord> read(Path path, FieldSet fields, boolean ignoreUnknown, Problems problems) {
        RecordReader reader = new RecordReader(fields, ignoreUnknown, problems, path.toString());
        String text = reader.readText(path);
        if (text == null) {
            return List.of();
        }
        List<RawRecord> records = new ArrayList<>();
        int problemsBefore = problems.size();
        try {
            switch (reader.format(path, text)) {
                case CSV -> reader.readDelimited(text, ',', records);
                case TSV -> reader.readDelimited(text, '\t', records);
                case JSON_ARRAY -> reader.readJsonArray(text, records);
                case JSON_LINES -> reader.readJsonLines(text, records);
            }
        } catch (IOException e) {
            // parsing a String fails only on malformed content; the location says where
            reader.syntaxProblem(e, 0);
        }
        if (records.isEmpty() && problems.size() == problemsBefore) {
            problems.add(reader.file, 0, 0, "", "no records");
        }
        return records;
    }

    private String readText(Path path) {
        if (!Files.exists(path)) {
            problems.add(file, 0, 0, "", "no such file");
            return null;
        }
        if (Files.isDirectory(path)) {
            problems.add(file, 0, 0, "", "is a directory, not a file");
            return null;
        }
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                problems.add(file, 0, 0, "", "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
                return null;
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(file, 0, 0, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        String text = decodeUtf8(bytes);
        if (text != null && text.isBlank()) {
            problems.add(file, 0, 0, "", "no records (the file is empty)");
            return null;
        }
        return text;
    }

    /** Strict UTF-8 (a leading byte-order mark dropped); an invalid byte is reported with its line. */
    private String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(file, line, 0, "", String.format(Locale.ROOT,
                    "not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", bytes[at] & 0xff, at));
            return null;
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private Format format(Path path, String text) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        char first = text.strip().charAt(0);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Format.TSV;
        }
        boolean jsonName = name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
        if (first == '[') {
            return Format.JSON_ARRAY;
        }
        if (first == '{' || jsonName) {
            // a .json file that starts otherwise gets the JSON Lines reader's clear "expected a JSON object" per line
            return Format.JSON_LINES;
        }
        return Format.CSV;
    }

    // ---- CSV ----

    private void readDelimited(String text, char separator, List<RawRecord> into) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(text)) {
            parser.setSchema(schema);
            parser.nextToken(); // WRAP_AS_ARRAY: the array around all rows
            Row header = nextRow(parser);
            Field[] columns = header == null ? null : readHeader(header.cells(), header.line(), separator);
            if (columns == null) {
                return;
            }
            Row row;
            while ((row = nextRow(parser)) != null) {
                if (row.cells().size() != columns.length) {
                    problems.add(file, row.line(), 0, "", "the row has " + row.cells().size() + " value(s), the header "
                            + columns.length + " column(s) (check quoting of values that contain '" + separator + "')");
                    continue;
                }
                Map<String, RawRecord.Value> values = new HashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] != null) {
                        values.put(columns[i].name(), new RawRecord.Value(row.cells().get(i), null,
                                header.cells().get(i).strip(), row.line(), 0));
                    }
                }
                into.add(checked(new RawRecord(file, row.line(), values), Set.of()));
            }
        }
    }

    /** The cells of one CSV row and the line it starts on. */
    private record Row(List<String> cells, long line) {
    }

    /** The next row; WRAP_AS_ARRAY makes the file one array of row arrays, so its end is the outer END_ARRAY. */
    private static Row nextRow(CsvParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        long line = 0;
        List<String> cells = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (line == 0) {
                // the row's own START_ARRAY carries the previous row's position; its first value is exact
                line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
        }
        return new Row(cells, line);
    }

    /** Maps each column to its field (null for an ignored one), or returns null after reporting a bad header. */
    private Field[] readHeader(List<String> header, long line, char separator) {
        Field[] columns = new Field[header.size()];
        Map<Field, String> seen = new HashMap<>();
        boolean bad = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                problems.add(file, line, 0, "", "column " + (i + 1) + " of the header has no name");
                bad = true;
                continue;
            }
            Field field = fields.resolve(name).orElse(null);
            if (field == null) {
                if (!ignoreUnknown) {
                    problems.add(file, line, 0, name, unknownFieldMessage("column", header.size() == 1 && (name.contains(";")
                            || name.contains(",") || name.contains("\t")), separator));
                    bad = true;
                }
                continue;
            }
            String earlier = seen.putIfAbsent(field, name);
            if (earlier != null) {
                problems.add(file, line, 0, name, "names the same field as column '" + earlier + "' (" + field.name() + ")");
                bad = true;
            }
            columns[i] = field;
        }
        for (Field field : fields.fields()) {
            if (field.required() && !seen.containsKey(field)) {
                problems.add(file, line, 0, field.name(), "missing column: " + field.describe());
                bad = true;
            }
        }
        return bad ? null : columns;
    }

    private String unknownFieldMessage(String what, boolean looksMisdelimited, char separator) {
        String hint = looksMisdelimited ? " — the header reads as one column: values must be separated by '"
                + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "'" : "";
        return "unknown " + what + hint + " (known: " + fields.describe() + ")";
    }

    // ---- JSON ----

    private void readJsonArray(String text, List<RawRecord> into) throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken(); // START_ARRAY: the format was chosen by it
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    JsonLocation at = parser.currentLocation();
                    problems.add(file, at.getLineNr(), at.getColumnNr(), "", "the JSON array is not closed");
                    return;
                }
                readJsonElement(parser, token, 0, into);
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(file, at.getLineNr(), at.getColumnNr(), "", "content after the end of the JSON array");
            }
        }
    }

    private void readJsonLines(String text, List<RawRecord> into) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            long lineNo = i + 1L;
            try (JsonParser parser = JSON.createParser(lines[i])) {
                readJsonElement(parser, parser.nextToken(), lineNo - 1, into);
                if (parser.nextToken() != null) {
                    problems.add(file, lineNo, parser.currentTokenLocation().getColumnNr(), "",
                            "more than one JSON value on the line (JSON Lines: one object per line)");
                }
            } catch (IOException e) {
                syntaxProblem(e, lineNo - 1);
            }
        }
    }

    /** Reads one record; {@code lineOffset} turns the parser's lines into the file's (JSON Lines parse line by line). */
    private void readJsonElement(JsonParser parser, JsonToken token, long lineOffset, List<RawRecord> into)
            throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        long line = start.getLineNr() + lineOffset;
        if (token != JsonToken.START_OBJECT) {
            problems.add(file, line, start.getColumnNr(), "", "expected a JSON object for each record, found "
                    + describe(token));
            parser.skipChildren();
            return;
        }
        Map<String, RawRecord.Value> values = new HashMap<>();
        Map<Field, String> seen = new HashMap<>();
        Set<String> rejected = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            long keyLine = keyAt.getLineNr() + lineOffset;
            int column = keyAt.getColumnNr();
            JsonToken value = parser.nextToken();
            Field field = fields.resolve(key).orElse(null);
            if (field == null) {
                if (!ignoreUnknown) {
                    problems.add(file, keyLine, column, key, unknownFieldMessage("key", false, ','));
                }
                parser.skipChildren();
                continue;
            }
            String earlier = seen.putIfAbsent(field, key);
            if (earlier != null) {
                problems.add(file, keyLine, column, key, "names the same field as key '" + earlier + "' (" + field.name() + ")");
                parser.skipChildren();
                continue;
            }
            RawRecord.Value read = jsonValue(parser, value, field, key, keyLine, column);
            if (read != null) {
                values.put(field.name(), read);
            } else if (value != JsonToken.VALUE_NULL) {
                rejected.add(field.name());
            }
        }
        into.add(checked(new RawRecord(file, line, values), rejected));
    }

    private RawRecord.Value jsonValue(JsonParser parser, JsonToken token, Field field, String key, long line, int column)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return new RawRecord.Value(parser.getText(), null, key, line, column);
        }
        if (token == JsonToken.START_ARRAY && field.list()) {
            List<String> items = new ArrayList<>();
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (item.isScalarValue() && item != JsonToken.VALUE_NULL) {
                    items.add(parser.getText());
                } else if (item != JsonToken.VALUE_NULL) {
                    problems.add(file, line, column, key, "list items must be texts, found " + describe(item));
                    parser.skipChildren();
                }
            }
            return new RawRecord.Value(null, items, key, line, column);
        }
        problems.add(file, line, column, key, "expected " + (field.list() ? "a list or a text" : "a single value")
                + ", found " + describe(token));
        parser.skipChildren();
        return null;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    // ---- shared ----

    /** Reports every required field the record leaves blank ({@code rejected} ones are reported already). */
    private RawRecord checked(RawRecord record, Set<String> rejected) {
        for (Field field : fields.fields()) {
            if (field.required() && record.text(field.name()).isEmpty() && !rejected.contains(field.name())) {
                problems.add(record, field.name(), "missing required value");
            }
        }
        return record;
    }

    private void syntaxProblem(IOException e, long lineOffset) {
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            JsonLocation at = p.getLocation();
            String message = p.getOriginalMessage() == null ? "malformed content" : p.getOriginalMessage().lines()
                    .findFirst().orElse("malformed content");
            problems.add(file, at.getLineNr() + lineOffset, at.getColumnNr(), "", "malformed: " + message);
        } else {
            problems.add(file, 0, 0, "", "malformed: " + e.getClass().getSimpleName());
        }
    }
}
