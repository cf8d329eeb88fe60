package dev.sightline.detect;

import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.EvidenceStrength;
import java.util.Locale;
import java.util.Set;

/**
 * How strong the evidence of one event is, weakest first: a DNS lookup, a proxy connection, a SaaS audit log entry,
 * inspected content (the scanner found something in what was sent).
 */
public final class Evidence {
    /** Source products whose records are the AI service's own audit log (ARCHITECTURE.md). */
    private static final Set<String> AUDIT_LOG_PRODUCTS = Set.of("m365", "chatgpt-enterprise", "gemini-workspace");

    private Evidence() {
    }

    public static EvidenceStrength of(AiUsageEvent event) {
        if (!event.getFindings().isEmpty()) {
            return EvidenceStrength.CONTENT;
        }
        String product = event.getSourceProduct().toLowerCase(Locale.ROOT);
        if (AUDIT_LOG_PRODUCTS.contains(product)) {
            return EvidenceStrength.AUDIT_LOG;
        }
        String format = event.getSource() == null ? "" : event.getSource().getFormat().toLowerCase(Locale.ROOT);
        if (product.contains("dns") || format.contains("dns")) {
            return EvidenceStrength.DNS;
        }
        return EvidenceStrength.PROXY;
    }

    public static EvidenceStrength stronger(EvidenceStrength a, EvidenceStrength b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
