package dev.sightline.classify;

/** The data classes of the finding taxonomy (ARCHITECTURE.md). */
public enum DataClass {
    PII, PCI, PHI, SECRET, SOURCE_CODE, CLASSIFIED_ASSET
}
