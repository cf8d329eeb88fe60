package dev.sightline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicTest {

    /** The topic table of ARCHITECTURE.md: names are contracts. */
    private static final List<String> CONTRACT_NAMES = List.of(
            "raw.proxy.squid", "raw.proxy.zscaler", "raw.proxy.netskope", "raw.proxy.ecs",
            "raw.saas.m365", "raw.saas.openai-compliance", "raw.saas.gemini",
            "errors.dead-letter", "events.ai-usage", "events.ai-usage.enriched",
            "ref.ai-tools", "ref.identities", "ref.data-assets", "ref.policies",
            "alerts", "alerts.ocsf", "alerts.ecs", "alerts.cef",
            "audit.ai-data-access", "ai.inventory", "lineage.edges");

    @Test
    void everyContractTopicExistsAndNoOther() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::baseName)).containsExactlyInAnyOrderElementsOf(CONTRACT_NAMES);
        assertThat(CONTRACT_NAMES).allSatisfy(name -> assertThat(Topic.byName(null, name)).isPresent());
    }

    @Test
    void tablesAreExactlyTheReferenceDataInventoryAndLineage() {
        List<String> tables = CONTRACT_NAMES.stream()
                .filter(name -> name.startsWith("ref.") || name.equals("ai.inventory") || name.equals("lineage.edges"))
                .toList();
        assertThat(Arrays.stream(Topic.values()).filter(t -> t.kind() == Topic.Kind.TABLE).map(Topic::baseName))
                .containsExactlyInAnyOrderElementsOf(tables);
        assertThat(Topic.values()).allSatisfy(t -> assertThat(t.compacted()).isEqualTo(t.kind() == Topic.Kind.TABLE));
    }

    @Test
    void rawTopicsCarryBytesWithADefaultFormat() {
        assertThat(Topic.raw()).hasSize(7).allSatisfy(t -> {
            assertThat(t.valueType()).isEqualTo(byte[].class);
            assertThat(t.defaultFormat()).isPresent();
        });
    }

    @Test
    void siemTopicsCarryTextAndEveryOtherTopicAnAvroRecord() {
        List<Topic> siem = List.of(Topic.ALERTS_OCSF, Topic.ALERTS_ECS, Topic.ALERTS_CEF);
        assertThat(siem).allSatisfy(t -> assertThat(t.valueType()).isEqualTo(String.class));
        assertThat(Arrays.stream(Topic.values()).filter(t -> t.kind() != Topic.Kind.RAW && !siem.contains(t)))
                .allSatisfy(t -> assertThat(SpecificRecord.class).isAssignableFrom(t.valueType()));
        assertThat(Topic.AI_USAGE_ENRICHED.valueType()).isEqualTo(AiUsageEvent.class);
        assertThat(Topic.AUDIT.valueType()).isEqualTo(AuditRecord.class);
    }

    @Test
    void findsATopicByItsPrefixedName() {
        assertThat(Topic.byName("acme.", "acme.alerts.cef")).contains(Topic.ALERTS_CEF);
        assertThat(Topic.ALERTS_CEF.name("acme.")).isEqualTo("acme.alerts.cef");
        assertThat(Topic.byName("acme.", "acme.no-such-topic")).isEmpty();
    }
}
