package dev.sightline.classify;

import java.util.List;

/**
 * The findings of one document, ordered by start offset (then end). {@code truncated} says the document was longer
 * than the configured maximum and only its first {@code scannedCodePoints} code points were scanned.
 */
public record ScanResult(List<Finding> findings, boolean truncated, int scannedCodePoints) {

    public ScanResult {
        findings = List.copyOf(findings);
    }
}
