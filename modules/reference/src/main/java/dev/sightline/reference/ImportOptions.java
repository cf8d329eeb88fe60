package dev.sightline.reference;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a file import.
 *
 * @param clock               stamps {@code updatedAt} of every record
 * @param domainSuffixes      Windows domain (NetBIOS, e.g. {@code CORP}) to UPN suffix, as the ingest parsers use it, so
 *                            that {@code CORP\frank} is written {@code frank@corp.example}; empty keeps {@code corp\frank}
 * @param ignoreUnknownFields skip columns/keys no field is known by (exports often carry many) instead of refusing them
 */
public record ImportOptions(Clock clock, Map<String, String> domainSuffixes, boolean ignoreUnknownFields) {
    public ImportOptions {
        Objects.requireNonNull(clock, "clock");
        domainSuffixes = Map.copyOf(domainSuffixes);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Clock.systemUTC(), Map.of(), false);
    }

    public ImportOptions withClock(Clock c) {
        return new ImportOptions(c, domainSuffixes, ignoreUnknownFields);
    }

    public ImportOptions withDomainSuffixes(Map<String, String> suffixes) {
        return new ImportOptions(clock, suffixes, ignoreUnknownFields);
    }

    public ImportOptions ignoringUnknownFields(boolean ignore) {
        return new ImportOptions(clock, domainSuffixes, ignore);
    }
}
