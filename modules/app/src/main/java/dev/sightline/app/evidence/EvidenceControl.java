package dev.sightline.app.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ISO/IEC 42001 Annex A controls the export gives evidence for (docs: ISO42001.md), with our short titles.
 * A.4.2 and A.10.2 are added to the list because the AI inventory is their direct evidence.
 */
public enum EvidenceControl {
    A_4_2("A.4.2", "Documenting resources", "AI inventory: tools, vendors, owners, first/last seen"),
    A_4_3("A.4.3", "Data resources", "data classes and assets sent to each AI tool (lineage)"),
    A_6_2_6("A.6.2.6", "Operation and monitoring", "alerts and telemetry coverage of the monitoring"),
    A_6_2_8("A.6.2.8", "Recording of event logs", "the hash-chained audit trail audit.ai-data-access"),
    A_7_5("A.7.5", "Data provenance", "which data asset left to which third-party AI tool"),
    A_9_2("A.9.2", "Processes for responsible use", "sanctioned vs unsanctioned use, blocked attempts"),
    A_9_3("A.9.3", "Objectives for responsible use", "sanctioned share of AI use"),
    A_9_4("A.9.4", "Intended use", "use outside approvals: sensitive egress and approval drift"),
    A_10_2("A.10.2", "Allocating responsibilities", "owner of each approved tool"),
    A_10_3("A.10.3", "Suppliers", "vendor and risk of the AI tools in use");

    private final String id;
    private final String title;
    private final String evidence;

    EvidenceControl(String id, String title, String evidence) {
        this.id = id;
        this.title = title;
        this.evidence = evidence;
    }

    /** The Annex A number, e.g. {@code A.9.2}: the form alerts and audit records carry. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What Sightline's evidence for the control is. */
    public String evidence() {
        return evidence;
    }

    public static Optional<EvidenceControl> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
