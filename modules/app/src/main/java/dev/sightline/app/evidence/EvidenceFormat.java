package dev.sightline.app.evidence;

/** How one control's evidence is rendered as a single document ({@link EvidenceWriter#control}). */
public enum EvidenceFormat {
    JSON("application/json"),
    /** Sections one after another, each with its own header: see {@link EvidenceWriter#control}. */
    CSV("text/csv; charset=utf-8");

    private final String mediaType;

    EvidenceFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The HTTP Content-Type of the rendering (UTF-8 in both cases). */
    public String mediaType() {
        return mediaType;
    }
}
