package dev.sightline.ingest.chatgpt;

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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatGptComplianceParserTest {
    private static final List<String> SAMPLES = Samples.lines("chatgpt-compliance", "conversations.jsonl");
    private static final List<String> BAD = Samples.lines("chatgpt-compliance", "bad.jsonl");
    private final ChatGptComplianceParser parser = new ChatGptComplianceParser(ParserOptions.defaults());

    @Test
    void conversationYieldsOneOutcomePerMessageAndOnlyUserMessagesBecomeEvents() {
        List<ParseOutcome> outcomes = Samples.parse(parser, SAMPLES.get(0));
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ParseOutcome.Skipped.class,
                s -> assertThat(s.rule()).isEqualTo(ChatGptComplianceParser.NOT_USER_RULE));
        assertThat(outcomes.get(2)).isInstanceOf(ParseOutcome.Skipped.class);

        AiUsageEvent prompt = ((ParseOutcome.Parsed) outcomes.get(1)).event();
        assertThat(prompt.getEventId()).isEqualTo("chatgpt-compliance:msg-0002-user");
        assertThat(prompt.getSourceProduct()).isEqualTo("chatgpt-enterprise");
        assertThat(prompt.getEventTime()).isEqualTo(Instant.ofEpochSecond(1749712101));
        assertThat(prompt.getUser()).isEqualTo("priya.nair@northwind-eng.example");
        assertThat(prompt.getTenant()).isEqualTo("ws-9c2e41d7");
        assertThat(prompt.getAccountType()).isEqualTo(AccountType.CORPORATE);
        assertThat(prompt.getProxyAction()).isEqualTo(ProxyAction.ALLOWED);
        assertThat(prompt.getHost()).isEqualTo("chatgpt.com");
        assertThat(prompt.getActivity()).isEqualTo(Activity.PROMPT);
        assertThat(prompt.getContent()).isEqualTo("Why does this cron fail? AWS_SECRET_ACCESS_KEY is set in the env.");
        assertThat(prompt.getBytesOut()).isNull();
        assertThat(prompt.getSource().getLine()).isEqualTo(1L);
        assertThat(prompt.getAttributes()).containsEntry("conversation_id", "6849a1f2-77c0-8003-9b1e-2f4c5d6e7a81")
                .containsEntry("content_type", "text").doesNotContainKeys("title", "gpt_id");

        AiUsageEvent upload = ((ParseOutcome.Parsed) outcomes.get(3)).event();
        assertThat(upload.getActivity()).isEqualTo(Activity.UPLOAD);
        assertThat(upload.getEventTime()).isEqualTo(Instant.parse("2025-06-12T07:13:08.914Z"));
        assertThat(upload.getContent()).isEqualTo("Here is the stack trace and the config file");
        assertThat(upload.getAssets()).extracting(AccessedAsset::getId).containsExactly("file-Yh71", "file-Kp02");
        assertThat(upload.getAssets()).allSatisfy(a -> assertThat(a.getType()).isEqualTo("Upload"));
        assertThat(upload.getFileName()).isEqualTo("billing-config.yaml");
        assertThat(upload.getAttributes()).containsEntry("project_id", "g-p-5e1d");
    }

    @Test
    void standaloneMessageCarriesItsOwnUserAndWorkspace() {
        AiUsageEvent e = event(parser, SAMPLES.get(1));
        assertThat(e.getUser()).isEqualTo("tomas.berg@northwind-eng.example");
        assertThat(e.getTenant()).isEqualTo("ws-9c2e41d7");
        assertThat(e.getContent()).isEqualTo("Draft a reply to the customer about the delayed shipment");
        assertThat(e.getAttributes()).containsEntry("conversation_id", "684a0c11-1a2b-8003-aa10-77e0c3d2b1f4")
                .containsEntry("gpt_id", "g-7TqLp0Writer");
    }

    @Test
    void listPageSkipsConversationMetadataAndToolMessages() {
        List<ParseOutcome> outcomes = Samples.parse(parser, SAMPLES.get(2));
        assertThat(outcomes).extracting(o -> ((ParseOutcome.Skipped) o).rule()).containsExactly(
                ChatGptComplianceParser.CONVERSATION_RULE, ChatGptComplianceParser.NOT_USER_RULE);
    }

    @Test
    void messageWithoutUserAndWithTextContentAndStringTime() {
        AiUsageEvent e = event(parser, SAMPLES.get(3));
        assertThat(e.getUser()).isNull();
        assertThat(e.getContent()).isEqualTo("Translate this paragraph into German");
        assertThat(e.getEventTime()).isEqualTo(Instant.parse("2025-06-12T08:46:40.250Z"));
    }

    @Test
    void badRecordsAreRejectedWithTheFieldNamed() {
        assertThat(rejected(parser, BAD.get(0))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("'id'");
        });
        assertThat(rejected(parser, BAD.get(1))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
            assertThat(r.reason()).contains("created_at").doesNotContain("yesterday");
        });
        assertThat(rejected(parser, BAD.get(2))).satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(r.reason()).contains("author.role");
            assertThat(r.index()).isZero();
        });
        assertThat(rejected(parser, BAD.get(3)).reasonCode()).isEqualTo(RejectReason.UNSUPPORTED_RECORD);
        assertThat(rejected(parser, BAD.get(4)).reasonCode()).isEqualTo(RejectReason.BAD_VALUE);
    }
}
