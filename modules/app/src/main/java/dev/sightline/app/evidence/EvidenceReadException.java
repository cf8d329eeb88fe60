package dev.sightline.app.evidence;

/** An evidence topic could not be read completely; the message names the topic and what is missing. */
public final class EvidenceReadException extends RuntimeException {
    public EvidenceReadException(String message) {
        super(message);
    }

    public EvidenceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
