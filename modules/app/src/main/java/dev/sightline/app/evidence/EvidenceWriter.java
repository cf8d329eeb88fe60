package dev.sightline.app.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sightline.app.evidence.EvidenceReport.ControlEvidence;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a report as files an auditor can open: {@value #SUMMARY} (one self-contained page), {@value #CONTROLS}
 * (every control's figures) and, per control, its figures, alerts and audit records as JSON and CSV under
 * {@code controls/<control>/}; plus the whole period's inventory, lineage, egress, coverage, alerts and audit trail.
 */
public final class EvidenceWriter {
    public static final String SUMMARY = "summary.html";
    public static final String CONTROLS = "controls.json";
    /** Spreadsheets run cells starting with these as formulas; such text cells get a leading apostrophe in CSV. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final CsvMapper csv = new CsvMapper();

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
            Map<String, Object> control = new LinkedHashMap<>();
            control.put("control", evidence.control().id());
            control.put("title", evidence.control().title());
            control.put("evidence", evidence.control().evidence());
            control.put("figures", evidence.figures());
            control.put("alerts", evidence.alerts().size());
            control.put("audit_records", evidence.audit().size());
            control.put("directory", dir.toString().replace('\\', '/'));
            controls.add(control);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("from", report.period().from().toString());
        index.put("to", report.period().to().toString());
        index.put("generated_at", report.generatedAt().toString());
        index.put("controls", controls);
        json.writeValue(out.resolve(CONTROLS).toFile(), index);
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

    private void table(Path out, Path base, EvidenceTable table, List<Path> written) throws IOException {
        Path jsonFile = Path.of(base + ".json");
        json.writeValue(out.resolve(jsonFile).toFile(), table.objects());
        Path csvFile = Path.of(base + ".csv");
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(schema::addColumn);
        try (Writer writer = Files.newBufferedWriter(out.resolve(csvFile), StandardCharsets.UTF_8);
             var rows = csv.writer(schema.build()).writeValues(writer)) {
            for (List<Object> row : table.rows()) {
                rows.write(row.stream().map(EvidenceWriter::defused).toArray());
            }
        }
        written.add(jsonFile);
        written.add(csvFile);
    }

    private static Object defused(Object cell) {
        return cell instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                ? "'" + text : cell;
    }
}
