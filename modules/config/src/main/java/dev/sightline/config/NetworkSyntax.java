package dev.sightline.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Syntax checks for hosts, host:port pairs and registry URLs. Nothing here resolves names: config checks stay offline. */
final class NetworkSyntax {

    private static final Pattern HOST_LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");
    private static final Pattern MOCK_SCOPE = Pattern.compile("[a-zA-Z0-9._-]+");
    static final String MOCK_SCHEME = "mock://";

    private NetworkSyntax() {
    }

    /** A host name, an IPv4 address, or an IPv6 address (bare or in brackets). */
    static boolean isHost(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            return isIpv6(text.substring(1, text.length() - 1));
        }
        if (text.contains(":")) {
            return isIpv6(text);
        }
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        if (!Arrays.stream(labels).allMatch(label -> HOST_LABEL.matcher(label).matches())) {
            return false;
        }
        // all-numeric labels are only valid as a dotted IPv4 address
        return !Arrays.stream(labels).allMatch(label -> label.chars().allMatch(Character::isDigit)) || isIpv4(labels);
    }

    /** {@code host:port} with port 1..65535; an IPv6 host must be in brackets. */
    static boolean isHostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        boolean hostOk = host.startsWith("[") ? isHost(host) : !host.contains(":") && isHost(host);
        return hostOk && isPort(port);
    }

    /** {@code mock://<scope>} or an http(s) URL with a host and without user info (credentials have their own keys). */
    static boolean isRegistryUrl(String text) {
        if (text.startsWith(MOCK_SCHEME)) {
            return MOCK_SCOPE.matcher(text.substring(MOCK_SCHEME.length())).matches();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isPort(String text) {
        return DIGITS.matcher(text).matches() && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535;
    }

    private static boolean isIpv4(String[] labels) {
        return labels.length == 4 && Arrays.stream(labels).allMatch(label -> label.length() <= 3 && Integer.parseInt(label) <= 255);
    }

    private static boolean isIpv6(String text) {
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            // a text starting with a hex digit or ':' and containing ':' is parsed as a literal, never looked up
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
