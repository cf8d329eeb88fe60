package dev.sightline.app.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sightline.app.evidence.EvidenceReport.ControlEvidence;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a report, the one place for its JSON and CSV: as files an auditor can open ({@link #write}), and one
 * control's evidence as a single document ({@link #control}, what the HTTP API sends).
 *
 * <p>Files: {@value #SUMMARY} (one self-contained page), {@value #CONTROLS} (every control's figures) and, per
 * control, its figures, alerts and audit records as JSON and CSV under {@code controls/<control>/}; plus the whole
 * period's inventory, lineage, egress, coverage, alerts and audit trail.
 */
public final class EvidenceWriter {
    public static final String SUMMARY = "summary.html";
    public static final String CONTROLS = "controls.json";
    /** Spreadsheets run cells starting with these as formulas; such text cells get a leading apostrophe in CSV. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    // neither closes the stream it writes to: the caller owns it (a file, or an HTTP response built in memory)
    private final ObjectWriter json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build().writer();
    private final CsvMapper csv = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING) // quote only what needs it, not every long text
            .build();

    /** @return the files written, relative to {@code out} */
    public List<Path> write(EvidenceReport report, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        List<Map<String, Object>> controls = new ArrayList<>();
        for (ControlEvidence evidence : report.controls()) {
            Path dir = Path.of("controls", evidence.control().id());
            Files.createDirectories(out.resolve(dir));
            table(out, dir.resolve("figures"), EvidenceTable.figures(evidence.figures()), written);
            table(out, dir.resolve("alerts"), EvidenceTable.alerts(evidence.alerts()), written);
            table(out, dir.resolve("audit"), EvidenceTable.audit(evidence.audit()), written);
            Map<String, Object> control = describe(evidence.control());
            control.put("figures", evidence.figures());
            control.put("alerts", evidence.alerts().size());
            control.put("audit_records", evidence.audit().size());
            control.put("directory", dir.toString().replace('\\', '/'));
            controls.add(control);
        }
        Map<String, Object> index = period(report);
        index.put("controls", controls);
        try (OutputStream file = Files.newOutputStream(out.resolve(CONTROLS))) {
            json.writeValue(file, index);
        }
        written.add(Path.of(CONTROLS));
        table(out, Path.of("inventory"), EvidenceTable.inventory(report.inventory()), written);
        table(out, Path.of("lineage"), EvidenceTable.lineage(report.lineage()), written);
        table(out, Path.of("egress"), EvidenceTable.egress(report.egress()), written);
        table(out, Path.of("coverage"), EvidenceTable.coverage(report.coverage()), written);
        table(out, Path.of("alerts"), EvidenceTable.alerts(report.alerts()), written);
        table(out, Path.of("audit"), EvidenceTable.audit(report.audit()), written);
        Files.writeString(out.resolve(SUMMARY), SummaryPage.render(report), StandardCharsets.UTF_8);
        written.add(Path.of(SUMMARY));
        return written;
    }

    /**
     * One control's evidence as one document, in UTF-8: the figures, alerts and audit records that {@link #write}
     * puts under {@code controls/<control>/}, with the same columns.
     * <ul>
     *   <li>JSON: {@code {control, title, evidence, from, to, generated_at, figures: {name: value}, alerts: [...],
     *   audit: [...]}};</li>
     *   <li>CSV: four sections separated by an empty line, each a header and rows whose first column,
     *   {@code section}, names it: {@code control} (one row: control, title, evidence, from, to, generated_at),
     *   {@code figures}, {@code alerts}, {@code audit}.</li>
     * </ul>
     * {@code out} is left open.
     */
    public void control(EvidenceReport report, EvidenceControl control, EvidenceFormat format, OutputStream out)
            throws IOException {
        ControlEvidence evidence = report.control(control);
        EvidenceTable alerts = EvidenceTable.alerts(evidence.alerts());
        EvidenceTable audit = EvidenceTable.audit(evidence.audit());
        switch (format) {
            case JSON -> {
                Map<String, Object> document = describe(control);
                document.putAll(period(report));
                document.put("figures", evidence.figures());
                document.put("alerts", alerts.objects());
                document.put("audit", audit.objects());
                json.writeValue(out, document);
                out.write('\n');
            }
            case CSV -> {
                Map<String, Object> heading = describe(control);
                heading.putAll(period(report));
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                csv(section("control", new EvidenceTable(List.copyOf(heading.keySet()),
                        List.of(List.copyOf(heading.values())))), writer);
                for (Map.Entry<String, EvidenceTable> table : List.of(
                        Map.entry("figures", EvidenceTable.figures(evidence.figures())),
                        Map.entry("alerts", alerts), Map.entry("audit", audit))) {
                    writer.write('\n');
                    csv(section(table.getKey(), table.getValue()), writer);
                }
                writer.flush();
            }
        }
    }

    private static Map<String, Object> describe(EvidenceControl control) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("control", control.id());
        description.put("title", control.title());
        description.put("evidence", control.evidence());
        return description;
    }

    private static Map<String, Object> period(EvidenceReport report) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", report.period().from().toString());
        period.put("to", report.period().to().toString());
        period.put("generated_at", report.generatedAt().toString());
        return period;
    }

    /** The table with a first column {@code section} holding {@code name} in every row. */
    private static EvidenceTable section(String name, EvidenceTable table) {
        List<String> columns = new ArrayList<>(table.columns());
        columns.add(0, "section");
        List<List<Object>> rows = table.rows().stream().map(row -> {
            List<Object> cells = new ArrayList<>(row);
            cells.add(0, name);
            return cells;
        }).toList();
        return new EvidenceTable(columns, rows);
    }

    private void table(Path out, Path base, EvidenceTable table, List<Path> written) throws IOException {
        Path jsonFile = Path.of(base + ".json");
        try (OutputStream file = Files.newOutputStream(out.resolve(jsonFile))) {
            json.writeValue(file, table.objects());
        }
        Path csvFile = Path.of(base + ".csv");
        try (Writer file = Files.newBufferedWriter(out.resolve(csvFile), StandardCharsets.UTF_8)) {
            csv(table, file);
        }
        written.add(jsonFile);
        written.add(csvFile);
    }

    /**
     * A header, also when there are no rows, and the rows; text cells that a spreadsheet would run as a formula are
     * defused.
     */
    private void csv(EvidenceTable table, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        table.columns().forEach(schema::addColumn);
        try (var rows = csv.writer(schema.build()).writeValues(out)) {
            rows.write(table.columns().toArray());
            for (List<Object> row : table.rows()) {
                rows.write(row.stream().map(EvidenceWriter::defused).toArray());
            }
        }
    }

    private static Object defused(Object cell) {
        return cell instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                ? "'" + text : cell;
    }
}
