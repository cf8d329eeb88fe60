package dev.sightline.ingest.squid;

import static dev.sightline.ingest.squid.SquidSamples.parseOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SquidParserTest {
    private final SquidParser nativeParser = SquidParser.of(SquidParser.SQUID, ParserOptions.defaults());

    /**
     * ssl-bump as Squid 5 logs it (native format): the CONNECT preamble answered by Squid itself, then each request
     * inside the intercepted connection with its full https URL and own sizes.
     */
    @Test
    void tlsInterceptionPreambleIsSkippedAndItsRequestsAreEvents() {
        List<ParseOutcome> outcomes = parseAll(nativeParser,
                "1795900000.101      0 10.1.2.3 NONE_NONE/200 0 CONNECT chatgpt.com:443 alice HIER_NONE/- -",
                "1795900000.512    398 10.1.2.3 TCP_MISS/200 5120 POST https://chatgpt.com/backend-api/conversation"
                        + " alice HIER_DIRECT/104.18.32.47 text/event-stream",
                "1795900000.900    120 10.1.2.3 TCP_MISS/200 812 GET https://chatgpt.com/backend-api/models?"
                        + " alice HIER_DIRECT/104.18.32.47 application/json",
                // transparent interception: the preamble names the IP the client dialled
                "1795900001.002      0 10.1.2.9 NONE/200 0 CONNECT 104.18.32.47:443 - HIER_NONE/- -",
                // a bumped connection closed before any request
                "1795900001.300      0 10.1.2.3 NONE_NONE/000 0 CONNECT claude.ai:443 alice HIER_NONE/- -");
        assertThat(outcomes.get(0)).isEqualTo(skipped(SquidSkipRule.TLS_PREAMBLE));
        assertThat(outcomes.get(3)).isEqualTo(skipped(SquidSkipRule.TLS_PREAMBLE));
        assertThat(outcomes.get(4)).isEqualTo(skipped(SquidSkipRule.TLS_PREAMBLE));
        AiUsageEvent prompt = event(outcomes.get(1));
        assertThat(prompt.getHost()).isEqualTo("chatgpt.com");
        assertThat(prompt.getPort()).isEqualTo(443);
        assertThat(prompt.getUrlPath()).isEqualTo("/backend-api/conversation");
        assertThat(prompt.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(prompt.getBytesIn()).isEqualTo(5120L);
        assertThat(prompt.getBytesOut()).isNull();
        assertThat(prompt.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        AiUsageEvent models = event(outcomes.get(2));
        assertThat(models.getUrlPath()).isEqualTo("/backend-api/models");
        assertThat(models.getActivity()).isEqualTo(Activity.BROWSE);
    }

    /** A denial after interception: Squid accepts the CONNECT to show its error page inside TLS, then 403s. */
    @Test
    void denialAfterInterceptionIsBlockedTwice() {
        List<ParseOutcome> outcomes = parseAll(nativeParser,
                "1795900010.001      0 10.1.2.3 TCP_DENIED/200 0 CONNECT chat.deepseek.com:443 bob HIER_NONE/- -",
                "1795900010.045      1 10.1.2.3 NONE_NONE/403 3912 GET https://chat.deepseek.com/ bob HIER_NONE/-"
                        + " text/html");
        AiUsageEvent connect = event(outcomes.get(0));
        assertThat(connect.getProxyAction()).isEqualTo(ProxyAction.BLOCKED);
        assertThat(connect.getActivity()).isEqualTo(Activity.TUNNEL);
        assertThat(connect.getStatus()).isEqualTo(200);
        AiUsageEvent request = event(outcomes.get(1));
        assertThat(request.getProxyAction()).isEqualTo(ProxyAction.BLOCKED);
        assertThat(request.getHost()).isEqualTo("chat.deepseek.com");
        assertThat(request.getUrlPath()).isEqualTo("/");
        assertThat(request.getUser()).isEqualTo("bob");
    }

    @Test
    void errorPlaceholdersAndRequestsToTheProxyItselfAreSkipped() {
        assertThat(parseOne(nativeParser, "1795900020.300      0 10.1.2.3 NONE_NONE/000 0 -"
                + " error:transaction-end-before-headers - HIER_NONE/- -")).isEqualTo(skipped(SquidSkipRule.ERROR_LINE));
        assertThat(parseOne(nativeParser, "1795900020.310      0 10.1.2.3 NONE_NONE/400 3375 HELLO"
                + " error:invalid-request - HIER_NONE/- text/html")).isEqualTo(skipped(SquidSkipRule.ERROR_LINE));
        assertThat(parseOne(nativeParser, "1795900020.320      1 10.1.2.3 NONE_NONE/400 3591 GET /squid-internal"
                + " - HIER_NONE/- text/html")).isEqualTo(skipped(SquidSkipRule.NOT_PROXIED));
        assertThat(parseOne(SquidParser.of(SquidParser.SQUID_COMMON, ParserOptions.defaults()),
                "10.1.2.3 - - [27/Nov/2026:18:57:01 +0000] \"- error:transaction-end-before-headers HTTP/0.0\""
                        + " 0 0 NONE_NONE:HIER_NONE")).isEqualTo(skipped(SquidSkipRule.ERROR_LINE));
    }

    @Test
    void dnsFailureOfATunnelIsAnAttemptNotAPreamble() {
        AiUsageEvent e = event(parseOne(nativeParser, "1795805800.317      2 127.0.0.1 NONE_NONE/500 0 CONNECT"
                + " api.unknown-ai.example:443 alice HIER_NONE/- -"));
        assertThat(e.getStatus()).isEqualTo(500);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getActivity()).isEqualTo(Activity.TUNNEL);
    }

    @Test
    void proxyAuthChallengeCarriesAnUnverifiedClaimedUser() {
        AiUsageEvent e = event(parseOne(nativeParser, "1795805800.254      1 127.0.0.1 TCP_DENIED/407 3477 CONNECT"
                + " claude.ai:443 Alice HIER_NONE/- text/html"));
        assertThat(e.getUser()).isEqualTo("alice");
        assertThat(e.getUserVerified()).isFalse();
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.BLOCKED);
    }

    @Test
    void windowsDomainUsersMapToTheConfiguredSuffix() {
        SquidParser parser = SquidParser.of(SquidParser.SQUID,
                ParserOptions.defaults().withDomainSuffixes(Map.of("CORP", "corp.example")));
        AiUsageEvent e = event(parseOne(parser, "1795805794.641      4 127.0.0.1 TCP_MISS/200 376 GET"
                + " http://intranet.corp.example/ CORP\\\\Frank HIER_DIRECT/127.0.0.1 application/json"));
        assertThat(e.getUser()).isEqualTo("frank@corp.example");
        AiUsageEvent unmapped = event(parseOne(nativeParser, "1795805794.641      4 127.0.0.1 TCP_MISS/200 376 GET"
                + " http://intranet.corp.example/ corp\\\\frank HIER_DIRECT/127.0.0.1 application/json"));
        assertThat(unmapped.getUser()).isEqualTo("corp\\frank");
    }

    @Test
    void nativeEventHasEveryNormalizedField() {
        String line = "1795805816.388   1001 127.0.0.1 TCP_MISS_ABORTED/000 0 GET http://Intranet.Corp.Example:8080/slow?"
                + " alice HIER_DIRECT/127.0.0.1 -";
        AiUsageEvent e = event(parseOne(nativeParser, line));
        assertThat(e.getEventTime()).isEqualTo(Instant.ofEpochMilli(1795805816388L));
        assertThat(e.getIngestTime()).isEqualTo(SquidSamples.RECEIVED);
        assertThat(e.getSourceProduct()).isEqualTo("squid");
        assertThat(e.getSource().getFormat()).isEqualTo("squid");
        assertThat(e.getClientIp()).isEqualTo("127.0.0.1");
        assertThat(e.getHost()).isEqualTo("intranet.corp.example");
        assertThat(e.getPort()).isEqualTo(8080);
        assertThat(e.getUrlPath()).isEqualTo("/slow");
        assertThat(e.getStatus()).isNull();
        assertThat(e.getBytesIn()).isZero();
        assertThat(e.getBytesOut()).isNull();
        assertThat(e.getAttributes()).containsEntry(SquidParser.ATTR_SQUID_STATUS, "TCP_MISS_ABORTED")
                .containsEntry(SquidParser.ATTR_HIERARCHY, "HIER_DIRECT").doesNotContainKey(SquidParser.ATTR_MIME_TYPE);
        assertThat(e.getEventId()).isEqualTo(dev.sightline.ingest.EventIds.fromContent("squid",
                line.getBytes(StandardCharsets.UTF_8), 0));
        assertThat(event(parseOne(nativeParser, line + "\r\n")).getEventId()).isEqualTo(e.getEventId());
    }

    @Test
    void customDefinitionWithTlsCodesAndGmtTime() {
        SquidLogFormat format = SquidLogFormat.compile("%>a [%tg] %un \"%rm %ru\" %>Hs %>st %<st"
                + " %ssl::bump_mode %ssl::>sni \"%{Content-Type}>h\"");
        SquidParser parser = new SquidParser("site-squid", format, ParserOptions.defaults());
        AiUsageEvent e = event(parseOne(parser, "10.0.0.8 [27/Nov/2026:18:56:40 +0000] dave \"POST"
                + " https://claude.ai/api/organizations/o1/chat_conversations/c1/completion\" 200 4210 912 bump"
                + " claude.ai \"application/json\""));
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2026-11-27T18:56:40Z"));
        assertThat(e.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(e.getBytesOut()).isEqualTo(4210L);
        assertThat(e.getAttributes()).containsEntry("tls_bump_mode", "bump").containsEntry("tls_sni", "claude.ai");
        AiUsageEvent multipart = event(parseOne(parser, "10.0.0.8 [27/Nov/2026:18:56:41 +0000] dave \"POST"
                + " https://chat.example.ai/c/send\" 200 5210 912 bump chat.example.ai"
                + " \"multipart/form-data; boundary=x\""));
        assertThat(multipart.getActivity()).isEqualTo(Activity.UPLOAD);
    }

    @Test
    void jsonDefinitionParsesIntoTheSameEvent() {
        SquidParser parser = new SquidParser("squid-jsonl", SquidLogFormat.compile(SquidLogFormatTest.JSONL),
                ParserOptions.defaults());
        AiUsageEvent e = event(parseOne(parser, SquidLogFormatTest.jsonLine("bob", "OpenAI/Python 1.54.3")));
        assertThat(e.getUser()).isEqualTo("bob");
        assertThat(e.getHost()).isEqualTo("api.openai.com");
        assertThat(e.getPort()).isEqualTo(80);
        assertThat(e.getActivity()).isEqualTo(Activity.API_CALL);
        assertThat(e.getBytesOut()).isEqualTo(2427L);
        assertThat(e.getBytesIn()).isEqualTo(373L);
        assertThat(e.getUserAgent()).isEqualTo("OpenAI/Python 1.54.3");
        assertThat(e.getEventTime()).isEqualTo(Instant.ofEpochMilli(1795805799814L));
    }

    @Test
    void logformatOptionOverridesTheBuiltInDefinition() {
        SquidParser parser = SquidParser.of(SquidParser.SQUID, ParserOptions.defaults()
                .withLogformat("%ts.%03tu %>a %ru %>st"));
        AiUsageEvent e = event(parseOne(parser, "1795805792.485 10.0.0.1 http://www.example.com/ 512"));
        assertThat(e.getBytesOut()).isEqualTo(512L);
        assertThat(parser.logFormat().definition()).isEqualTo("%ts.%03tu %>a %ru %>st");
    }

    @Test
    void formatsWithoutTimeOrDestinationAndUnknownNamesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SquidParser("x", SquidLogFormat.compile("%>a %ru"),
                ParserOptions.defaults())).withMessageContaining("%ts");
        assertThatIllegalArgumentException().isThrownBy(() -> new SquidParser("x", SquidLogFormat.compile("%ts %>a"),
                ParserOptions.defaults())).withMessageContaining("%ru");
        assertThatIllegalArgumentException().isThrownBy(() -> SquidParser.of("squid-xml", ParserOptions.defaults()))
                .withMessageContaining("squid-xml");
        assertThatIllegalArgumentException().isThrownBy(() -> SquidParser.of(SquidParser.SQUID,
                ParserOptions.defaults().withLogformat("%ts %nope"))).withMessageContaining("%nope");
    }

    @Test
    void badInputIsRejectedWithAReasonNamingTheProblem() {
        String good = "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET http://www.example.com/ alice"
                + " HIER_DIRECT/127.0.0.1 application/json";
        assertRejected(nativeParser, "", RejectReason.MALFORMED, "empty");
        assertRejected(nativeParser, "   \t ", RejectReason.MALFORMED, "empty");
        assertRejected(nativeParser, good.replace("alice", "al\0ce"), RejectReason.BAD_ENCODING, "NUL");
        assertRejected(nativeParser, good.replace("alice", "al\u0007ce"), RejectReason.MALFORMED, "control");
        assertRejected(nativeParser, good.substring(0, 40), RejectReason.MALFORMED, "field");
        assertRejected(nativeParser, good.replace("127.0.0.1 TCP", "localhost TCP"), RejectReason.BAD_VALUE,
                "%>a");
        assertRejected(nativeParser, good.replace("1795805792.485", "99999999999.485"), RejectReason.BAD_TIMESTAMP,
                "time");
        assertRejected(nativeParser, good.replace("1795805792.485", "0.485"), RejectReason.BAD_TIMESTAMP, "window");
        assertRejected(nativeParser, good.replace("/200 370", "/200 99999999999999999999"), RejectReason.BAD_VALUE,
                "%<st");
        assertRejected(nativeParser, good.replace("TCP_MISS/200", "TCP_MISS/042"), RejectReason.BAD_VALUE, "status");
        assertRejected(nativeParser, good.replace("http://www.example.com/", "http:///"), RejectReason.BAD_VALUE,
                "host");
        assertRejected(SquidParser.of(SquidParser.SQUID_COMMON, ParserOptions.defaults()),
                "127.0.0.1 - alice [31/Feb/2026:18:56:32 +0000] \"GET http://www.example.com/ HTTP/1.1\" 200 370"
                        + " TCP_MISS:HIER_DIRECT", RejectReason.BAD_TIMESTAMP, "%tl");

        byte[] invalidUtf8 = good.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[60] = (byte) 0xC3;
        assertThat(nativeParser.parse(SquidSamples.record("squid", "f", 1, invalidUtf8)))
                .singleElement().isEqualTo(ParseOutcome.Rejected.of(RejectReason.BAD_ENCODING,
                        "invalid UTF-8 at byte offset 60"));

        SquidParser small = SquidParser.of(SquidParser.SQUID, new ParserOptions(java.util.Optional.empty(), Map.of(),
                Map.of(), java.time.ZoneOffset.UTC, 64));
        byte[] big = new byte[65];
        Arrays.fill(big, (byte) 'a');
        assertThat(small.parse(SquidSamples.record("squid", "f", 1, big))).singleElement()
                .isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                        r -> assertThat(r.reasonCode()).isEqualTo(RejectReason.TOO_LARGE));
    }

    @Test
    void hostileLinesGetTypedRejections() {
        String good = "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET http://www.example.com/ alice"
                + " HIER_DIRECT/127.0.0.1 application/json";
        String tenMegabytes = good.replace("http://www.example.com/", "http://www.example.com/" + "a".repeat(10 << 20));
        assertThat(nativeParser.parse(SquidSamples.record("squid", "f", 1,
                tenMegabytes.getBytes(StandardCharsets.UTF_8)))).singleElement()
                .isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                        r -> assertThat(r.reasonCode()).isEqualTo(RejectReason.TOO_LARGE));
        for (String time : List.of("-1.000", "-1000000000000000.000", "1000000000000000.000", "9223372036854775807.000",
                "9223372036854775808.000", "-9223372036854775808.000", "18446744073709551616.000")) {
            assertThat(parseOne(nativeParser, good.replace("1795805792.485", time))).as(time)
                    .isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                            r -> assertThat(r.reasonCode()).as(time).isEqualTo(RejectReason.BAD_TIMESTAMP));
        }
        for (String notATime : List.of("1795805792.9999", "1e400", "0x7fffffff.000")) {
            assertThat(parseOne(nativeParser, good.replace("1795805792.485", notATime))).as(notATime)
                    .isInstanceOf(ParseOutcome.Rejected.class);
        }
        SquidParser common = SquidParser.of(SquidParser.SQUID_COMMON, ParserOptions.defaults());
        for (String date : List.of("01/Jan/0001:00:00:00 +0000", "31/Dec/9999:23:59:59 +0000",
                "01/Jan/-999999999:00:00:00 +0000", "27/Nov/2026:18:56:32 +999999")) {
            String line = "127.0.0.1 - alice [" + date + "] \"GET http://www.example.com/ HTTP/1.1\" 200 370"
                    + " TCP_MISS:HIER_DIRECT";
            assertThat(parseOne(common, line)).as(date).isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                    r -> assertThat(r.reasonCode()).isIn(RejectReason.BAD_TIMESTAMP, RejectReason.MALFORMED));
        }
    }

    private static void assertRejected(SquidParser parser, String line, RejectReason code, String mention) {
        assertThat(parseOne(parser, line)).as("%s", line).isInstanceOfSatisfying(ParseOutcome.Rejected.class, r -> {
            assertThat(r.reasonCode()).isEqualTo(code);
            assertThat(r.reason()).contains(mention).doesNotContain("alice").doesNotContain("example.com");
        });
    }

    private static List<ParseOutcome> parseAll(SquidParser parser, String... lines) {
        return Arrays.stream(lines).map(l -> parseOne(parser, l)).toList();
    }

    private static ParseOutcome skipped(SquidSkipRule rule) {
        return new ParseOutcome.Skipped(rule.id(), rule.reason());
    }

    private static AiUsageEvent event(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).event();
    }
}
