package dev.sightline.catalog;

import java.net.IDN;
import java.util.Locale;

/**
 * Turns what proxies and people write — {@code Chat.OpenAI.com.}, {@code https://user@api.openai.com:443/v1/x?q},
 * {@code [2001:db8::1]:8080}, {@code bücher.example} — into a lower-case ASCII host (IDNA) and a path without query.
 * IPv6 literals come out without brackets.
 */
public final class HostNormalizer {
    static final int MAX_HOST_LENGTH = 253;

    /** The outcome of normalizing one input. */
    public sealed interface Normalized permits Target, Rejected {
    }

    /** A usable host (never empty) and path (starts with {@code /}, no query or fragment). */
    public record Target(String host, String path) implements Normalized {
    }

    /** Input that names no host; the reason never repeats the input. */
    public record Rejected(String reason) implements Normalized {
    }

    private HostNormalizer() {
    }

    /** Whether {@code s} already is a normalized DNS host name, so that matching can skip normalization. */
    static boolean isPlainHost(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_HOST_LENGTH || s.charAt(0) == '.' || s.charAt(n - 1) == '.') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' && previous != '.';
            if (!ok) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    public static Normalized normalize(String input) {
        if (input == null) {
            return new Rejected("no host");
        }
        String s = input.strip();
        String rest = stripScheme(s);
        int end = authorityEnd(rest);
        String authority = rest.substring(0, end);
        String path = pathOf(rest, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            return bracketedIpv6(authority, path);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
            return ipv6(authority, path);
        }
        String host = authority;
        if (colon >= 0) {
            if (!validPort(authority.substring(colon + 1))) {
                return new Rejected("port is not a number from 0 to 65535");
            }
            host = authority.substring(0, colon);
        }
        return dnsName(host, path);
    }

    private static String stripScheme(String s) {
        int sep = s.indexOf("://");
        if (sep > 0) {
            for (int i = 0; i < sep; i++) {
                char c = s.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '+' || c == '-' || c == '.')) {
                    return s;
                }
            }
            return s.substring(sep + 3);
        }
        return s.startsWith("//") ? s.substring(2) : s;
    }

    private static int authorityEnd(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                return i;
            }
        }
        return rest.length();
    }

    private static String pathOf(String rest, int end) {
        if (end >= rest.length() || rest.charAt(end) != '/' && rest.charAt(end) != '\\') {
            return "/";
        }
        int cut = rest.length();
        for (int i = end; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '?' || c == '#') {
                cut = i;
                break;
            }
        }
        return rest.substring(end, cut).replace('\\', '/');
    }

    private static boolean validPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(port) <= 65535;
    }

    private static Normalized bracketedIpv6(String authority, String path) {
        int close = authority.indexOf(']');
        if (close < 0) {
            return new Rejected("unterminated IPv6 literal");
        }
        String after = authority.substring(close + 1);
        if (!after.isEmpty() && !(after.charAt(0) == ':' && validPort(after.substring(1)))) {
            return new Rejected("port is not a number from 0 to 65535");
        }
        return ipv6(authority.substring(1, close), path);
    }

    private static Normalized ipv6(String literal, String path) {
        int zone = literal.indexOf('%');
        String address = zone >= 0 ? literal.substring(0, zone) : literal;
        if (address.length() < 2 || address.length() > 45) {
            return new Rejected("not an IPv6 address");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = Character.toLowerCase(address.charAt(i));
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':' || c == '.')) {
                return new Rejected("not an IPv6 address");
            }
        }
        return new Target(address.toLowerCase(Locale.ROOT), path);
    }

    private static Normalized dnsName(String raw, String path) {
        String host = raw;
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return new Rejected("no host");
        }
        if (!host.chars().allMatch(c -> c < 0x80)) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return new Rejected("not a valid internationalized domain name");
            }
            while (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        return isPlainHost(host) ? new Target(host, path) : new Rejected("not a valid host name");
    }
}
