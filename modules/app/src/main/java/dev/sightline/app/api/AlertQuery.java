package dev.sightline.app.api;

import dev.sightline.model.Alert;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/alerts?rule=&severity=&from=&to=&limit=}: recent alerts, newest (by last event) first. {@code severity=N}
 * means N or graver (1 informational .. 5 critical); {@code from}/{@code to} select alerts whose events overlap
 * {@code [from, to)}.
 */
record AlertQuery(Optional<String> rule, int minSeverity, QueryParameters.TimeRange range, int limit) {
    static final Set<String> PARAMETERS = Set.of("rule", "severity", "from", "to", "limit");

    static AlertQuery parse(QueryParameters parameters) {
        return new AlertQuery(parameters.text("rule"), parameters.integer("severity", 1, 1, 5), parameters.timeRange(),
                parameters.integer("limit", AuditQuery.DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT));
    }

    boolean matches(Alert alert) {
        return rule.map(alert.getRuleId()::equals).orElse(true)
                && alert.getSeverity() >= minSeverity
                && range.overlaps(alert.getFirstSeen(), alert.getLastSeen());
    }
}
