package dev.sightline.ingest.zscaler;

import static dev.sightline.ingest.json.Samples.event;
import static dev.sightline.ingest.json.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.EventIds;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.json.Samples;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZscalerParserTest {
    private static final List<String> WEB = Samples.lines("zscaler", "web.jsonl");
    private static final List<String> BAD = Samples.lines("zscaler", "bad.jsonl");
    private final ZscalerParser parser = new ZscalerParser(ParserOptions.defaults());

    @Test
    void promptThroughTheSiemEnvelopeKeepsPromptTenantAndSizes() {
        AiUsageEvent e = event(parser, WEB.get(0));
        assertThat(e.getEventId()).isEqualTo("zscaler:7419823301");
        assertThat(e.getSourceProduct()).isEqualTo("zscaler");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-12T09:14:03Z"));
        assertThat(e.getIngestTime()).isEqualTo(Samples.RECEIVED_AT);
        assertThat(e.getUser()).isEqualTo("dana.whitfield@acme-corp.example");
        assertThat(e.getClientIp()).isEqualTo("10.20.1.44");
        assertThat(e.getHost()).isEqualTo("chatgpt.com");
        assertThat(e.getPort()).isEqualTo(443);
        assertThat(e.getUrlPath()).isEqualTo("/backend-api/conversation");
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getStatus()).isEqualTo(200);
        assertThat(e.getBytesOut()).isEqualTo(1212L);
        assertThat(e.getBytesIn()).isEqualTo(3911L);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(e.getContent()).isEqualTo("Summarise the attached Q3 board notes in five bullets");
        assertThat(e.getTenant()).isEqualTo("org-8f3k2Lq");
        assertThat(e.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(e.getAppName()).isEqualTo("ChatGPT");
        assertThat(e.getFileName()).isNull();
        assertThat(e.getAssets()).isEmpty();
        assertThat(e.getAttributes()).containsEntry("url_category", "General AI/ML Applications")
                .containsEntry("app_status", "Sanctioned").containsEntry("instance_type", "ORG")
                .doesNotContainKey("dlp_engine");
    }

    @Test
    void blockedUploadRecordsTheFileAsAnAsset() {
        AiUsageEvent e = event(parser, WEB.get(1));
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.BLOCKED);
        assertThat(e.getActivity()).isEqualTo(Activity.UPLOAD);
        assertThat(e.getStatus()).isEqualTo(403);
        assertThat(e.getBytesOut()).isEqualTo(1_048_576L);
        assertThat(e.getFileName()).isEqualTo("customer-export-2025.csv");
        assertThat(e.getAssets()).singleElement().satisfies(asset -> {
            assertThat(asset.getId()).isEqualTo("customer-export-2025.csv");
            assertThat(asset.getType()).isEqualTo("Upload");
        });
        assertThat(e.getUrlPath()).isEqualTo("/api/organizations/5d1/upload");
        assertThat(e.getTenant()).isNull();
        assertThat(e.getAccountType()).isEqualTo(AccountType.UNKNOWN);
        assertThat(e.getAttributes()).containsEntry("dlp_dictionaries", "Credit Cards");
    }

    @Test
    void tunnelWithoutSizesKeepsThemUnknownNotZero() {
        AiUsageEvent e = event(parser, WEB.get(2));
        assertThat(e.getActivity()).isEqualTo(Activity.TUNNEL);
        assertThat(e.getHost()).isEqualTo("gemini.google.com");
        assertThat(e.getPort()).isEqualTo(443);
        assertThat(e.getBytesOut()).isNull();
        assertThat(e.getBytesIn()).isNull();
        assertThat(e.getStatus()).isNull();
    }

    @Test
    void apiCallFromAPersonalInstanceWithoutRecordIdGetsAContentId() {
        String line = WEB.get(3);
        AiUsageEvent e = event(parser, line);
        assertThat(e.getActivity()).isEqualTo(Activity.API_CALL);
        assertThat(e.getAccountType()).isEqualTo(AccountType.PERSONAL);
        assertThat(e.getTenant()).isEqualTo("user-Zq81");
        assertThat(e.getEventId()).isEqualTo(
                EventIds.fromContent("zscaler", line.getBytes(StandardCharsets.UTF_8), 0));
        assertThat(event(parser, line).getEventId()).isEqualTo(e.getEventId());
    }

    @Test
    void browseTakesHostFromUrlAndKeepsThePathEncodedWithoutQuery() {
        AiUsageEvent e = event(parser, WEB.get(4));
        assertThat(e.getActivity()).isEqualTo(Activity.BROWSE);
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getHost()).isEqualTo("xn--bcher-kva.example");
        assertThat(e.getPort()).isEqualTo(80);
        assertThat(e.getUrlPath()).isEqualTo("/docs/my%20notes.html");
        assertThat(e.getBytesOut()).isZero();
        assertThat(e.getUser()).isEqualTo("acme\\lee.morgan");
    }

    @Test
    void siteKeyMappingDefaultZoneAndDomainSuffixesApply() {
        ZscalerParser custom = new ZscalerParser(ParserOptions.defaults()
                .withKeyMapping(Map.of("datetime", "time", "user", "login"))
                .withDefaultZone(ZoneId.of("Europe/Berlin"))
                .withDomainSuffixes(Map.of("ACME", "acme-corp.example")));
        AiUsageEvent e = event(custom,
                "{\"time\":\"2025-06-12 11:00:00\",\"login\":\"ACME\\\\Lee\",\"hostname\":\"claude.ai\"}");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-12T09:00:00Z"));
        assertThat(e.getUser()).isEqualTo("lee@acme-corp.example");
    }

    @Test
    void badRecordsAreRejectedNamingTheFieldWithoutItsValue() {
        assertThat(rejected(parser, BAD.get(0)).reasonCode()).isEqualTo(RejectReason.UNSUPPORTED_RECORD);
        assertThat(rejected(parser, BAD.get(1))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
            assertThat(r.reason()).contains("datetime").doesNotContain("12/06/2025");
        });
        assertThat(rejected(parser, BAD.get(2))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("hostname");
        });
        assertThat(rejected(parser, BAD.get(3))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.reason()).contains("requestsize").doesNotContain("-5");
        });
        assertThat(rejected(parser, BAD.get(4)).reason()).contains("status").doesNotContain("abc");
        assertThat(rejected(parser, BAD.get(5)).reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
        assertThat(rejected(parser, BAD.get(6)).reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
    }

    @Test
    void anArrayYieldsOneOutcomePerElementWithItsIndex() {
        String message = "[" + WEB.get(1) + ",42," + WEB.get(2) + "]";
        var outcomes = Samples.parse(parser, message);
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(dev.sightline.ingest.ParseOutcome.Rejected.class,
                r -> assertThat(r.index()).isEqualTo(1));
        assertThat(((dev.sightline.ingest.ParseOutcome.Parsed) outcomes.get(2)).event().getSource().getLine())
                .isEqualTo(2L);
    }
}
