package dev.sightline.app.evidence;

import dev.sightline.app.evidence.EvidenceReport.ControlEvidence;
import dev.sightline.app.evidence.EvidenceReport.SourceCoverage;
import dev.sightline.model.Alert;
import dev.sightline.model.InventoryEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The one page an auditor opens first: self-contained HTML (inline style, no script, no external resource) with
 * every text HTML-escaped, since tool names, users and titles come from logs and catalogs.
 */
final class SummaryPage {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:left;vertical-align:top}th{background:#f2f2f2}.warn{color:#a40000;font-weight:bold}"
            + ".note{color:#555;font-size:.9em}";

    private SummaryPage() {
    }

    static String render(EvidenceReport report) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>Sightline evidence ").append(e(report.period().from().toString())).append(" to ")
                .append(e(report.period().to().toString())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<h1>AI use evidence, ISO/IEC 42001 Annex A</h1>\n<p>Period <b>")
                .append(e(report.period().from().toString())).append("</b> to <b>")
                .append(e(report.period().to().toString())).append("</b> (end exclusive). Generated ")
                .append(e(report.generatedAt().toString()))
                .append(" by Sightline from alerts, audit.ai-data-access, ai.inventory and lineage.edges.</p>\n");

        html.append("<h2>Pipeline coverage</h2>\n");
        long silent = report.coverage().stream().filter(c -> !c.reported()).count();
        if (silent > 0) {
            html.append("<p class=\"warn\">").append(silent).append(" source(s) produced no evidence record in the"
                    + " period: no telemetry is not the same as no AI use.</p>\n");
        }
        table(html, List.of("Source", "Configured", "Evidence records", "First", "Last", "Gaps over " + human(report.gapThreshold()), "Longest gap"), report.coverage(),
                c -> List.of(c.source(), c.expected() ? "yes" : "no", Long.toString(c.records()),
                        c.firstSeen().map(Object::toString).orElse("-"), c.lastSeen().map(Object::toString).orElse("-"),
                        Integer.toString(c.gaps().size()), c.gaps().isEmpty() ? "-" : longestGap(c)));
        html.append("<p class=\"note\">Coverage is read from the alerts and audit records of the period, which cover"
                + " sensitive and unsanctioned interactions; the live per-source figure is the metric"
                + " sightline_source_last_seen_timestamp_seconds.</p>\n");

        html.append("<h2>Sanctioned share of AI use</h2>\n<p>");
        report.sanctionedShare().share().ifPresentOrElse(
                share -> html.append("<b>").append(String.format(Locale.ROOT, "%.1f %%", share * 100)).append("</b> of ")
                        .append(report.sanctionedShare().aiEvents()).append(" AI events went to sanctioned tools."),
                () -> html.append("No AI events recorded for the tools of the period."));
        html.append("</p>\n<p class=\"note\">From the inventory's cumulative per-tool event counts of the tools used in"
                + " the period.</p>\n");

        html.append("<h2>AI inventory (").append(report.inventory().size()).append(" tools)</h2>\n");
        table(html, List.of("Tool", "Vendor", "Category", "Sanction", "Risk", "Owner", "First seen", "Last seen",
                        "Events", "Users", "Data classes"), report.inventory(),
                (InventoryEntry t) -> List.of(t.getToolName() + (t.getCandidate() ? " (candidate)" : ""),
                        text(t.getVendor()), text(t.getCategory()), t.getSanction().name(),
                        Integer.toString(t.getRiskScore()), text(t.getOwner()), t.getFirstSeen().toString(),
                        t.getLastSeen().toString(), Long.toString(t.getEventCount()), Long.toString(t.getDistinctUsers()),
                        join(t.getDataClasses())));

        html.append("<h2>Sensitive-data egress by class and tool</h2>\n");
        table(html, List.of("Data class", "Tool", "Interactions"), report.egress(),
                g -> List.of(g.dataClass().name(), g.toolId(), Long.toString(g.interactions())));

        html.append("<h2>Open alerts (").append(report.openAlerts().size()).append(")</h2>\n");
        table(html, List.of("Severity", "Rule", "Title", "User", "Tool", "Data classes", "Events", "Last seen",
                        "Controls"), report.openAlerts(),
                (Alert a) -> List.of(Integer.toString(a.getSeverity()), a.getRuleId(), a.getTitle(), text(a.getUser()),
                        text(a.getToolName() != null ? a.getToolName() : a.getToolId()), join(a.getDataClasses()),
                        Long.toString(a.getEventCount()), a.getLastSeen().toString(), String.join(", ", a.getControls())));

        html.append("<h2>Controls</h2>\n");
        table(html, List.of("Control", "Subject", "Evidence", "Figures", "Alerts", "Audit records", "Files"),
                report.controls(), (ControlEvidence c) -> List.of(c.control().id(), c.control().title(),
                        c.control().evidence(), figures(c.figures()), Integer.toString(c.alerts().size()),
                        Integer.toString(c.audit().size()), "controls/" + c.control().id() + "/"));
        html.append("<p class=\"note\">Each control's directory holds figures, alerts and audit records as JSON and CSV;"
                + " the audit trail's hash chain is checked with <code>sightline audit verify</code>.</p>\n");
        return html.append("</body></html>\n").toString();
    }

    private static <T> void table(StringBuilder html, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
        if (rows.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table><thead><tr>");
        headers.forEach(h -> html.append("<th>").append(e(h)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (T row : rows) {
            html.append("<tr>");
            cells.apply(row).forEach(cell -> html.append("<td>").append(e(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String figures(Map<String, Object> figures) {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(text.isEmpty() ? "" : "; ").append(name).append(" = ")
                .append(value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value));
        return text.toString();
    }

    private static String longestGap(SourceCoverage coverage) {
        EvidenceReport.Gap gap = coverage.gaps().get(0);
        return human(gap.length()) + " from " + gap.from();
    }

    private static String human(java.time.Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null ? "-" : value;
    }

    private static String join(List<?> values) {
        return values.isEmpty() ? "-" : String.join(", ", values.stream().map(Object::toString).toList());
    }

    private static String e(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}
