package dev.sightline.reference;

import static dev.sightline.reference.AssetImportTest.problemsOf;
import static dev.sightline.reference.Samples.NOW;
import static dev.sightline.reference.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.catalog.Catalog;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiTool;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.HostMatchKind;
import dev.sightline.model.HostRule;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolInterface;
import dev.sightline.model.TrainingUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRecordsTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void everyToolWithItsAttributesAndTheOrganisationsPolicy() {
        Catalog catalog = Catalog.loadDefault(sample("overrides.yaml"));
        List<AiTool> records = CatalogRecords.load(Optional.of(sample("overrides.yaml")), CLOCK);
        Map<String, AiTool> byId = records.stream().collect(Collectors.toMap(AiTool::getId, Function.identity()));

        assertThat(records).hasSize(catalog.tools().size());
        AiTool chatgpt = byId.get("chatgpt");
        assertThat(chatgpt.getName()).isEqualTo("ChatGPT");
        assertThat(chatgpt.getVendor()).isEqualTo("OpenAI");
        assertThat(chatgpt.getCategory()).isEqualTo("chat");
        assertThat(chatgpt.getApiOrUi()).isEqualTo(ToolInterface.UI);
        assertThat(chatgpt.getHqCountry()).isEqualTo("US");
        assertThat(chatgpt.getHostPatterns()).contains(new HostRule("chatgpt.com", HostMatchKind.EXACT, null),
                new HostRule("chatgpt.com", HostMatchKind.SUFFIX, null));
        assertThat(chatgpt.getTrainsOnUserData()).hasSize(2);
        assertThat(chatgpt.getTrainsOnUserData().get(0).getTier()).isEqualTo("free");
        assertThat(chatgpt.getTrainsOnUserData().get(0).getValue()).isEqualTo(TrainingUse.OPT_OUT);
        assertThat(chatgpt.getTrainsOnUserData().get(0).getSource()).startsWith("https://help.openai.com/");
        assertThat(chatgpt.getTrainsOnUserData().get(0).getAsOf()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(chatgpt.getDataRetention().getDescription()).isEqualTo("until the user deletes it");
        assertThat(chatgpt.getEnterpriseTier().getValue()).isTrue();
        assertThat(chatgpt.getRiskScore()).isEqualTo(catalog.tool("chatgpt").orElseThrow().riskScore());
        assertThat(chatgpt.getCatalogVersion()).isEqualTo(catalog.version());
        assertThat(chatgpt.getUpdatedAt()).isEqualTo(NOW);

        assertThat(chatgpt.getSanction()).isEqualTo(SanctionStatus.SANCTIONED);
        assertThat(chatgpt.getOwner()).isEqualTo("ai-governance@acme.example");
        Approval pilot = chatgpt.getApprovals().get(0);
        assertThat(pilot.getId()).isEqualTo("chatgpt-approval-1");
        assertThat(pilot.getDepartments()).containsExactly("Engineering");
        assertThat(pilot.getGroups()).containsExactly("ai-pilot");
        assertThat(pilot.getDataClasses()).containsExactly(DataClass.SOURCE_CODE);
        assertThat(pilot.getAccountTypes()).containsExactly(AccountType.CORPORATE);
        assertThat(pilot.getExpiresAt()).as("the inclusive day lapses at the next midnight UTC")
                .isEqualTo(Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(chatgpt.getApprovals().get(1).getAccountTypes())
                .containsExactly(AccountType.CORPORATE, AccountType.PERSONAL);
        assertThat(chatgpt.getApprovals().get(1).getExpiresAt()).isNull();

        assertThat(byId.get("deepseek").getSanction()).isEqualTo(SanctionStatus.UNSANCTIONED);
        assertThat(byId.get("deepseek").getHqCountry()).isEqualTo("CN");
        assertThat(byId.get("claude").getSanction()).isEqualTo(SanctionStatus.UNREVIEWED);
        assertThat(byId.get("acme-gateway").getHostPatterns())
                .containsExactly(new HostRule("llm.acme.internal", HostMatchKind.EXACT, null),
                        new HostRule("llm.acme.internal", HostMatchKind.SUFFIX, null));
        assertThat(byId.get("acme-gateway").getTrainsOnUserData()).isEmpty();
        assertThat(byId.get("acme-gateway").getDataRetention()).isNull();
    }

    @Test
    void aBadOverrideFileIsRefusedWithLineAndField(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("org.yaml"), """
                organisation: Acme
                policies:
                  - tool: chatgpt
                    sanction: sanctioned
                    approvals:
                      - data_classes: [SECRETS]
                  - tool: no-such-tool
                    sanction: tolerated
                """);

        List<String> problems = problemsOf(() -> CatalogRecords.load(Optional.of(file), CLOCK));

        assertThat(problems).anyMatch(p -> p.startsWith(file + ":6:") && p.contains("data_classes")
                && p.contains("SECRETS"));
    }
}
