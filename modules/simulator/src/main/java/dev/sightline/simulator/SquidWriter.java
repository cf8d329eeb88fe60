package dev.sightline.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Writes Squid access-log lines in one of the built-in formats ({@code squid} native, {@code squid-common},
 * {@code squid-combined}) or the {@code ext} logformat of the reference squid.conf ({@code squid-ext}), byte for byte as
 * Squid 5 renders them: {@code %[un} doubles a backslash, {@code %6tr} is right-aligned, queries are cut to {@code ?},
 * a CONNECT logs {@code host:443}, and a value Squid does not know is {@code -}.
 */
final class SquidWriter {
    static final String PROXY_IP = "10.0.0.10";
    private static final int PROXY_PORT = 3128;

    enum Flavour { NATIVE, COMMON, COMBINED, EXT }

    private final Flavour flavour;
    private final TimeText time;
    private final StringBuilder sb = new StringBuilder(512);

    SquidWriter(String format, TimeText time) {
        this.flavour = switch (format) {
            case "squid" -> Flavour.NATIVE;
            case "squid-common" -> Flavour.COMMON;
            case "squid-combined" -> Flavour.COMBINED;
            case "squid-ext" -> Flavour.EXT;
            default -> throw new IllegalArgumentException("not a Squid format: " + format);
        };
        this.time = time;
    }

    /** The fields of one line before rendering; absent values are null. */
    private record Line(long millis, int elapsed, String clientIp, String squidStatus, int status,
            Integer upstreamStatus, long bytesIn, long bytesOut, int requestHeaderBytes, int replyHeaderBytes,
            String method, String url, String host, Integer port, String user, String serverIp, String mime,
            String errorCode, String userAgent, String referer, long xid) {
    }

    /** The transaction's own line. */
    byte[] transaction(WebTransaction t, boolean intercepted) {
        String user = t.authChallenge() ? null : t.member().user().proxyName();
        boolean connect = t.tunnel();
        String url = connect ? t.host() + ":443" : "https://" + t.host() + t.pathWithoutQueryValues();
        String method = connect ? "CONNECT" : t.method();
        long bytesOut = t.requestHeaderBytes() + t.requestBodyBytes();
        if (t.authChallenge()) {
            return render(new Line(t.endMillis(), t.elapsedMs(), t.clientIp(), "TCP_DENIED", 407, null,
                    t.responseBytes(), t.requestHeaderBytes(), t.requestHeaderBytes(), 420, method, url, t.host(),
                    443, null, null, "text/html", "ERR_CACHE_ACCESS_DENIED", t.userAgent(), null, t.sequence()));
        }
        if (t.blocked()) {
            // after interception Squid answers the decrypted request itself (NONE_NONE); else it denies the CONNECT
            return render(new Line(t.endMillis(), t.elapsedMs(), t.clientIp(), intercepted ? "NONE_NONE"
                    : "TCP_DENIED", 403, null, t.responseBytes(), t.requestHeaderBytes(), t.requestHeaderBytes(), 350,
                    method, url, t.host(), 443, user, null, "text/html", "ERR_ACCESS_DENIED", t.userAgent(), null,
                    t.sequence()));
        }
        if (connect) {
            return render(new Line(t.endMillis(), t.elapsedMs(), t.clientIp(), "TCP_TUNNEL", 200, null,
                    t.responseBytes(), bytesOut, t.requestHeaderBytes(), 39, method, url, t.host(), 443, user,
                    serverIp(t.host()), null, null, t.userAgent(), null, t.sequence()));
        }
        boolean memoryHit = t.destination().category() == Category.CDN && t.sequence() % 3 == 0;
        String squidStatus = t.status() == 0 ? "TCP_MISS_ABORTED" : t.status() == 304 ? "TCP_REFRESH_UNMODIFIED"
                : memoryHit ? "TCP_MEM_HIT" : "TCP_MISS";
        return render(new Line(t.endMillis(), t.elapsedMs(), t.clientIp(), squidStatus, t.status(),
                memoryHit || t.status() == 0 ? null : t.status(), t.responseBytes(), bytesOut,
                t.requestHeaderBytes(), t.status() == 0 ? 0 : 290, method, url, t.host(), 443, user,
                memoryHit ? null : serverIp(t.host()), t.status() == 0 ? null : t.mimeType(),
                t.status() == 0 ? "ERR_CLIENT_GONE" : null, t.userAgent(), null, t.sequence()));
    }

    /** {@code NONE_NONE/200 0 CONNECT}: the start of an intercepted connection; its requests follow. */
    byte[] tlsPreamble(WebTransaction t) {
        return render(new Line(t.endMillis() - t.elapsedMs(), 0, t.clientIp(), "NONE_NONE", 200, null, 0,
                t.requestHeaderBytes(), t.requestHeaderBytes(), 0, "CONNECT", t.host() + ":443", t.host(), 443,
                t.member().user().proxyName(), null, null, null, t.userAgent(), null, t.sequence()));
    }

    /** {@code TCP_DENIED/200 0 CONNECT}: an intercepted connection whose request will be denied. */
    byte[] deniedPreamble(WebTransaction t) {
        return render(new Line(t.endMillis() - 1, 0, t.clientIp(), "TCP_DENIED", 200, null, 0,
                t.requestHeaderBytes(), t.requestHeaderBytes(), 0, "CONNECT", t.host() + ":443", t.host(), 443,
                t.member().user().proxyName(), null, null, "ERR_ACCESS_DENIED", t.userAgent(), null, t.sequence()));
    }

    /** {@code error:transaction-end-before-headers}: a connection that closed before sending a request. */
    byte[] errorLine(long millis, String clientIp) {
        return render(new Line(millis, 0, clientIp, "NONE_NONE", 0, null, 0, 0, 0, 0, null,
                "error:transaction-end-before-headers", null, null, null, null, null, null, null, null, -1));
    }

    private byte[] render(Line l) {
        sb.setLength(0);
        switch (flavour) {
            case NATIVE -> {
                TimeText.epochSeconds(sb, l.millis).append(' ');
                String elapsed = Integer.toString(l.elapsed);
                for (int i = elapsed.length(); i < 6; i++) {
                    sb.append(' ');
                }
                sb.append(elapsed).append(' ').append(l.clientIp).append(' ').append(l.squidStatus).append('/');
                TimeText.pad(sb, l.status, 3).append(' ').append(l.bytesIn).append(' ');
                dash(l.method).append(' ').append(l.url).append(' ');
                user(l.user).append(' ');
                hierarchy(l).append(' ');
                dash(l.mime);
            }
            case COMMON, COMBINED -> {
                sb.append(l.clientIp).append(" - ");
                user(l.user).append(" [");
                time.clf(sb, l.millis).append("] \"");
                dash(l.method).append(' ').append(l.url).append(l.method == null ? " HTTP/0.0\" " : " HTTP/1.1\" ")
                        .append(l.status).append(' ').append(l.bytesIn).append(' ');
                if (flavour == Flavour.COMBINED) {
                    sb.append('"');
                    dash(l.referer).append("\" \"");
                    dash(l.userAgent).append("\" ");
                }
                sb.append(l.squidStatus).append(':').append(l.serverIp == null ? "HIER_NONE" : "HIER_DIRECT");
            }
            case EXT -> {
                TimeText.epochSeconds(sb, l.millis).append(' ').append(l.elapsed).append(' ').append(l.clientIp)
                        .append(' ').append(l.method == null ? "-" : Long.toString(40_000 + l.xid * 7919 % 25_000))
                        .append(' ').append(PROXY_IP).append(' ').append(PROXY_PORT).append(" ui=- un=");
                user(l.user).append(" ul=");
                user(l.user).append(' ').append(l.squidStatus).append('/');
                TimeText.pad(sb, l.status, 3).append(' ');
                dash(l.upstreamStatus).append(' ');
                dash(l.method).append(' ').append(l.url).append(' ');
                dash(l.host).append(' ');
                dash(l.port).append(" in=").append(l.bytesOut).append(" out=").append(l.bytesIn).append(" inhdr=")
                        .append(l.requestHeaderBytes).append(" outhdr=").append(l.replyHeaderBytes).append(' ');
                hierarchy(l).append(':').append(l.serverIp == null ? "-" : "443").append(' ');
                dash(l.mime).append(" err=");
                dash(l.errorCode).append('/').append(l.errorCode == null ? "-"
                        : l.errorCode.equals("ERR_CLIENT_GONE") ? "WITH_CLIENT" : "-").append(" dt=- xid=");
                (l.xid < 0 ? sb.append('-') : sb.append(l.xid)).append(" \"");
                dash(l.userAgent).append("\" \"");
                dash(l.referer).append('"');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder hierarchy(Line l) {
        return l.serverIp == null ? sb.append("HIER_NONE/-") : sb.append("HIER_DIRECT/").append(l.serverIp);
    }

    /** {@code %[un}: a backslash is written doubled. */
    private StringBuilder user(String user) {
        if (user == null) {
            return sb.append('-');
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            sb.append(c);
            if (c == '\\') {
                sb.append('\\');
            }
        }
        return sb;
    }

    private StringBuilder dash(Object value) {
        return value == null ? sb.append('-') : sb.append(value);
    }

    /** A stable public-looking address per host; organisation hosts resolve to the data-centre range. */
    static String serverIp(String host) {
        int h = host.hashCode();
        return ((h & 1) == 0 ? "104.18." : "172.64.") + ((h >>> 8) & 0xFF) + "." + (1 + ((h >>> 16) & 0x7F));
    }
}
