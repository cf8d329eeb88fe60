package dev.sightline.app.api;

import dev.sightline.app.evidence.EvidenceControl;
import dev.sightline.app.evidence.EvidenceFormat;
import dev.sightline.app.evidence.EvidencePeriod;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/evidence?control=&from=&to=&format=}: one ISO/IEC 42001 control's evidence of the period
 * {@code [from, to)}. {@code control} is required; {@code to} defaults to now and {@code from} to
 * {@value #DEFAULT_PERIOD_DAYS} days before {@code to}; {@code format} is {@code json} (default) or {@code csv}.
 */
record EvidenceQuery(EvidenceControl control, EvidencePeriod period, EvidenceFormat format) {
    static final Set<String> PARAMETERS = Set.of("control", "from", "to", "format");
    static final int DEFAULT_PERIOD_DAYS = 30;
    /**
     * Every request reads the evidence topics and renders the period's records in memory: a bound on the period bounds
     * the answer. A year and a bit covers an annual audit; longer is several requests. No configuration key fits.
     */
    static final int MAX_PERIOD_DAYS = 400;

    static EvidenceQuery parse(QueryParameters parameters, Instant now) {
        String controls = Arrays.stream(EvidenceControl.values()).map(EvidenceControl::id)
                .collect(Collectors.joining(", "));
        EvidenceControl control = parameters.text("control")
                .map(id -> EvidenceControl.byId(id.toUpperCase(Locale.ROOT)).orElseThrow(() ->
                        ApiException.badRequest("parameter 'control' must be one of " + controls)))
                .orElseThrow(() -> ApiException.badRequest("parameter 'control' is required: one of " + controls));
        Instant to = parameters.instant("to").orElse(now);
        Instant from = parameters.instant("from").orElseGet(() -> defaultFrom(to));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("'from' must be before 'to'"
                    + (parameters.text("to").isEmpty() ? " (now, when not given)" : ""));
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_PERIOD_DAYS)) > 0) {
            throw ApiException.badRequest("the period from 'from' to 'to' is longer than " + MAX_PERIOD_DAYS
                    + " days, the most one request covers: ask for shorter periods");
        }
        return new EvidenceQuery(control, new EvidencePeriod(from, to),
                parameters.enumeration("format", EvidenceFormat.class).orElse(EvidenceFormat.JSON));
    }

    private static Instant defaultFrom(Instant to) {
        try {
            return to.minus(Duration.ofDays(DEFAULT_PERIOD_DAYS));
        } catch (DateTimeException e) {
            throw ApiException.badRequest("parameter 'to' is too early for a period before it; give 'from'");
        }
    }
}
