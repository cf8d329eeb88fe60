package dev.sightline.app.cli;

import dev.sightline.model.Alert;
import dev.sightline.model.DataClass;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Alerts as a readable, fixed-width table for a terminal, and a count by rule and severity for the summary. */
final class AlertTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-8s  %-7s  %-18s  %3s  %-28s  %-22s  %-22s  %s%n";

    private final PrintWriter out;
    private final Map<String, LongAdder> byRule = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> bySeverity = new ConcurrentHashMap<>();

    AlertTable(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.printf(ROW, "time", "status", "rule", "sev", "user", "tool", "data classes", "why");
        out.flush();
    }

    synchronized void row(Alert alert) {
        byRule.computeIfAbsent(alert.getRuleId(), k -> new LongAdder()).increment();
        bySeverity.computeIfAbsent(alert.getSeverity(), k -> new LongAdder()).increment();
        String classes = alert.getDataClasses().stream().map(DataClass::name).collect(Collectors.joining(","));
        out.printf(ROW, TIME.format(alert.getLastSeen() == null ? alert.getCreatedAt() : alert.getLastSeen()),
                alert.getStatus(), cut(alert.getRuleId(), 18), alert.getSeverity(), cut(alert.getUser(), 28),
                cut(alert.getToolName() == null ? alert.getToolId() : alert.getToolName(), 22),
                cut(classes.isEmpty() ? "-" : classes, 22), alert.getTitle());
        out.flush();
    }

    /** One line per rule and one per severity, counting alert records (new and updated). */
    synchronized String summary() {
        if (byRule.isEmpty()) {
            return "no alerts";
        }
        return "alerts by rule: " + counts(byRule) + System.lineSeparator()
                + "alerts by severity: " + counts(bySeverity);
    }

    private static <K> String counts(Map<K, LongAdder> counts) {
        return new TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().sum())
                .collect(Collectors.joining(", "));
    }

    private static String cut(String text, int width) {
        if (text == null) {
            return "-";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
