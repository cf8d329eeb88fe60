package dev.sightline.ingest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Site settings every parser may need.
 *
 * @param logformat      for Squid: a squid.conf {@code logformat} definition (the part after the name) overriding the
 *                       format's built-in one
 * @param domainSuffixes user-name mapping: Windows domain (upper-case NetBIOS name, e.g. {@code CORP}) to the UPN suffix
 *                       (e.g. {@code corp.example}), so that {@code CORP&#92;frank} and {@code frank@corp.example} are one user
 * @param keyMapping     for JSON feeds whose key names the admin chooses (Zscaler NSS, Netskope): our field name to the
 *                       feed's key; absent entries use the common template
 * @param defaultZone    time zone for sources whose timestamps carry none (Zscaler NSS {@code datetime})
 * @param maxRecordBytes records larger than this are rejected as TOO_LARGE
 */
public record ParserOptions(
        Optional<String> logformat,
        Map<String, String> domainSuffixes,
        Map<String, String> keyMapping,
        ZoneId defaultZone,
        int maxRecordBytes) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    public ParserOptions {
        Objects.requireNonNull(logformat, "logformat");
        domainSuffixes = Map.copyOf(domainSuffixes);
        keyMapping = Map.copyOf(keyMapping);
        Objects.requireNonNull(defaultZone, "defaultZone");
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, got " + maxRecordBytes);
        }
    }

    public static ParserOptions defaults() {
        return new ParserOptions(Optional.empty(), Map.of(), Map.of(), ZoneOffset.UTC, DEFAULT_MAX_RECORD_BYTES);
    }

    public ParserOptions withLogformat(String definition) {
        return new ParserOptions(Optional.of(definition), domainSuffixes, keyMapping, defaultZone, maxRecordBytes);
    }

    public ParserOptions withDomainSuffixes(Map<String, String> suffixes) {
        return new ParserOptions(logformat, suffixes, keyMapping, defaultZone, maxRecordBytes);
    }

    public ParserOptions withKeyMapping(Map<String, String> mapping) {
        return new ParserOptions(logformat, domainSuffixes, mapping, defaultZone, maxRecordBytes);
    }

    public ParserOptions withDefaultZone(ZoneId zone) {
        return new ParserOptions(logformat, domainSuffixes, keyMapping, zone, maxRecordBytes);
    }
}
