package dev.sightline.ingest.ecs;

import static dev.sightline.ingest.json.Samples.event;
import static dev.sightline.ingest.json.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.EventIds;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.json.Samples;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsParserTest {
    private static final List<String> SAMPLES = Samples.lines("ecs", "events.jsonl");
    private static final List<String> BAD = Samples.lines("ecs", "bad.jsonl");
    private final EcsParser parser = new EcsParser(ParserOptions.defaults());

    @Test
    void nestedProxyEventPrefersTheRequestBodySize() {
        AiUsageEvent e = event(parser, SAMPLES.get(0));
        assertThat(e.getEventId()).isEqualTo("ecs:Rk2mJ5cBq1");
        assertThat(e.getSourceProduct()).isEqualTo("ecs");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-14T07:45:12.332Z"));
        assertThat(e.getUser()).isEqualTo("tailspin\\jsmith");
        assertThat(e.getClientIp()).isEqualTo("10.8.0.14");
        assertThat(e.getHost()).isEqualTo("chatgpt.com");
        assertThat(e.getPort()).isEqualTo(443);
        assertThat(e.getUrlPath()).isEqualTo("/backend-api/conversation");
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getStatus()).isEqualTo(200);
        assertThat(e.getBytesOut()).isEqualTo(6450L);
        assertThat(e.getBytesIn()).isEqualTo(22911L);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getActivity()).isEqualTo(Activity.OTHER);
        assertThat(e.getAccountType()).isEqualTo(AccountType.UNKNOWN);
        assertThat(e.getUserAgent()).startsWith("Mozilla/5.0");
        assertThat(e.getAttributes()).containsEntry("event_category", "network,web")
                .containsEntry("observer_vendor", "Squid").containsEntry("event_action", "proxy-request");
    }

    @Test
    void dottedKeysAreReadLikeNestedOnes() {
        AiUsageEvent e = event(parser, SAMPLES.get(1));
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.BLOCKED);
        assertThat(e.getUser()).isEqualTo("ana.lima@tailspin-toys.example");
        assertThat(e.getHost()).isEqualTo("claude.ai");
        assertThat(e.getUrlPath()).isEqualTo("/api/upload");
        assertThat(e.getBytesOut()).isEqualTo(3_145_728L);
        assertThat(e.getStatus()).isEqualTo(403);
    }

    @Test
    void genAiFieldsMakeAnApiCallWithModelAndProvider() {
        AiUsageEvent e = event(parser, SAMPLES.get(2));
        assertThat(e.getActivity()).isEqualTo(Activity.API_CALL);
        assertThat(e.getAiModel()).isEqualTo("claude-sonnet-4");
        assertThat(e.getAppName()).isEqualTo("anthropic");
        assertThat(e.getHost()).isEqualTo("api.anthropic.com");
        assertThat(e.getBytesOut()).isEqualTo(1024L);
        assertThat(e.getBytesIn()).isNull();
        assertThat(e.getUser()).isEqualTo("svc-build@tailspin-toys.example");
        assertThat(e.getAttributes()).containsEntry("gen_ai_input_tokens", "812")
                .containsEntry("gen_ai_operation", "chat");
    }

    @Test
    void plainBrowseWithoutIdGetsAContentIdAndThePortFromTheUrl() {
        String line = SAMPLES.get(3);
        AiUsageEvent e = event(parser, line);
        assertThat(e.getActivity()).isEqualTo(Activity.BROWSE);
        assertThat(e.getPort()).isEqualTo(8080);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.UNKNOWN);
        assertThat(e.getBytesOut()).isNull();
        assertThat(e.getEventId()).isEqualTo(EventIds.fromContent("ecs", line.getBytes(StandardCharsets.UTF_8), 0));
    }

    @Test
    void alertsAreSkipped() {
        assertThat(Samples.parse(parser, SAMPLES.get(4))).singleElement()
                .isInstanceOfSatisfying(ParseOutcome.Skipped.class,
                        s -> assertThat(s.rule()).isEqualTo(EcsParser.NOT_AN_EVENT_RULE));
    }

    @Test
    void badRecordsAreRejectedWithTheDottedFieldNamed() {
        assertThat(rejected(parser, BAD.get(0))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("@timestamp");
        });
        assertThat(rejected(parser, BAD.get(1)).reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(rejected(parser, BAD.get(2)).reason()).contains("url.domain");
        assertThat(rejected(parser, BAD.get(3))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.reason()).contains("http.request.body.bytes");
        });
        assertThat(rejected(parser, BAD.get(4)).reason()).contains("url.port");
    }
}
