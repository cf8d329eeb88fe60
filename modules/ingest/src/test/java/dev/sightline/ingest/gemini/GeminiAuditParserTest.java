package dev.sightline.ingest.gemini;

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

class GeminiAuditParserTest {
    private static final List<String> SAMPLES = Samples.lines("gemini-audit", "activities.jsonl");
    private static final List<String> BAD = Samples.lines("gemini-audit", "bad.jsonl");
    private final GeminiAuditParser parser = new GeminiAuditParser(ParserOptions.defaults());

    @Test
    void geminiInDocsIsACorporatePrompt() {
        AiUsageEvent e = event(parser, SAMPLES.get(0));
        assertThat(e.getEventId()).isEqualTo("gemini-audit:2025-06-15T13:02:11.418Z/-4418203958812734590");
        assertThat(e.getSourceProduct()).isEqualTo("gemini-workspace");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-15T13:02:11.418Z"));
        assertThat(e.getUser()).isEqualTo("maya.chen@woodgrove-ed.example");
        assertThat(e.getClientIp()).isEqualTo("192.0.2.33");
        assertThat(e.getAppName()).isEqualTo("docs");
        assertThat(e.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(e.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(e.getTenant()).isEqualTo("C03az79cb");
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getContent()).isNull();
        assertThat(e.getAttributes()).containsEntry("action", "generate_text")
                .containsEntry("event_category", "active").containsEntry("feature_source", "side_panel")
                .containsEntry("application", "gemini_in_workspace_apps");
    }

    @Test
    void listPageGivesOneOutcomePerActivityIncludingOauthGrants() {
        List<ParseOutcome> outcomes = Samples.parse(parser, SAMPLES.get(1));
        assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof ParseOutcome.Parsed);
        AiUsageEvent proactive = ((ParseOutcome.Parsed) outcomes.get(0)).event();
        assertThat(proactive.getActivity()).isEqualTo(Activity.OTHER);
        assertThat(proactive.getSource().getLine()).isZero();
        AiUsageEvent grant = ((ParseOutcome.Parsed) outcomes.get(1)).event();
        assertThat(grant.getActivity()).isEqualTo(Activity.LOGIN);
        assertThat(grant.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(grant.getAppName()).isEqualTo("NoteGenie AI");
        assertThat(grant.getTenant()).isNull();
        assertThat(grant.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(grant.getAttributes()).containsEntry("application", "token")
                .containsEntry("event_name", "authorize").containsEntry("client_type", "WEB")
                .containsEntry("scopes", "https://www.googleapis.com/auth/drive.readonly,openid");
    }

    @Test
    void revokeIsOther() {
        AiUsageEvent e = event(parser, SAMPLES.get(2));
        assertThat(e.getActivity()).isEqualTo(Activity.OTHER);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.UNKNOWN);
    }

    @Test
    void activityWithoutQualifierOrUserEmailGetsAContentId() {
        String line = SAMPLES.get(3);
        AiUsageEvent e = event(parser, line);
        assertThat(e.getEventId())
                .isEqualTo(EventIds.fromContent("gemini-audit", line.getBytes(StandardCharsets.UTF_8), 0));
        assertThat(e.getUser()).isNull();
        assertThat(e.getAppName()).isEqualTo("meet");
        assertThat(e.getAttributes()).containsEntry("event_category", "3");
    }

    @Test
    void badActivitiesAreRejectedWithTheFieldNamed() {
        assertThat(rejected(parser, BAD.get(0)).reasonCode()).isEqualTo(RejectReason.UNSUPPORTED_RECORD);
        assertThat(rejected(parser, BAD.get(1))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
            assertThat(r.reason()).contains("id.time");
        });
        assertThat(rejected(parser, BAD.get(2))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("events");
        });
        assertThat(rejected(parser, BAD.get(3))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.reason()).contains("parameters");
        });
        assertThat(rejected(parser, BAD.get(4)).reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
    }
}
