package dev.sightline.ingest.squid;

/**
 * The documented rules by which a well-formed Squid line that is not a user transaction becomes a
 * {@link dev.sightline.ingest.ParseOutcome.Skipped} instead of an event. {@link #id()} is the {@code rule} of the
 * outcome. Rules are tried in declaration order.
 */
public enum SquidSkipRule {
    /**
     * The URL field is an {@code error:...} placeholder ({@code error:invalid-request},
     * {@code error:transaction-end-before-headers}, {@code error:accept-client-connection}, ...): Squid logged a
     * connection on which no request could be read. No destination, no user activity.
     */
    ERROR_LINE("squid-error-line", "no request was read: Squid logged an error placeholder instead of a URL"),
    /**
     * A CONNECT that Squid answered itself with {@code 200} or {@code 000} and no reply bytes, its cache result
     * {@code NONE}/{@code NONE_NONE}/{@code TAG_NONE}: the preamble of a TLS-intercepted (ssl-bump) connection. The
     * requests inside the connection follow as lines of their own with full {@code https://} URLs, so counting the
     * preamble too would double the activity; a preamble with nothing after it is a connection that closed before any
     * request. A CONNECT denied by policy ({@code TCP_DENIED/...}) is never skipped.
     */
    TLS_PREAMBLE("squid-tls-preamble", "CONNECT preamble of an intercepted TLS connection; its requests are logged"
            + " separately"),
    /**
     * A request in origin form ({@code GET /path}) or {@code *}: sent to Squid as if it were the web server (a
     * misdirected client, a health check, the cache manager), not proxied anywhere.
     */
    NOT_PROXIED("squid-not-proxied", "request addressed to the proxy itself, not forwarded to any destination");

    private final String id;
    private final String reason;

    SquidSkipRule(String id, String reason) {
        this.id = id;
        this.reason = reason;
    }

    /** The stable rule name used in {@link dev.sightline.ingest.ParseOutcome.Skipped#rule()} and metrics. */
    public String id() {
        return id;
    }

    /** A human explanation, free of any value from the line. */
    public String reason() {
        return reason;
    }
}
