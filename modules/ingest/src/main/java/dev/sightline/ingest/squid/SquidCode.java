package dev.sightline.ingest.squid;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Squid {@code logformat} codes this module reads (squid.conf {@code logformat}, Squid 4 to 6), each with the
 * shape of the value Squid writes for it. Codes Sightline has no use for but that occur in real definitions are listed
 * too, so that such definitions compile; their values are captured and ignored.
 */
public enum SquidCode {
    CLIENT_IP(">a", Shape.ADDRESS),
    CLIENT_FQDN(">A", Shape.ADDRESS),
    CLIENT_PORT(">p", Shape.NUMBER),
    LOCAL_IP("la", Shape.ADDRESS),
    LOCAL_PORT("lp", Shape.NUMBER),
    CLIENT_LOCAL_IP(">la", Shape.ADDRESS),
    CLIENT_LOCAL_PORT(">lp", Shape.NUMBER),
    SERVER_IP("<a", Shape.ADDRESS),
    SERVER_FQDN("<A", Shape.ADDRESS),
    SERVER_PORT("<p", Shape.NUMBER),
    SERVER_LOCAL_IP("<la", Shape.ADDRESS),
    SERVER_LOCAL_PORT("<lp", Shape.NUMBER),
    /** End of the transaction, whole seconds since the epoch. */
    TIME_SECONDS("ts", Shape.NUMBER),
    /** Millisecond part of {@link #TIME_SECONDS}. */
    TIME_MILLIS("tu", Shape.NUMBER),
    /** End of the transaction as local time with zone, {@code dd/MMM/yyyy:HH:mm:ss +zzzz}. */
    TIME_LOCAL("tl", Shape.CLF_TIME),
    /** As {@link #TIME_LOCAL} but in GMT. */
    TIME_GMT("tg", Shape.CLF_TIME),
    ELAPSED_MS("tr", Shape.NUMBER),
    DNS_MS("dt", Shape.NUMBER),
    PEER_RESPONSE_MS("<pt", Shape.NUMBER),
    PEER_TOTAL_MS("<tt", Shape.NUMBER),
    USER("un", Shape.TOKEN),
    USER_LOGIN("ul", Shape.TOKEN),
    USER_IDENT("ui", Shape.TOKEN),
    USER_EXTERNAL("ue", Shape.TOKEN),
    USER_SSL("us", Shape.TOKEN),
    SQUID_STATUS("Ss", Shape.TOKEN),
    HIERARCHY("Sh", Shape.TOKEN),
    HTTP_STATUS(">Hs", Shape.NUMBER),
    /** Pre-3.2 spelling of {@link #HTTP_STATUS}. */
    HTTP_STATUS_LEGACY("Hs", Shape.NUMBER),
    UPSTREAM_STATUS("<Hs", Shape.NUMBER),
    METHOD("rm", Shape.TOKEN),
    CLIENT_METHOD(">rm", Shape.TOKEN),
    SERVER_METHOD("<rm", Shape.TOKEN),
    URL("ru", Shape.TOKEN),
    CLIENT_URL(">ru", Shape.TOKEN),
    SERVER_URL("<ru", Shape.TOKEN),
    URL_SCHEME("rs", Shape.TOKEN),
    CLIENT_URL_SCHEME(">rs", Shape.TOKEN),
    SERVER_URL_SCHEME("<rs", Shape.TOKEN),
    URL_DOMAIN("rd", Shape.TOKEN),
    CLIENT_URL_DOMAIN(">rd", Shape.TOKEN),
    SERVER_URL_DOMAIN("<rd", Shape.TOKEN),
    URL_PORT("rP", Shape.NUMBER),
    CLIENT_URL_PORT(">rP", Shape.NUMBER),
    SERVER_URL_PORT("<rP", Shape.NUMBER),
    URL_PATH("rp", Shape.TOKEN),
    CLIENT_URL_PATH(">rp", Shape.TOKEN),
    SERVER_URL_PATH("<rp", Shape.TOKEN),
    PROTOCOL_VERSION("rv", Shape.TOKEN),
    CLIENT_PROTOCOL_VERSION(">rv", Shape.TOKEN),
    SERVER_PROTOCOL_VERSION("<rv", Shape.TOKEN),
    /** Bytes received from the client, headers included. */
    BYTES_FROM_CLIENT(">st", Shape.NUMBER),
    /** Bytes sent to the client, headers included. */
    BYTES_TO_CLIENT("<st", Shape.NUMBER),
    BYTES_TOTAL("st", Shape.NUMBER),
    REQUEST_HEADER_BYTES(">sh", Shape.NUMBER),
    REPLY_HEADER_BYTES("<sh", Shape.NUMBER),
    SERVER_BODY_BYTES("<bs", Shape.NUMBER),
    MIME_TYPE("mt", Shape.TOKEN),
    ERROR_CODE("err_code", Shape.TOKEN),
    ERROR_DETAIL("err_detail", Shape.TOKEN),
    TRANSACTION_ID("master_xaction", Shape.NUMBER),
    SEQUENCE_NUMBER("sn", Shape.NUMBER),
    BUSY_TIME("busy_time", Shape.NUMBER),
    /** A request header ({@code %{Name}>h}); without a name, all request headers. */
    REQUEST_HEADER(">h", Shape.TEXT, true),
    /** A reply header ({@code %{Name}<h}); without a name, all reply headers. */
    REPLY_HEADER("<h", Shape.TEXT, true),
    ADAPTED_REQUEST_HEADER(">ha", Shape.TEXT, true),
    ANNOTATION("note", Shape.TEXT, true),
    EXTERNAL_ACL_ANNOTATION("ea", Shape.TEXT),
    TLS_SNI("ssl::>sni", Shape.TOKEN),
    TLS_BUMP_MODE("ssl::bump_mode", Shape.TOKEN),
    TLS_CLIENT_CERT_SUBJECT("ssl::>cert_subject", Shape.TEXT),
    TLS_SERVER_CERT_SUBJECT("ssl::<cert_subject", Shape.TEXT);

    /**
     * How a value looks in the log, before quoting: decides what the compiled matcher accepts.
     */
    public enum Shape {
        /** Digits, or {@code -} when unknown. */
        NUMBER,
        /** No spaces; ends at the first occurrence of the literal text that follows. */
        TOKEN,
        /** An address or host name: as {@link #TOKEN} but ends at the last occurrence ({@code %<a:%<p} with IPv6). */
        ADDRESS,
        /** Any text, spaces included (header values): ends where the next literal of the definition begins. */
        TEXT,
        /** Common Log Format time with zone: {@code 27/Nov/2026:18:56:32 +0000}. */
        CLF_TIME
    }

    /** Codes by descending name length: the longest name wins when a definition is read ({@code >ha} over {@code >h}). */
    static final List<SquidCode> LONGEST_FIRST = Arrays.stream(values())
            .sorted(Comparator.comparingInt((SquidCode c) -> c.text.length()).reversed())
            .toList();

    private final String text;
    private final Shape shape;
    private final boolean takesArgument;

    SquidCode(String text, Shape shape) {
        this(text, shape, false);
    }

    SquidCode(String text, Shape shape, boolean takesArgument) {
        this.text = text;
        this.shape = shape;
        this.takesArgument = takesArgument;
    }

    /** The code as written after {@code %} and its modifiers, e.g. {@code >Hs}. */
    public String text() {
        return text;
    }

    public Shape shape() {
        return shape;
    }

    /** Whether a {@code {argument}} may follow the code (header names, annotation keys). */
    public boolean takesArgument() {
        return takesArgument;
    }
}
