package dev.sightline.pipeline.governance;

import dev.sightline.detect.ActivePolicy;
import dev.sightline.detect.AlertCandidate;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.Detector;
import dev.sightline.detect.rules.ApprovalDriftRule;
import dev.sightline.detect.rules.SensitiveEgressRule;
import dev.sightline.detect.rules.ShadowAiRule;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.pipeline.metrics.GovernanceMetrics;
import dev.sightline.pipeline.reference.RuleReferences;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes one hash-chained audit record per audited interaction ({@link AuditRecords}). The chain of output partition
 * p is written by the task of input partition p only, so each chain has one writer; its head (last sequence and
 * hash) is in a changelogged store keyed by partition, and with exactly-once processing the head and the record
 * commit together: a crash can neither skip nor repeat a sequence.
 */
final class AuditChainProcessor implements Processor<String, AiUsageEvent, String, ChainedAudit> {
    private final RuleReferences references;
    private final Function<AuditRecord, byte[]> encoder;
    private final GovernanceMetrics metrics;
    private final Clock clock;
    /** The per-event rules of the detect stage, to know whether an interaction raised an alert (see AuditRecords). */
    private final Detector detector = new Detector(List.of(new ShadowAiRule(), new SensitiveEgressRule(),
            new ApprovalDriftRule()));

    private ProcessorContext<String, ChainedAudit> context;
    private KeyValueStore<Integer, ChainHead> chain;

    /** @param encoder an audit record's Avro bytes, as the audit topic holds them */
    AuditChainProcessor(RuleReferences references, Function<AuditRecord, byte[]> encoder, GovernanceMetrics metrics,
                        Clock clock) {
        this.references = references;
        this.encoder = encoder;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ChainedAudit> context) {
        this.context = context;
        chain = context.getStateStore(GovernanceTopology.AUDIT_CHAIN_STORE);
    }

    @Override
    public void process(Record<String, AiUsageEvent> record) {
        AiUsageEvent event = record.value();
        if (event == null || event.getTool() == null) {
            return; // a tombstone, or no AI tool: nothing to audit
        }
        ActivePolicy policy = references.policy();
        SanctionStatus sanction = policy.sanction(event.getTool());
        if (!AuditRecords.auditable(event, sanction)) {
            return;
        }
        Instant now = clock.instant();
        List<AlertCandidate> alerts = event.getProxyAction() == ProxyAction.BLOCKED ? List.of()
                : detector.detect(event, new DetectionContext(policy, references::tool),
                now).candidates(); // rule failures are counted and logged by the detect stage
        AuditRecord audit = chained(AuditRecords.unchained(event, sanction, alerts, now));
        metrics.auditRecordWritten(audit.getOutcome().name().toLowerCase(Locale.ROOT));
        context.forward(new Record<>(record.key(), new ChainedAudit(partition(), audit, encoder.apply(audit)),
                now.toEpochMilli()));
    }

    /** Sets sequence, previousHash and hash, and moves the partition's head to the record. */
    private AuditRecord chained(AuditRecord audit) {
        int partition = partition();
        ChainHead head = chain.get(partition);
        audit.setSequence(head == null ? 0 : head.sequence() + 1);
        audit.setPreviousHash(head == null ? AuditHash.GENESIS : head.hash());
        audit.setHash(AuditHash.of(audit));
        chain.put(partition, new ChainHead(audit.getSequence(), audit.getHash()));
        return audit;
    }

    private int partition() {
        return context.taskId().partition();
    }
}
