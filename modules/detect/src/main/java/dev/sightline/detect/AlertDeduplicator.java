package dev.sightline.detect;

import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.SourceCoordinates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deduplication and throttling per alert id (rule, subject, tool, window). The first candidate of an id is written as
 * NEW; later ones are merged into it (counts, bytes, first/last seen, data classes, findings, assets) and written as
 * UPDATED, but not for every event, so a busy user does not flood the SOC. An update is written when
 * <ul>
 *   <li>the alert got graver: higher severity or a data class it did not have (the SOC must know at once), or</li>
 *   <li>the event count reached twice the count last written (1, 2, 4, 8, ...: a burst of 10 000 events gives
 *       about 14 records), or</li>
 *   <li>at least {@code updateInterval} of event time passed since the last record.</li>
 * </ul>
 * Otherwise the merge is held ({@link DedupState#pending()}) and {@link #flush} writes it once the interval has
 * passed in stream time, so the final figures are never lost. A repeat of an event id already covered (a replay) is
 * ignored, within the bounded id list.
 */
public final class AlertDeduplicator {
    /** Bound of the covered event ids, sources, findings and assets kept on an alert; eventCount gives the total. */
    public static final int MAX_LISTED = 100;

    /** Outcome of offering a candidate. */
    public sealed interface Outcome {
        DedupState state();

        /** Write this alert record and store the state. */
        record Emit(Alert alert, DedupState state) implements Outcome {
        }

        /** Store the state; nothing to write now. */
        record Hold(DedupState state) implements Outcome {
        }

        /** Nothing changed (the event was already covered). */
        record Unchanged(DedupState state) implements Outcome {
        }
    }

    private final Duration updateInterval;

    public AlertDeduplicator(Duration updateInterval) {
        if (updateInterval.isNegative()) {
            throw new IllegalArgumentException("updateInterval must not be negative, was " + updateInterval);
        }
        this.updateInterval = updateInterval;
    }

    public Outcome offer(Optional<DedupState> current, Alert candidate, Instant now) {
        if (current.isEmpty()) {
            Alert first = Alert.newBuilder(candidate).setStatus(AlertStatus.NEW).setCreatedAt(now).build();
            return new Outcome.Emit(first, new DedupState(first, first.getLastSeen(), first.getEventCount(), false));
        }
        DedupState state = current.get();
        Alert previous = state.alert();
        if (previous.getSourceEventIds().containsAll(candidate.getSourceEventIds())) {
            return new Outcome.Unchanged(state);
        }
        Alert merged = merge(previous, candidate, now);
        boolean graver = merged.getSeverity() > previous.getSeverity()
                || !previous.getDataClasses().containsAll(merged.getDataClasses());
        boolean countStep = merged.getEventCount() >= 2 * state.emittedCount();
        boolean intervalPassed = !merged.getLastSeen().isBefore(state.lastEmittedAt().plus(updateInterval));
        if (graver || countStep || intervalPassed) {
            return new Outcome.Emit(merged, new DedupState(merged, merged.getLastSeen(), merged.getEventCount(), false));
        }
        return new Outcome.Hold(new DedupState(merged, state.lastEmittedAt(), state.emittedCount(), true));
    }

    /** A held update whose interval has passed by {@code streamTime}; empty when nothing is due. */
    public Optional<Outcome.Emit> flush(DedupState state, Instant streamTime, Instant now) {
        if (!state.pending() || streamTime.isBefore(state.lastEmittedAt().plus(updateInterval))) {
            return Optional.empty();
        }
        Alert alert = Alert.newBuilder(state.alert()).setStatus(AlertStatus.UPDATED).setCreatedAt(now).build();
        return Optional.of(new Outcome.Emit(alert, new DedupState(alert, streamTime, alert.getEventCount(), false)));
    }

    static Alert merge(Alert previous, Alert next, Instant now) {
        boolean nextIsLater = !next.getLastSeen().isBefore(previous.getLastSeen());
        Alert latest = nextIsLater ? next : previous;
        EnumSet<DataClass> classes = EnumSet.noneOf(DataClass.class);
        classes.addAll(previous.getDataClasses());
        classes.addAll(next.getDataClasses());
        Map<String, String> attributes = new HashMap<>(nextIsLater ? previous.getAttributes() : next.getAttributes());
        attributes.putAll(latest.getAttributes());
        long count = previous.getEventCount() + next.getEventCount();
        Long bytes = sumKnown(previous.getBytesOut(), next.getBytesOut());
        int severity = Math.max(previous.getSeverity(), next.getSeverity());
        double confidence = Math.max(previous.getConfidence(), next.getConfidence());
        var evidence = Evidence.stronger(previous.getEvidenceStrength(), next.getEvidenceStrength());
        String toolRisk = attributes.get(AlertFactory.TOOL_RISK_ATTRIBUTE);
        int risk = Math.max(Math.max(previous.getRiskScore(), next.getRiskScore()),
                RiskScore.score(new RiskScore.Inputs(severity, classes, toolRisk == null ? null : Integer.valueOf(toolRisk),
                        evidence, bytes, count, confidence)));
        return Alert.newBuilder(latest)
                .setStatus(AlertStatus.UPDATED)
                .setSeverity(severity)
                .setConfidence(confidence)
                .setEvidenceStrength(evidence)
                .setRiskScore(risk)
                .setDataClasses(new ArrayList<>(classes))
                .setAssets(bounded(previous.getAssets(), next.getAssets()))
                .setFindings(boundedFindings(previous.getFindings(), next.getFindings()))
                .setEventCount(count)
                .setBytesOut(bytes)
                .setFirstSeen(min(previous.getFirstSeen(), next.getFirstSeen()))
                .setLastSeen(nextIsLater ? next.getLastSeen() : previous.getLastSeen())
                .setCreatedAt(now)
                .setSourceEventIds(bounded(previous.getSourceEventIds(), next.getSourceEventIds()))
                .setSources(boundedSources(previous.getSources(), next.getSources()))
                .setAttributes(attributes)
                .build();
    }

    /** Unknown (null) is not zero: the sum is unknown only when neither is known. */
    private static Long sumKnown(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(a + b);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<String> bounded(List<String> first, List<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(more);
        return new ArrayList<>(all.stream().limit(MAX_LISTED).toList());
    }

    private static List<SourceCoordinates> boundedSources(List<SourceCoordinates> first, List<SourceCoordinates> more) {
        LinkedHashSet<SourceCoordinates> all = new LinkedHashSet<>(first);
        all.addAll(more);
        return new ArrayList<>(all.stream().limit(MAX_LISTED).toList());
    }

    /** Findings are the same when type and keyed hash are: a value sent twice is listed once. */
    private static List<Finding> boundedFindings(List<Finding> first, List<Finding> more) {
        Map<String, Finding> byValue = new LinkedHashMap<>();
        for (Finding finding : first) {
            byValue.putIfAbsent(finding.getType() + '|' + finding.getValueHash(), finding);
        }
        for (Finding finding : more) {
            byValue.putIfAbsent(finding.getType() + '|' + finding.getValueHash(), finding);
        }
        return new ArrayList<>(byValue.values().stream().limit(MAX_LISTED).toList());
    }
}
