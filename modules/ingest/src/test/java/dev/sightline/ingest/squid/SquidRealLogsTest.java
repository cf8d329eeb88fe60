package dev.sightline.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three real logs describe the same transactions; traffic_ledger.tsv is what each curl call sent and received.
 * Events are joined to ledger rows by time: a transaction belongs to the last curl call that started before Squid
 * began it (end time {@code %ts.%tu} minus elapsed {@code %tr}); calls are sequential, so this is exact.
 */
class SquidRealLogsTest {
    private static final String NATIVE_LOG = "access.log";
    private static final String COMMON_LOG = "access_common.log";
    private static final String EXT_LOG = "access_ext.log";

    private static List<ParseOutcome> nativeOutcomes;
    private static List<ParseOutcome> commonOutcomes;
    private static List<ParseOutcome> extOutcomes;
    private static List<LedgerRow> ledger;

    @BeforeAll
    static void parseAll() {
        SquidSamples.assumePresent();
        ParserOptions opts = ParserOptions.defaults();
        nativeOutcomes = SquidSamples.parseFile(SquidParser.of(SquidParser.SQUID, opts), NATIVE_LOG);
        commonOutcomes = SquidSamples.parseFile(SquidParser.of(SquidParser.SQUID_COMMON, opts), COMMON_LOG);
        extOutcomes = SquidSamples.parseFile(SquidParser.of(SquidParser.SQUID_EXT, opts), EXT_LOG);
        ledger = SquidSamples.lines("traffic_ledger.tsv").stream().skip(1).map(LedgerRow::parse).toList();
    }

    @Test
    void everyLineOfEveryLogIsParsedOrSkippedByARule() {
        for (List<ParseOutcome> outcomes : List.of(nativeOutcomes, commonOutcomes, extOutcomes)) {
            assertThat(outcomes).noneMatch(o -> o instanceof ParseOutcome.Rejected);
            Map<String, Long> skipped = outcomes.stream().filter(o -> o instanceof ParseOutcome.Skipped)
                    .collect(Collectors.groupingBy(o -> ((ParseOutcome.Skipped) o).rule(), Collectors.counting()));
            // the last two lines: a request in origin form and a garbage request line
            assertThat(skipped).containsExactlyInAnyOrderEntriesOf(Map.of(
                    SquidSkipRule.NOT_PROXIED.id(), 1L, SquidSkipRule.ERROR_LINE.id(), 1L));
            assertThat(outcomes).hasSize(nativeOutcomes.size());
        }
    }

    @Test
    void theThreeFormatsAgreeOnEachTransaction() {
        List<AiUsageEvent> nat = events(nativeOutcomes);
        List<AiUsageEvent> common = events(commonOutcomes);
        List<AiUsageEvent> ext = events(extOutcomes);
        assertThat(common).hasSameSizeAs(nat);
        assertThat(ext).hasSameSizeAs(nat);
        for (int i = 0; i < nat.size(); i++) {
            for (AiUsageEvent other : List.of(common.get(i), ext.get(i))) {
                AiUsageEvent n = nat.get(i);
                assertThat(other.getHost()).as("host #%d", i).isEqualTo(n.getHost());
                assertThat(other.getPort()).as("port #%d", i).isEqualTo(n.getPort());
                assertThat(other.getUser()).as("user #%d", i).isEqualTo(n.getUser());
                assertThat(other.getStatus()).as("status #%d", i).isEqualTo(n.getStatus());
                assertThat(other.getMethod()).as("method #%d", i).isEqualTo(n.getMethod());
                assertThat(other.getBytesIn()).as("bytesIn #%d", i).isEqualTo(n.getBytesIn());
                assertThat(other.getProxyAction()).as("action #%d", i).isEqualTo(n.getProxyAction());
                assertThat(other.getUserVerified()).as("verified #%d", i).isEqualTo(n.getUserVerified());
                // common logs whole seconds
                assertThat(other.getEventTime().getEpochSecond()).as("time #%d", i)
                        .isEqualTo(n.getEventTime().getEpochSecond());
            }
            assertThat(ext.get(i).getEventTime()).isEqualTo(nat.get(i).getEventTime());
            assertThat(ext.get(i).getUrlPath()).isEqualTo(nat.get(i).getUrlPath());
            assertThat(ext.get(i).getActivity()).isIn(nat.get(i).getActivity(), Activity.UPLOAD);
        }
    }

    @Test
    void onlyTheExtFormatKnowsUploadSizes() {
        assertThat(events(nativeOutcomes)).allMatch(e -> e.getBytesOut() == null);
        assertThat(events(commonOutcomes)).allMatch(e -> e.getBytesOut() == null);
        assertThat(events(extOutcomes)).allMatch(e -> e.getBytesOut() != null);
    }

    @Test
    void eventsMatchTheLedger() {
        Map<LedgerRow, List<AiUsageEvent>> byRow = joinToLedger(events(extOutcomes));
        long skippedLines = extOutcomes.stream().filter(o -> o instanceof ParseOutcome.Skipped).count();
        assertThat(ledger.stream().filter(r -> r.connectCodes().isEmpty()).count())
                .as("ledger rows that never reached a destination").isEqualTo(skippedLines);
        for (LedgerRow row : ledger) {
            List<AiUsageEvent> events = byRow.getOrDefault(row, List.of());
            assertThat(events).as("events of ledger row %d (%s)", row.seq(), row.note())
                    .hasSize(row.expectedLines());
            long upload = 0;
            long download = 0;
            for (int i = 0; i < events.size(); i++) {
                AiUsageEvent e = events.get(i);
                Integer status = row.expectedStatus(e.getMethod().equals("CONNECT"), i);
                assertThat(e.getStatus()).as("status of row %d", row.seq()).isEqualTo(status);
                assertThat(e.getProxyAction()).as("action of row %d", row.seq()).isEqualTo(
                        status != null && (status == 403 || status == 407) ? ProxyAction.BLOCKED : ProxyAction.ALLOWED);
                assertThat(e.getUserVerified()).isEqualTo(status == null || status != 407);
                assertUser(row, e, status);
                upload += e.getBytesOut() - attr(e, "request_header_bytes");
                download += e.getBytesIn() - attr(e, "reply_header_bytes");
            }
            if (events.isEmpty()) {
                continue;
            }
            if (events.get(0).getMethod().equals("CONNECT")) {
                // TLS records and handshakes add to what curl counted, never take away
                assertThat(upload).as("tunnel upload of row %d", row.seq()).isGreaterThanOrEqualTo(row.upload());
                assertThat(download).as("tunnel download of row %d", row.seq())
                        .isGreaterThanOrEqualTo(row.download());
                assertThat(events).allMatch(e -> e.getActivity() == Activity.TUNNEL && e.getUrlPath() == null);
            } else {
                assertThat(upload).as("upload body of row %d", row.seq()).isEqualTo(row.upload());
                assertThat(download).as("download body of row %d", row.seq()).isEqualTo(row.download());
            }
        }
    }

    @Test
    void activitiesFollowTheRules() {
        Map<LedgerRow, List<AiUsageEvent>> byRow = joinToLedger(events(extOutcomes));
        Map<String, Activity> byNote = new LinkedHashMap<>();
        byRow.forEach((row, events) -> events.forEach(e -> byNote.merge(row.note(), e.getActivity(),
                (a, b) -> a == b ? a : Activity.OTHER)));
        assertThat(byNote).containsEntry("browse", Activity.BROWSE)
                .containsEntry("ai-plainhttp-upload", Activity.UPLOAD)
                .containsEntry("ai-plainhttp-post", Activity.API_CALL)
                .containsEntry("ai-upload-1MB", Activity.TUNNEL)
                .containsEntry("DELETE", Activity.OTHER)
                .containsEntry("PUT", Activity.OTHER);
        List<AiUsageEvent> nativeUpload = events(nativeOutcomes).stream()
                .filter(e -> "POST".equals(e.getMethod()) && e.getUrlPath().endsWith("/upload")).toList();
        assertThat(nativeUpload).singleElement().extracting(AiUsageEvent::getActivity).isEqualTo(Activity.UPLOAD);
    }

    @Test
    void eventIdsAreDistinctAndReproducible() {
        List<AiUsageEvent> ext = events(extOutcomes);
        assertThat(ext.stream().map(AiUsageEvent::getEventId).distinct()).hasSize(ext.size());
        List<AiUsageEvent> again = events(SquidSamples.parseFile(
                SquidParser.of(SquidParser.SQUID_EXT, ParserOptions.defaults()), EXT_LOG));
        assertThat(again.stream().map(AiUsageEvent::getEventId).toList())
                .isEqualTo(ext.stream().map(AiUsageEvent::getEventId).toList());
    }

    /**
     * The ledger names the proxy user it authenticated as (Basic names are lower-cased) or, on the ident port, the OS
     * account. A request denied before authentication (403) logs no user; on a 407 the claimed name is logged. Ident
     * rows whose OS account the ledger leaves as {@code -} ran as the script's own account: only presence is checked.
     */
    private static void assertUser(LedgerRow row, AiUsageEvent e, Integer status) {
        String described = "user of row " + row.seq();
        if (status != null && status == 403) {
            assertThat(e.getUser()).as(described).isNull();
        } else if (!row.proxyUser().equals("-")) {
            assertThat(e.getUser()).as(described).isEqualTo(row.proxyUser().toLowerCase(Locale.ROOT));
        } else if (!row.osUser().equals("-")) {
            assertThat(e.getUser()).as(described).isEqualTo(row.osUser());
        } else if (row.port() == 3129) {
            assertThat(e.getUser()).as(described).isNotNull();
        } else {
            assertThat(e.getUser()).as(described).isNull();
        }
    }

    private static Map<LedgerRow, List<AiUsageEvent>> joinToLedger(List<AiUsageEvent> events) {
        Map<LedgerRow, List<AiUsageEvent>> byRow = new LinkedHashMap<>();
        for (AiUsageEvent e : events) {
            long startMillis = e.getEventTime().toEpochMilli() - attr(e, "elapsed_ms");
            LedgerRow row = null;
            for (LedgerRow candidate : ledger) {
                if (candidate.startMillis() <= startMillis) {
                    row = candidate;
                }
            }
            assertThat(row).as("ledger row for event at %s", e.getEventTime()).isNotNull();
            byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(e);
        }
        return byRow;
    }

    private static long attr(AiUsageEvent e, String name) {
        return Long.parseLong(e.getAttributes().get(name));
    }

    private static List<AiUsageEvent> events(List<ParseOutcome> outcomes) {
        return outcomes.stream().filter(o -> o instanceof ParseOutcome.Parsed)
                .map(o -> ((ParseOutcome.Parsed) o).event()).toList();
    }

    /** One curl call; the code columns hold one code per request ({@code 000} = none), comma-separated. */
    record LedgerRow(int seq, long startMillis, String osUser, int port, String proxyUser, String note,
            List<String> httpCodes, List<String> connectCodes, long upload, long download) {

        static LedgerRow parse(String tsv) {
            String[] c = tsv.split("\t", -1);
            return new LedgerRow(Integer.parseInt(c[0]), new BigDecimal(c[1]).movePointRight(3).longValueExact(),
                    c[2], Integer.parseInt(c[3]), c[4], c[5], codes(c[7]), codes(c[8]),
                    c[9].isEmpty() ? 0 : Long.parseLong(c[9]), c[10].isEmpty() ? 0 : Long.parseLong(c[10]));
        }

        /** A call through a tunnel is one CONNECT line however many requests it made; else one line per request. */
        int expectedLines() {
            if (connectCodes.isEmpty()) {
                return 0;
            }
            return connectCodes.get(0).equals("000") ? httpCodes.size() : 1;
        }

        Integer expectedStatus(boolean connect, int index) {
            String code = connect ? connectCodes.get(0) : httpCodes.get(index);
            return code.equals("000") ? null : Integer.valueOf(code);
        }

        private static List<String> codes(String column) {
            return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
        }
    }
}
