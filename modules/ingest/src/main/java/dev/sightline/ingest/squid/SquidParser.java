package dev.sightline.ingest.squid;

import static dev.sightline.ingest.squid.SquidCode.*;

import dev.sightline.ingest.EventIds;
import dev.sightline.ingest.HostNames;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.UserNames;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Parses Squid access-log lines of one {@link SquidLogFormat} into {@link AiUsageEvent}s. Stateless and thread safe.
 *
 * <p>A line is first checked as text: more than {@link ParserOptions#maxRecordBytes()} bytes is TOO_LARGE; invalid
 * UTF-8 or a NUL is BAD_ENCODING; an empty line or another control character is MALFORMED (one trailing LF or CRLF is
 * the line end, not content). Then it must match the format (else MALFORMED naming the field and column). Lines that
 * are not transactions are skipped by the {@link SquidSkipRule}s. Every other line becomes one event:
 * <ul>
 *   <li><b>eventTime</b>: {@code %ts} seconds plus {@code %tu} milliseconds (the end of the transaction), else
 *       {@code %tl}/{@code %tg} (whole seconds, with the logged zone; {@link ParserOptions#defaultZone()} if none).
 *       Missing, unreadable, or outside 1995..2200 is BAD_TIMESTAMP.</li>
 *   <li><b>user</b>: the first of {@code %un %ul %ue %us %ui} that is not {@code -}, through {@link UserNames}
 *       (lower-case, {@code corp\\frank} to {@code corp\frank} or to {@code frank@suffix} per
 *       {@link ParserOptions#domainSuffixes()}). <b>userVerified</b> is false on a 407 line: the name there is what the
 *       client claimed, and the proxy did not accept it.</li>
 *   <li><b>clientIp</b>: {@code %>a}; not an IP literal is BAD_VALUE.</li>
 *   <li><b>host</b>: {@code %>rd} when logged, else the authority of {@code %ru} (the URL, or {@code host:port} of a
 *       CONNECT), through {@link HostNames#normalizeHost}. <b>port</b>: {@code %>rP}, else the URL's explicit port,
 *       else the scheme's default. No host is MISSING_FIELD; an unreadable one BAD_VALUE.</li>
 *   <li><b>urlPath</b>: the URL path through {@link HostNames#pathWithoutQuery} (Squid already cuts queries to
 *       {@code ?}); none for a CONNECT, whose path is invisible. <b>method</b>: {@code %rm}, upper-case.</li>
 *   <li><b>status</b>: {@code %>Hs}; {@code 000} (no reply, e.g. a client abort) is null.</li>
 *   <li><b>bytesIn</b>: {@code %<st}, bytes sent to the client, reply headers included. <b>bytesOut</b>:
 *       {@code %>st}, bytes received from the client, request headers included, when the format logs it; otherwise
 *       null, which means unknown: native, common and combined do not record uploads.</li>
 *   <li><b>proxyAction</b>: BLOCKED when the Squid status contains {@code DENIED} ({@code TCP_DENIED/403},
 *       {@code TCP_DENIED/407}, and the {@code TCP_DENIED/200} CONNECT that precedes an error page inside an
 *       intercepted connection), the error code is {@code ERR_ACCESS_DENIED}/{@code ERR_CACHE_ACCESS_DENIED}, the
 *       status is 407, or a 403 was produced by Squid itself ({@code NONE_NONE/403}). A 403 in a format without {@code %Ss}
 *       and {@code %err_code} is UNKNOWN (it may be the origin's). Else ALLOWED: failures such as
 *       {@code TCP_MISS/502} or {@code NONE_NONE/500} (DNS) were let through by policy.</li>
 *   <li><b>activity</b>: {@link SquidActivity}.</li>
 *   <li><b>userAgent</b>: {@code %{User-Agent}>h} when logged.</li>
 *   <li><b>attributes</b> (only what the format logs): {@code squid_status}, {@code hierarchy}, {@code mime_type},
 *       {@code error_code}, {@code error_detail}, {@code elapsed_ms}, {@code upstream_status}, {@code server_ip},
 *       {@code request_header_bytes}, {@code reply_header_bytes}, {@code proxy_port}, {@code transaction_id},
 *       {@code tls_sni}, {@code tls_bump_mode}. Never the user agent's or referer's raw text.</li>
 *   <li><b>eventId</b>: {@link EventIds#fromContent} of the format name and the line bytes without the line end.</li>
 * </ul>
 * A denial after TLS interception thus gives two BLOCKED events: the {@code TCP_DENIED/200} CONNECT (host only; the
 * only trace when the client gives up after the handshake) and the {@code NONE_NONE/403} request with its URL.
 */
public final class SquidParser implements RecordParser {
    public static final String SQUID = "squid";
    public static final String SQUID_COMMON = "squid-common";
    public static final String SQUID_COMBINED = "squid-combined";
    public static final String SQUID_EXT = "squid-ext";
    /** The {@code sourceProduct} of every event. */
    public static final String SOURCE_PRODUCT = "squid";

    static final String ATTR_SQUID_STATUS = "squid_status";
    static final String ATTR_HIERARCHY = "hierarchy";
    static final String ATTR_MIME_TYPE = "mime_type";
    static final String ATTR_ERROR_CODE = "error_code";
    static final String ATTR_ERROR_DETAIL = "error_detail";

    private static final Map<String, SquidLogFormat> BUILT_IN = Map.of(
            SQUID, SquidLogFormat.NATIVE,
            SQUID_COMMON, SquidLogFormat.COMMON,
            SQUID_COMBINED, SquidLogFormat.COMBINED,
            SQUID_EXT, SquidLogFormat.EXT);

    /** Attributes copied as logged: attribute name to the codes that may carry it, first wins. */
    private static final Map<String, SquidCode[]> COPIED_ATTRIBUTES = Map.ofEntries(
            Map.entry(ATTR_SQUID_STATUS, new SquidCode[] {SQUID_STATUS}),
            Map.entry(ATTR_HIERARCHY, new SquidCode[] {HIERARCHY}),
            Map.entry(ATTR_MIME_TYPE, new SquidCode[] {MIME_TYPE}),
            Map.entry(ATTR_ERROR_CODE, new SquidCode[] {ERROR_CODE}),
            Map.entry(ATTR_ERROR_DETAIL, new SquidCode[] {ERROR_DETAIL}),
            Map.entry("elapsed_ms", new SquidCode[] {ELAPSED_MS}),
            Map.entry("upstream_status", new SquidCode[] {UPSTREAM_STATUS}),
            Map.entry("server_ip", new SquidCode[] {SERVER_IP}),
            Map.entry("request_header_bytes", new SquidCode[] {REQUEST_HEADER_BYTES}),
            Map.entry("reply_header_bytes", new SquidCode[] {REPLY_HEADER_BYTES}),
            Map.entry("proxy_port", new SquidCode[] {LOCAL_PORT, CLIENT_LOCAL_PORT}),
            Map.entry("transaction_id", new SquidCode[] {TRANSACTION_ID}),
            Map.entry("tls_sni", new SquidCode[] {TLS_SNI}),
            Map.entry("tls_bump_mode", new SquidCode[] {TLS_BUMP_MODE}));

    private static final SquidCode[] USER_CODES = {USER, USER_LOGIN, USER_EXTERNAL, USER_SSL, USER_IDENT};
    private static final Pattern METHOD_TOKEN = Pattern.compile("[A-Z][A-Z0-9_-]*+");
    private static final Pattern IP_LITERAL = Pattern.compile(
            "\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::\\d{1,3}(?:\\.\\d{1,3}){3})?");
    private static final DateTimeFormatter CLF_WITH_ZONE = DateTimeFormatter
            .ofPattern("d/MMM/uuuu:HH:mm:ss Z", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter CLF_WITHOUT_ZONE = DateTimeFormatter
            .ofPattern("d/MMM/uuuu:HH:mm:ss", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final String formatName;
    private final SquidLogFormat format;
    private final ParserOptions options;

    /**
     * @param formatName the name events and ids carry ({@code squid}, {@code squid-ext}, a site's own name)
     * @throws IllegalArgumentException when the format logs no time ({@code %ts}, {@code %tl}, {@code %tg}) or no
     *                                  destination ({@code %ru}, {@code %>ru}, {@code %>rd}, {@code %rd})
     */
    public SquidParser(String formatName, SquidLogFormat format, ParserOptions options) {
        this.formatName = Objects.requireNonNull(formatName, "formatName");
        this.format = Objects.requireNonNull(format, "format");
        this.options = Objects.requireNonNull(options, "options");
        if (!format.has(TIME_SECONDS) && !format.has(TIME_LOCAL) && !format.has(TIME_GMT)) {
            throw new IllegalArgumentException("logformat has no transaction time: it needs %ts, %tl or %tg");
        }
        if (!format.has(URL) && !format.has(CLIENT_URL) && !format.has(CLIENT_URL_DOMAIN)
                && !format.has(URL_DOMAIN)) {
            throw new IllegalArgumentException("logformat has no destination: it needs %ru or %>rd");
        }
    }

    /**
     * The parser for a Squid format name of ARCHITECTURE.md ({@code squid}, {@code squid-common},
     * {@code squid-combined}, {@code squid-ext}); {@link ParserOptions#logformat()}, when set, replaces the built-in
     * definition.
     *
     * @throws IllegalArgumentException for another name or a definition that does not compile
     */
    public static SquidParser of(String formatName, ParserOptions options) {
        SquidLogFormat builtIn = BUILT_IN.get(formatName);
        if (builtIn == null) {
            throw new IllegalArgumentException("unknown Squid format '" + formatName + "', expected one of "
                    + BUILT_IN.keySet().stream().sorted().toList());
        }
        return new SquidParser(formatName, options.logformat().map(SquidLogFormat::compile).orElse(builtIn), options);
    }

    /** The format names {@link #of} accepts. */
    public static List<String> formatNames() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    @Override
    public String format() {
        return formatName;
    }

    public SquidLogFormat logFormat() {
        return format;
    }

    @Override
    public List<ParseOutcome> parse(RawRecord record) {
        ParseOutcome outcome;
        try {
            outcome = parseLine(record);
        } catch (BadField bad) {
            outcome = ParseOutcome.Rejected.of(bad.reason, bad.getMessage());
        }
        return List.of(outcome);
    }

    private ParseOutcome parseLine(RawRecord record) {
        byte[] bytes = record.value();
        if (bytes.length > options.maxRecordBytes()) {
            throw new BadField(RejectReason.TOO_LARGE,
                    "line of " + bytes.length + " bytes exceeds the limit of " + options.maxRecordBytes());
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        byte[] lineBytes = end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
        String line = checkedText(lineBytes);
        SquidLogFormat.Match match = format.match(line);
        if (match instanceof SquidLogFormat.Match.Mismatch mismatch) {
            return ParseOutcome.Rejected.of(RejectReason.MALFORMED, mismatch.reason());
        }
        SquidFields fields = ((SquidLogFormat.Match.Matched) match).fields();
        return transaction(fields, lineBytes, record);
    }

    private ParseOutcome transaction(SquidFields f, byte[] lineBytes, RawRecord record) {
        String method = f.first(METHOD, CLIENT_METHOD).map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
        Optional<String> url = f.first(URL, CLIENT_URL);
        if (url.filter(u -> u.startsWith("error:")).isPresent()) {
            return skip(SquidSkipRule.ERROR_LINE);
        }
        if (!method.isEmpty() && !METHOD_TOKEN.matcher(method).matches()) {
            throw new BadField(RejectReason.BAD_VALUE, "method (%rm) is not an HTTP method token");
        }
        boolean connect = method.equals("CONNECT");
        String squidStatus = f.get(SQUID_STATUS).orElse("");
        Integer status = status(f);
        OptionalLong bytesIn = number(f, BYTES_TO_CLIENT);
        if (connect && isProxyOwnResult(squidStatus) && (status == null || status == 200)
                && bytesIn.orElse(0) == 0) {
            return skip(SquidSkipRule.TLS_PREAMBLE);
        }
        Optional<RequestTarget> target = url.map(u -> RequestTarget.parse(u, connect));
        if (target.isPresent() && target.get().isOriginForm()) {
            return skip(SquidSkipRule.NOT_PROXIED);
        }

        String host = host(f, target);
        String path = connect ? null : target.flatMap(RequestTarget::pathOnly).or(() -> f.first(URL_PATH,
                CLIENT_URL_PATH)).map(HostNames::pathWithoutQuery).orElse(null);
        OptionalLong bytesOut = format.has(BYTES_FROM_CLIENT) ? number(f, BYTES_FROM_CLIENT) : OptionalLong.empty();
        OptionalLong requestHeaderBytes = number(f, REQUEST_HEADER_BYTES);
        OptionalLong bodyBytes = bytesOut.isPresent() && requestHeaderBytes.isPresent()
                && bytesOut.getAsLong() >= requestHeaderBytes.getAsLong()
                ? OptionalLong.of(bytesOut.getAsLong() - requestHeaderBytes.getAsLong()) : bytesOut;
        String contentType = f.requestHeader("Content-Type").orElse("");
        Optional<String> user = f.first(USER_CODES).flatMap(u -> UserNames.normalize(u, options.domainSuffixes()));

        Map<String, String> attributes = new HashMap<>();
        COPIED_ATTRIBUTES.forEach((name, codes) -> f.first(codes).ifPresent(v -> attributes.put(name, v)));
        OptionalInt port = port(f, target);
        AiUsageEvent event = AiUsageEvent.newBuilder()
                .setEventId(EventIds.fromContent(formatName, lineBytes, 0))
                .setEventTime(eventTime(f))
                .setIngestTime(record.receivedAt())
                .setSource(record.source())
                .setSourceProduct(SOURCE_PRODUCT)
                .setUser(user.orElse(null))
                .setUserVerified(!Objects.equals(status, 407))
                .setClientIp(clientIp(f))
                .setHost(host)
                .setPort(port.isPresent() ? port.getAsInt() : null)
                .setUrlPath(path)
                .setMethod(method.isEmpty() ? null : method)
                .setStatus(status)
                .setBytesIn(bytesIn.isPresent() ? bytesIn.getAsLong() : null)
                .setBytesOut(bytesOut.isPresent() ? bytesOut.getAsLong() : null)
                .setProxyAction(proxyAction(squidStatus, f.get(ERROR_CODE).orElse(""), status))
                .setActivity(SquidActivity.infer(method, host, path == null ? "" : path, bodyBytes, contentType))
                .setUserAgent(f.requestHeader("User-Agent").orElse(null))
                .setAttributes(attributes)
                // Everything else set explicitly: Avro's default resolution needs the trusted-packages property,
                // and a parser must not depend on JVM settings to work.
                .setAccountType(AccountType.UNKNOWN)
                .setTenant(null)
                .setAppName(null)
                .setAiModel(null)
                .setFileName(null)
                .setAssets(List.of())
                .setContent(null)
                .setTool(null)
                .setIdentity(null)
                .setFindings(List.of())
                .setDataClasses(List.of())
                .setContentTruncated(false)
                .build();
        return new ParseOutcome.Parsed(event);
    }

    private static ParseOutcome skip(SquidSkipRule rule) {
        return new ParseOutcome.Skipped(rule.id(), rule.reason());
    }

    /** Strict UTF-8 without NUL or control characters (TAB allowed); the line as text. */
    private static String checkedText(byte[] lineBytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(lineBytes);
        CharBuffer out = CharBuffer.allocate(lineBytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadField(RejectReason.BAD_ENCODING, "invalid UTF-8 at byte offset " + in.position());
        }
        decoder.flush(out);
        String line = out.flip().toString();
        if (line.isBlank()) {
            throw new BadField(RejectReason.MALFORMED, "empty line");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0) {
                throw new BadField(RejectReason.BAD_ENCODING, "NUL character at column " + (i + 1));
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new BadField(RejectReason.MALFORMED, "control character at column " + (i + 1));
            }
        }
        return line;
    }

    /** Squid answered itself: no cache lookup, no forwarding ({@code NONE}, {@code NONE_NONE}, {@code TAG_NONE}). */
    private static boolean isProxyOwnResult(String squidStatus) {
        return squidStatus.equals("NONE") || squidStatus.startsWith("NONE_") || squidStatus.startsWith("TAG_NONE");
    }

    private static ProxyAction proxyAction(String squidStatus, String errorCode, Integer status) {
        if (squidStatus.contains("DENIED") || errorCode.equals("ERR_ACCESS_DENIED")
                || errorCode.equals("ERR_CACHE_ACCESS_DENIED") || Objects.equals(status, 407)
                || (Objects.equals(status, 403) && isProxyOwnResult(squidStatus))) {
            return ProxyAction.BLOCKED;
        }
        if (squidStatus.isEmpty() && errorCode.isEmpty() && Objects.equals(status, 403)) {
            return ProxyAction.UNKNOWN;
        }
        return ProxyAction.ALLOWED;
    }

    private Instant eventTime(SquidFields f) {
        Instant time;
        if (format.has(TIME_SECONDS)) {
            long seconds = f.get(TIME_SECONDS).map(v -> parseLong(v, "time (%ts)", RejectReason.BAD_TIMESTAMP))
                    .orElseThrow(() -> new BadField(RejectReason.BAD_TIMESTAMP, "time (%ts) is missing"));
            long millis = f.get(TIME_MILLIS).map(v -> parseLong(v, "milliseconds (%tu)", RejectReason.BAD_TIMESTAMP))
                    .orElse(0L);
            if (millis > 999 || seconds > LATEST.getEpochSecond()) {
                throw new BadField(RejectReason.BAD_TIMESTAMP, "time (%ts.%tu) out of range");
            }
            time = Instant.ofEpochSecond(seconds, millis * 1_000_000);
        } else {
            String clf = f.first(TIME_LOCAL, TIME_GMT)
                    .orElseThrow(() -> new BadField(RejectReason.BAD_TIMESTAMP, "time (%tl) is missing"));
            try {
                time = clf.indexOf(' ') > 0 ? OffsetDateTime.parse(clf, CLF_WITH_ZONE).toInstant()
                        : CLF_WITHOUT_ZONE.withZone(format.has(TIME_GMT) ? ZoneOffset.UTC
                                : options.defaultZone()).parse(clf, Instant::from);
            } catch (DateTimeParseException e) {
                throw new BadField(RejectReason.BAD_TIMESTAMP, "time (%tl) is not a valid date and time");
            }
        }
        if (time.isBefore(EARLIEST) || !time.isBefore(LATEST)) {
            throw new BadField(RejectReason.BAD_TIMESTAMP, "time outside the accepted window 1995..2200");
        }
        return time;
    }

    private static String host(SquidFields f, Optional<RequestTarget> target) {
        Optional<String> raw = f.first(CLIENT_URL_DOMAIN, URL_DOMAIN).or(() -> target.map(RequestTarget::authority));
        if (raw.isEmpty()) {
            throw new BadField(RejectReason.MISSING_FIELD, "no destination host (%ru or %>rd)");
        }
        return HostNames.normalizeHost(raw.get()).orElseThrow(
                () -> new BadField(RejectReason.BAD_VALUE, "destination host (%ru or %>rd) cannot be read"));
    }

    private static OptionalInt port(SquidFields f, Optional<RequestTarget> target) {
        Optional<String> logged = f.first(CLIENT_URL_PORT, URL_PORT);
        if (logged.isPresent()) {
            long port = parseLong(logged.get(), "port (%>rP)", RejectReason.BAD_VALUE);
            if (port < 1 || port > 65535) {
                throw new BadField(RejectReason.BAD_VALUE, "port (%>rP) out of range");
            }
            return OptionalInt.of((int) port);
        }
        return target.map(RequestTarget::port).orElse(OptionalInt.empty());
    }

    private static Integer status(SquidFields f) {
        Optional<String> logged = f.first(HTTP_STATUS, HTTP_STATUS_LEGACY);
        if (logged.isEmpty()) {
            return null;
        }
        long status = parseLong(logged.get(), "status (%>Hs)", RejectReason.BAD_VALUE);
        if (status == 0) {
            return null;
        }
        if (status < 100 || status > 999) {
            throw new BadField(RejectReason.BAD_VALUE, "status (%>Hs) is not an HTTP status");
        }
        return (int) status;
    }

    private static String clientIp(SquidFields f) {
        Optional<String> ip = f.get(CLIENT_IP);
        if (ip.isPresent() && !IP_LITERAL.matcher(ip.get()).matches()) {
            throw new BadField(RejectReason.BAD_VALUE, "client address (%>a) is not an IP address");
        }
        return ip.orElse(null);
    }

    private static OptionalLong number(SquidFields f, SquidCode code) {
        Optional<String> v = f.get(code);
        return v.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(parseLong(v.get(), "%" + code.text(), RejectReason.BAD_VALUE));
    }

    /** A non-negative decimal number. */
    private static long parseLong(String value, String field, RejectReason reason) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadField(reason, field + " is not a non-negative number in range");
        }
        return Long.parseLong(value);
    }

    /** A field that cannot be read; becomes a Rejected outcome, its message names the field but not its value. */
    private static final class BadField extends RuntimeException {
        private final RejectReason reason;

        BadField(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
