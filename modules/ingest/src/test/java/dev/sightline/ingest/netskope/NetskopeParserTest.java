package dev.sightline.ingest.netskope;

import static dev.sightline.ingest.json.Samples.event;
import static dev.sightline.ingest.json.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.json.Samples;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetskopeParserTest {
    private static final List<String> SAMPLES = Samples.lines("netskope", "transactions.jsonl");
    private static final List<String> BAD = Samples.lines("netskope", "bad.jsonl");
    private final NetskopeParser parser = new NetskopeParser(ParserOptions.defaults());

    @Test
    void consumerPromptIsPersonalWithUploadBytes() {
        AiUsageEvent e = event(parser, SAMPLES.get(0));
        assertThat(e.getEventId()).isEqualTo("netskope:3829104456712345601");
        assertThat(e.getSourceProduct()).isEqualTo("netskope");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-13T08:01:17Z"));
        assertThat(e.getUser()).isEqualTo("helena.brandt@fabrikam-health.example");
        assertThat(e.getHost()).isEqualTo("chatgpt.com");
        assertThat(e.getPort()).isEqualTo(443);
        assertThat(e.getUrlPath()).isEqualTo("/backend-api/conversation");
        assertThat(e.getBytesOut()).isEqualTo(4821L);
        assertThat(e.getBytesIn()).isEqualTo(15230L);
        assertThat(e.getStatus()).isEqualTo(200);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(e.getAccountType()).isEqualTo(AccountType.PERSONAL);
        assertThat(e.getTenant()).isNull();
        assertThat(e.getAppName()).isEqualTo("ChatGPT");
        assertThat(e.getAttributes()).containsEntry("app_tags", "Consumer,Unsanctioned")
                .containsEntry("app_cci", "71").containsEntry("app_category", "Generative AI");
    }

    @Test
    void blockedUploadTakesHostFromSniAndKeepsMissingDownloadUnknown() {
        AiUsageEvent e = event(parser, SAMPLES.get(1));
        assertThat(e.getHost()).isEqualTo("files.oaiusercontent.com");
        assertThat(e.getUrlPath()).isEqualTo("/file-8XyZ");
        assertThat(e.getPort()).isEqualTo(443);
        assertThat(e.getBytesOut()).isEqualTo(2_097_152L);
        assertThat(e.getBytesIn()).isNull();
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.BLOCKED);
        assertThat(e.getActivity()).isEqualTo(Activity.UPLOAD);
    }

    @Test
    void corporateInstanceApiCallWithPortInHostAndDomainUser() {
        NetskopeParser mapped = new NetskopeParser(ParserOptions.defaults()
                .withDomainSuffixes(Map.of("FABRIKAM", "fabrikam-health.example")));
        AiUsageEvent e = event(mapped, SAMPLES.get(2));
        assertThat(e.getHost()).isEqualTo("fabrikam.openai.azure.example");
        assertThat(e.getPort()).isEqualTo(8443);
        assertThat(e.getUrlPath()).isEqualTo("/openai/deployments/gpt4o-prod/chat/completions");
        assertThat(e.getActivity()).isEqualTo(Activity.API_CALL);
        assertThat(e.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(e.getTenant()).isEqualTo("fabrikam-aoai-prod");
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getUser()).isEqualTo("dkowalski@fabrikam-health.example");
        assertThat(e.getBytesOut()).isNull();
    }

    @Test
    void arrayHoldsATunnelWithEpochTimeAndALogin() {
        List<ParseOutcome> outcomes = Samples.parse(parser, SAMPLES.get(3));
        assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof ParseOutcome.Parsed);
        AiUsageEvent tunnel = ((ParseOutcome.Parsed) outcomes.get(0)).event();
        assertThat(tunnel.getActivity()).isEqualTo(Activity.TUNNEL);
        assertThat(tunnel.getEventTime()).isEqualTo(Instant.ofEpochSecond(1749805200));
        assertThat(tunnel.getUser()).isNull();
        assertThat(tunnel.getHost()).isEqualTo("claude.ai");
        assertThat(tunnel.getStatus()).isNull();
        assertThat(tunnel.getBytesOut()).isZero();
        assertThat(tunnel.getProxyAction()).isEqualTo(ProxyAction.UNKNOWN);
        AiUsageEvent login = ((ParseOutcome.Parsed) outcomes.get(1)).event();
        assertThat(login.getActivity()).isEqualTo(Activity.LOGIN);
        assertThat(login.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(login.getTenant()).isEqualTo("fabrikam-health.example");
    }

    @Test
    void keyMappingRenamesFields() {
        NetskopeParser mapped = new NetskopeParser(ParserOptions.defaults().withKeyMapping(Map.of("cs-host", "host")));
        assertThat(event(mapped, "{\"date\":\"2025-06-13\",\"time\":\"08:00:00\",\"host\":\"claude.ai\"}").getHost())
                .isEqualTo("claude.ai");
    }

    @Test
    void badRecordsAreRejectedWithTheFieldNamed() {
        assertThat(rejected(parser, BAD.get(0))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("time");
        });
        assertThat(rejected(parser, BAD.get(1)).reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(rejected(parser, BAD.get(2)).reason()).contains("cs-host");
        assertThat(rejected(parser, BAD.get(3))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.reason()).contains("cs-bytes").doesNotContain("lots");
        });
    }
}
