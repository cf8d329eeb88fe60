package dev.sightline.ingest.m365;

import static dev.sightline.ingest.json.Samples.event;
import static dev.sightline.ingest.json.Samples.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.json.Samples;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class M365AuditParserTest {
    private static final List<String> AUDIT = Samples.lines("m365-audit", "audit.jsonl");
    private static final List<String> BAD = Samples.lines("m365-audit", "bad.jsonl");
    private static final String ORG = "b7e4c2a1-5d3f-4a9e-8c21-0f6e9d2b3a44";
    private final M365AuditParser parser = new M365AuditParser(ParserOptions.defaults());

    @Test
    void copilotInWordBecomesAPromptWithLabelledAssets() {
        AiUsageEvent e = event(parser, AUDIT.get(0));
        assertThat(e.getEventId()).isEqualTo("m365-audit:3f2b7c1e-9a4d-4e8b-b1f0-6c2d8e9a7b10");
        assertThat(e.getSourceProduct()).isEqualTo("m365");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-10T14:22:31Z"));
        assertThat(e.getUser()).isEqualTo("nina.alvarez@contoso-labs.example");
        assertThat(e.getClientIp()).isEqualTo("203.0.113.24");
        assertThat(e.getAppName()).isEqualTo("Word");
        assertThat(e.getAiModel()).isEqualTo("gpt-4o");
        assertThat(e.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(e.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(e.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(e.getTenant()).isEqualTo(ORG);
        assertThat(e.getBytesOut()).isNull();
        assertThat(e.getContent()).isNull();
        assertThat(e.getHost()).isNull();
        assertThat(e.getAssets()).extracting(AccessedAsset::getId).containsExactly(
                "7c1d2e3f-0a9b-48c7-9d6e-5f4a3b2c1d0e",
                "https://contosolabs.sharepoint.example/sites/HR/Payroll-March.xlsx",
                "https://contosolabs.sharepoint.example/sites/Finance/Shared%20Documents/FY26-Budget.docx");
        AccessedAsset budget = e.getAssets().get(0);
        assertThat(budget.getName()).isEqualTo("FY26-Budget.docx");
        assertThat(budget.getType()).isEqualTo("File");
        assertThat(budget.getAction()).isEqualTo("Read");
        assertThat(budget.getUri()).endsWith("/FY26-Budget.docx");
        assertThat(budget.getSensitivityLabelId()).isEqualTo("e3c1a9d2-4b7f-4e21-9a0c-8d5f6b2e1c73");
        assertThat(e.getAssets().get(1).getSensitivityLabelId()).isEqualTo("9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19");
        assertThat(e.getAssets().get(2)).satisfies(context -> {
            assertThat(context.getAction()).isEqualTo("Context");
            assertThat(context.getType()).isEqualTo("docx");
        });
        assertThat(e.getAttributes()).containsEntry("operation", "CopilotInteraction")
                .containsEntry("record_type", "261").containsEntry("thread_id", "19:a81f0d3c2b9e4f7a@thread.v2")
                .containsEntry("plugins", "BingWebSearch").containsEntry("prompt_messages", "1")
                .doesNotContainKeys("jailbreak_detected", "xpia_detected");
    }

    @Test
    void resourceAndContextUrlsLoseTheirQueryAndFragment() {
        String shared = "https://contosolabs.sharepoint.example/sites/Finance/Shared%20Documents/FY26-Budget.docx";
        AiUsageEvent e = event(parser, AUDIT.get(0).replace(shared, shared + "?e=4929587364584538&share=a@b.example#p2"));
        assertThat(e.getAssets()).isNotEmpty().allSatisfy(asset -> {
            assertThat(asset.getId()).doesNotContain("?", "#");
            assertThat(asset.getUri()).satisfiesAnyOf(uri -> assertThat(uri).isNull(),
                    uri -> assertThat(uri).doesNotContain("?", "#"));
        });
        assertThat(e.getAssets()).extracting(AccessedAsset::getUri).contains(shared);
    }

    @Test
    void arrayGivesOneOutcomePerRecordAndSkipsOtherOperations() {
        List<ParseOutcome> outcomes = Samples.parse(parser, AUDIT.get(1));
        assertThat(outcomes).hasSize(2);
        AiUsageEvent e = ((ParseOutcome.Parsed) outcomes.get(0)).event();
        assertThat(e.getAppName()).isEqualTo("bizchat");
        assertThat(e.getSource().getLine()).isZero();
        assertThat(e.getAttributes()).containsEntry("jailbreak_detected", "true")
                .containsEntry("xpia_detected", "true").containsEntry("unidentified_resources", "1")
                .containsEntry("agent_name", "Contract Helper");
        assertThat(e.getAssets()).singleElement().extracting(AccessedAsset::getType).isEqualTo("Site");
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(ParseOutcome.Skipped.class,
                s -> assertThat(s.rule()).isEqualTo(M365AuditParser.NON_AI_OPERATION_RULE));
    }

    @Test
    void connectedAiAppKeepsTenantAndJoinsDistinctModels() {
        AiUsageEvent e = event(parser, AUDIT.get(2));
        assertThat(e.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(e.getTenant()).isEqualTo(ORG);
        assertThat(e.getAiModel()).isEqualTo("gpt-4.1,text-embedding-3-large");
        assertThat(e.getAttributes()).containsEntry("app_identity", "ConnectedAIApp.AzureAI.contoso-support-bot");
    }

    @Test
    void thirdPartyAiAppIsOutsideTheTenant() {
        AiUsageEvent e = event(parser, AUDIT.get(3));
        assertThat(e.getAccountType()).isEqualTo(AccountType.UNKNOWN);
        assertThat(e.getTenant()).isNull();
        assertThat(e.getAppName()).isEqualTo("ChatGPT");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-11T09:12:44Z"));
    }

    @Test
    void exportRowWithAuditDataAsAStringIsUnwrapped() {
        AiUsageEvent e = event(parser, AUDIT.get(4));
        assertThat(e.getEventId()).isEqualTo("m365-audit:73e4f5a6-b7c8-4d9e-8f01-2a3b4c5d6e7f");
        assertThat(e.getUser()).isEqualTo("sam.okafor@contoso-labs.example");
        assertThat(e.getAppName()).isEqualTo("Teams");
        assertThat(e.getAssets()).singleElement().satisfies(meeting -> {
            assertThat(meeting.getType()).isEqualTo("TeamsMeeting");
            assertThat(meeting.getUri()).isNull();
        });
    }

    @Test
    void interactionWithoutAPromptIsOther() {
        assertThat(event(parser, AUDIT.get(5)).getActivity()).isEqualTo(Activity.OTHER);
    }

    @Test
    void badRecordsAreRejectedWithTheFieldNamed() {
        assertThat(rejected(parser, BAD.get(0))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("'Id'");
        });
        assertThat(rejected(parser, BAD.get(1))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
            assertThat(r.reason()).contains("CreationTime").doesNotContain("10/06");
        });
        assertThat(rejected(parser, BAD.get(2))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.reason()).contains("CopilotEventData").doesNotContain("AppHost=Word");
        });
        assertThat(rejected(parser, BAD.get(3))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MALFORMED);
            assertThat(r.reason()).contains("AuditData");
        });
        assertThat(rejected(parser, BAD.get(4)).reason()).contains("Operation");
        assertThat(rejected(parser, BAD.get(5)).reason()).contains("AccessedResources");
    }

    @Test
    void notJsonInvalidUtf8AndOversizeAreRejected() {
        assertThat(rejected(parser, "CreationTime=2025-06-10").reasonCode()).isEqualTo(RejectReason.MALFORMED);
        byte[] latin1 = "{\"UserId\":\"J\u00fcrgen\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(Samples.raw(M365AuditParser.FORMAT, latin1))).singleElement()
                .isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                        r -> assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_ENCODING));
        M365AuditParser small = new M365AuditParser(new ParserOptions(java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of(), java.time.ZoneOffset.UTC, 64));
        assertThat(rejected(small, AUDIT.get(0)).reasonCode()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(rejected(parser, "{\"Id\":\"a\",\"Id\":\"b\"}").reasonCode()).isEqualTo(RejectReason.MALFORMED);
        assertThat(Samples.parse(parser, "[]")).singleElement().isInstanceOf(ParseOutcome.Skipped.class);
    }
}
