package dev.sightline.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link ContentScanner} is set up.
 *
 * @param hmacKey        key of the HMAC-SHA256 that hashes each finding's value (never printed)
 * @param maxBytes       UTF-8 bytes of a document that are scanned; the rest is skipped and the result says so
 * @param codeNamespaces the organisation's internal package namespaces, e.g. {@code com.acme.}; matched without case
 * @param codeNotices    the organisation's copyright or confidentiality notices, e.g. {@code Copyright Acme Corp}
 */
public record ScannerConfig(byte[] hmacKey, int maxBytes, List<String> codeNamespaces, List<String> codeNotices) {

    public static final int DEFAULT_MAX_BYTES = 1 << 20;
    /** Longest marker accepted: markers are prefilter anchors, kept short so the automaton stays small. */
    public static final int MAX_MARKER_LENGTH = 64;

    public ScannerConfig {
        Objects.requireNonNull(hmacKey, "hmacKey");
        if (hmacKey.length < 16) {
            throw new IllegalArgumentException("hmacKey must have at least 16 bytes, got " + hmacKey.length);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        hmacKey = hmacKey.clone();
        codeNamespaces = checkedMarkers(codeNamespaces, "codeNamespaces");
        codeNotices = checkedMarkers(codeNotices, "codeNotices");
    }

    /** A config with no organisation markers and the default size limit. */
    public static ScannerConfig of(byte[] hmacKey) {
        return new ScannerConfig(hmacKey, DEFAULT_MAX_BYTES, List.of(), List.of());
    }

    public ScannerConfig withMaxBytes(int newMaxBytes) {
        return new ScannerConfig(hmacKey, newMaxBytes, codeNamespaces, codeNotices);
    }

    public ScannerConfig withOrgMarkers(List<String> namespaces, List<String> notices) {
        return new ScannerConfig(hmacKey, maxBytes, namespaces, notices);
    }

    @Override
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScannerConfig c && Arrays.equals(hmacKey, c.hmacKey) && maxBytes == c.maxBytes
                && codeNamespaces.equals(c.codeNamespaces) && codeNotices.equals(c.codeNotices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hmacKey), maxBytes, codeNamespaces, codeNotices);
    }

    /** The key is a secret: it is never part of the text form. */
    @Override
    public String toString() {
        return "ScannerConfig[hmacKey=<" + hmacKey.length + " bytes>, maxBytes=" + maxBytes
                + ", codeNamespaces=" + codeNamespaces + ", codeNotices=" + codeNotices + "]";
    }

    private static List<String> checkedMarkers(List<String> markers, String what) {
        Objects.requireNonNull(markers, what);
        for (String m : markers) {
            if (m == null || m.isBlank() || m.length() > MAX_MARKER_LENGTH) {
                throw new IllegalArgumentException(what + " entries must be 1.." + MAX_MARKER_LENGTH + " characters, not blank");
            }
            for (int i = 0; i < m.length(); i++) {
                if (m.charAt(i) >= 128) {
                    throw new IllegalArgumentException(what + " entries must be ASCII: " + m);
                }
            }
        }
        return markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }
}
