package dev.sightline.simulator;

import dev.sightline.model.Topic;
import java.time.Instant;
import java.util.Set;

/**
 * One raw record as a log shipper would produce it, with what the simulator knows about it (for tests and benchmark
 * checks). toString() shows neither the value nor anything of the content.
 *
 * @param topic     the raw topic that carries the format (before any deployment prefix)
 * @param format    the format name of ARCHITECTURE.md
 * @param key       the record key: the id of the sensor that shipped it (proxy node, audit-log tenant feed)
 * @param value     the log line (no line end) or JSON record, UTF-8
 * @param eventTime the time the record states
 * @param labels    the ground truth
 */
public record SimulatedRecord(Topic topic, String format, byte[] key, byte[] value, Instant eventTime,
        Labels labels) {

    /**
     * What the record means.
     *
     * @param user           the person's UPN
     * @param host           the destination host, null for SaaS audit records that name none
     * @param ai             whether the destination is an AI tool (including AI features of SaaS products)
     * @param intent         what the person did
     * @param blocked        denied by policy (or a proxy authentication challenge)
     * @param tunnel         visible only as a CONNECT tunnel
     * @param transaction    whether the real parser should yield an event for it; false for lines that are not
     *                       transactions (Squid TLS preambles and {@code error:} lines), which it skips
     * @param content        whether the record carries prompt text
     * @param sensitive      the finding types embedded in the content (empty when clean or no content)
     * @param hardNegative   whether the content holds look-alikes that are not sensitive
     * @param personal       whether a personal (consumer) account of the AI service was used
     * @param assetLabels    names of the sensitivity labels of files the interaction touched (M365)
     * @param uploadFileName the uploaded file, null when none
     */
    public record Labels(String user, String host, boolean ai, Intent intent, boolean blocked, boolean tunnel,
            boolean transaction, boolean content, Set<SensitiveType> sensitive, boolean hardNegative,
            boolean personal, Set<String> assetLabels, String uploadFileName) {
        public Labels {
            sensitive = Set.copyOf(sensitive);
            assetLabels = Set.copyOf(assetLabels);
        }
    }

    @Override
    public String toString() {
        return "SimulatedRecord[" + topic.baseName() + ", " + format + ", " + eventTime + ", " + value.length
                + " bytes, ai=" + labels.ai() + ", intent=" + labels.intent() + ", sensitive=" + labels.sensitive()
                + "]";
    }
}
