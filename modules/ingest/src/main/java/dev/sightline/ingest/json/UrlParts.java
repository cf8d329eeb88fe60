package dev.sightline.ingest.json;

import dev.sightline.ingest.HostNames;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL as proxies log it, with or without a scheme ({@code https://host:8443/p?q} or Zscaler's {@code host/p?q}),
 * split into normalized host, explicit port and path without query. No decoding: the path stays percent-encoded as
 * logged, so that every source yields the same spelling.
 *
 * @param scheme lower-case scheme when written, else empty
 * @param host   normalized host (see {@link HostNames#normalizeHost}), empty when the URL has none
 * @param port   port written in the URL, else empty
 * @param path   path without query or fragment, {@code /} when empty
 */
public record UrlParts(Optional<String> scheme, Optional<String> host, Optional<Integer> port, String path) {

    public static UrlParts parse(String url) {
        String rest = url.strip();
        Optional<String> scheme = Optional.empty();
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd > 0 && rest.substring(0, schemeEnd).chars().allMatch(UrlParts::isSchemeChar)) {
            scheme = Optional.of(rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT));
            rest = rest.substring(schemeEnd + 3);
        } else if (rest.startsWith("/")) {
            return new UrlParts(scheme, Optional.empty(), Optional.empty(), HostNames.pathWithoutQuery(rest));
        }
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String path = authorityEnd < 0 ? "/" : rest.substring(authorityEnd);
        if (path.startsWith("?") || path.startsWith("#")) {
            path = "/";
        }
        return new UrlParts(scheme, HostNames.normalizeHost(authority), explicitPort(authority),
                HostNames.pathWithoutQuery(path));
    }

    /** Port written after the host (IPv6 literals in brackets); empty when absent or not a valid port. */
    public static Optional<Integer> explicitPort(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            colon = close > 0 && close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':' ? close + 1 : -1;
        } else {
            colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                colon = -1; // bare IPv6 literal, no port
            }
        }
        if (colon < 0) {
            return Optional.empty();
        }
        return parsePort(hostPort.substring(colon + 1));
    }

    /** A TCP port 1..65535 written in decimal. */
    public static Optional<Integer> parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    private static boolean isSchemeChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
                || c == '.';
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
