package dev.sightline.ingest.squid;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of a request target as Squid logs it in {@code %ru}: an absolute URL ({@code http://host:port/path?}), the
 * {@code host:port} authority of a CONNECT, or the origin form ({@code /path}) of a request that was sent to Squid
 * itself rather than through it.
 *
 * @param scheme    lower-case scheme, empty for an authority or origin form
 * @param authority the raw {@code [userinfo@]host[:port]}, empty for the origin form
 * @param path      the path with its query, null when the target has none (an authority) or is unreadable
 */
record RequestTarget(String scheme, String authority, String path) {

    static RequestTarget parse(String target, boolean connect) {
        if (connect) {
            return new RequestTarget("", target, null);
        }
        int sep = target.indexOf("://");
        if (sep <= 0 || !target.substring(0, sep).chars().allMatch(RequestTarget::isSchemeChar)) {
            // origin form keeps its path; anything else has no usable part
            return new RequestTarget("", "", target.startsWith("/") || target.equals("*") ? target : null);
        }
        int authorityStart = sep + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < target.length() && "/?#".indexOf(target.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        return new RequestTarget(target.substring(0, sep).toLowerCase(Locale.ROOT),
                target.substring(authorityStart, authorityEnd), target.substring(authorityEnd));
    }

    /** {@code /path} or {@code *}: a request addressed to the server it was sent to, i.e. to Squid itself. */
    boolean isOriginForm() {
        return scheme.isEmpty() && authority.isEmpty() && path != null;
    }

    /** The explicit port of the authority, else the scheme's default. */
    OptionalInt port() {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        boolean portPresent = colon >= 0 && (hostPort.startsWith("[") ? hostPort.indexOf(']') < colon
                : hostPort.indexOf(':') == colon);
        if (portPresent) {
            String digits = hostPort.substring(colon + 1);
            if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
                int port = Integer.parseInt(digits);
                return port > 0 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
            }
            return OptionalInt.empty();
        }
        return switch (scheme) {
            case "http", "ws" -> OptionalInt.of(80);
            case "https", "wss" -> OptionalInt.of(443);
            case "ftp" -> OptionalInt.of(21);
            default -> OptionalInt.empty();
        };
    }

    Optional<String> pathOnly() {
        return Optional.ofNullable(path);
    }

    private static boolean isSchemeChar(int c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
    }
}
