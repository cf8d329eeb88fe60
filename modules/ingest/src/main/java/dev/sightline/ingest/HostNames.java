package dev.sightline.ingest;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/** Destination host and path in one form whatever the source: lower-case ASCII (IDNA), no port, no query values. */
public final class HostNames {
    private HostNames() {
    }

    /**
     * Normalizes a host as found in a log: strips a port, brackets of an IPv6 literal, userinfo and a trailing dot, and
     * converts internationalized names to their ASCII (punycode) form. Empty when nothing usable is left.
     */
    public static Optional<String> normalizeHost(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String host = raw.strip();
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close > 0 ? host.substring(1, close) : host.substring(1);
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
                host = host.substring(0, colon);
            }
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.equals("-")) {
            return Optional.empty();
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notIdna) {
            return Optional.empty();
        }
        return Optional.of(host.toLowerCase(Locale.ROOT));
    }

    /** A URL path without query or fragment; {@code /} for an empty path. */
    public static String pathWithoutQuery(String rawPath) {
        String path = rawPath == null ? "" : withoutQuery(rawPath);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * A URL or path cut before its query or fragment. They hold parameters — often what the user typed or shared,
     * sensitive values included — and never the identity of the resource, so no event keeps them.
     */
    public static String withoutQuery(String url) {
        int cut = url.length();
        int q = url.indexOf('?');
        if (q >= 0) {
            cut = q;
        }
        int f = url.indexOf('#');
        if (f >= 0 && f < cut) {
            cut = f;
        }
        return url.substring(0, cut);
    }
}
