package dev.sightline.app.evidence;

import static dev.sightline.app.evidence.EvidenceFixtures.PERIOD;
import static dev.sightline.app.evidence.EvidenceFixtures.T0;
import static dev.sightline.app.evidence.EvidenceFixtures.alert;
import static dev.sightline.app.evidence.EvidenceFixtures.audit;
import static dev.sightline.app.evidence.EvidenceFixtures.edge;
import static dev.sightline.app.evidence.EvidenceFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.app.evidence.EvidenceReport.ControlEvidence;
import dev.sightline.app.evidence.EvidenceReport.EgressCount;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.AuditOutcome;
import dev.sightline.model.DataClass;
import dev.sightline.model.SanctionStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceReportsTest {
    private static final Instant NOON = T0.plus(Duration.ofHours(12));

    private static EvidenceInput input() {
        return new EvidenceInput(
                List.of(alert("a1", "shadow-ai", AlertStatus.NEW, NOON, List.of("A.9.2", "A.10.3", "A.4.2")),
                        alert("a1", "shadow-ai", AlertStatus.UPDATED, NOON.plusSeconds(30), List.of("A.9.2", "A.10.3", "A.4.2")),
                        alert("a2", "sensitive-egress", AlertStatus.NEW, NOON, List.of("A.4.3", "A.7.5", "A.9.4")),
                        alert("a2", "sensitive-egress", AlertStatus.CLOSED, NOON.plusSeconds(60), List.of("A.4.3", "A.7.5", "A.9.4")),
                        alert("old", "shadow-ai", AlertStatus.NEW, T0.minus(Duration.ofDays(3)), List.of("A.9.2"))),
                List.of(audit(1, "bob@corp.example", "deepseek", SanctionStatus.UNSANCTIONED, AuditOutcome.ALERTED,
                                T0.plusSeconds(600), List.of(DataClass.SECRET, DataClass.PII, DataClass.PII), "zscaler"),
                        audit(2, "eve@corp.example", "deepseek", SanctionStatus.UNSANCTIONED, AuditOutcome.BLOCKED,
                                T0.plusSeconds(700), List.of(DataClass.PCI), "zscaler"),
                        audit(3, "alice@corp.example", "chatgpt", SanctionStatus.SANCTIONED, AuditOutcome.ALLOWED,
                                NOON, List.of(DataClass.PII), "m365-audit"),
                        audit(4, "alice@corp.example", "chatgpt", SanctionStatus.SANCTIONED, AuditOutcome.ALLOWED,
                                T0.minus(Duration.ofDays(2)), List.of(DataClass.PII), "m365-audit")),
                List.of(tool("chatgpt", SanctionStatus.SANCTIONED, 300, "it-ops"),
                        tool("deepseek", SanctionStatus.UNSANCTIONED, 100, null)),
                List.of(edge("asset-payroll", "deepseek")),
                Set.of("zscaler", "squid"));
    }

    private static EvidenceReport report() {
        return EvidenceReports.build(PERIOD, input(), Duration.ofHours(6), T0.plus(Duration.ofDays(2)));
    }

    @Test
    void alertsAreTheirLatestRecordAndOnlyThoseActiveInThePeriod() {
        EvidenceReport report = report();
        assertThat(report.alerts()).extracting(a -> a.getAlertId() + ":" + a.getStatus())
                .containsExactlyInAnyOrder("a1:UPDATED", "a2:CLOSED");
        assertThat(report.openAlerts()).extracting(a -> a.getAlertId()).containsExactly("a1");
    }

    @Test
    void auditRecordsAreThoseOfThePeriodAndEgressCountsUnblockedClassesByTool() {
        EvidenceReport report = report();
        assertThat(report.audit()).extracting(r -> r.getSequence()).containsExactly(1L, 2L, 3L);
        assertThat(report.egress()).containsExactly(new EgressCount(DataClass.PII, "chatgpt", 1),
                new EgressCount(DataClass.PII, "deepseek", 1), new EgressCount(DataClass.SECRET, "deepseek", 1));
    }

    @Test
    void theSanctionedShareComesFromTheInventoryOfThePeriod() {
        EvidenceReport report = report();
        assertThat(report.sanctionedShare().share()).contains(0.75);
        assertThat(figures(report, EvidenceControl.A_9_3)).containsEntry("sanctioned_share", 0.75);
    }

    @Test
    void figuresAndRecordsAreGroupedByTheControlsTheyCarry() {
        EvidenceReport report = report();
        ControlEvidence responsibleUse = report.control(EvidenceControl.A_9_2);
        assertThat(responsibleUse.alerts()).extracting(a -> a.getAlertId()).containsExactly("a1");
        assertThat(responsibleUse.figures()).containsEntry("interactions_unsanctioned", 2L)
                .containsEntry("blocked_interactions", 1L).containsEntry("users_of_unsanctioned_tools", 2L);
        assertThat(report.control(EvidenceControl.A_6_2_8).audit()).hasSize(3);
        assertThat(figures(report, EvidenceControl.A_10_2)).containsEntry("sanctioned_tools", 1L)
                .containsEntry("sanctioned_tools_with_owner", 1L);
        assertThat(figures(report, EvidenceControl.A_7_5)).containsEntry("assets_sent_to_ai", 1L);
        assertThat(figures(report, EvidenceControl.A_10_3)).containsEntry("high_risk_tools_in_use", 2L)
                .containsEntry("vendors_of_unsanctioned_tools", 1L);
    }

    @Test
    void coverageNamesSilentConfiguredSourcesAndGapsLongerThanTheThreshold() {
        EvidenceReport report = report();
        assertThat(report.coverage()).extracting(c -> c.source() + ":" + c.expected() + ":" + c.records())
                .containsExactly("m365-audit:false:1", "squid:true:0", "zscaler:true:4");
        EvidenceReport.SourceCoverage squid = report.coverage().get(1);
        assertThat(squid.gaps()).singleElement().satisfies(g -> assertThat(g.length()).isEqualTo(Duration.ofDays(1)));
        EvidenceReport.SourceCoverage zscaler = report.coverage().get(2);
        // audit records at 00:10 and 00:11:40, alerts at 12:00:30 and 12:01: silent 00:11:40-12:00:30 and 12:01-24:00
        assertThat(zscaler.gaps()).hasSize(2);
        assertThat(figures(report, EvidenceControl.A_6_2_6)).containsEntry("sources_silent", 1L)
                .containsEntry("telemetry_gaps", 5L); // squid 1, zscaler 2, m365-audit 2
    }

    @Test
    void theExportHoldsJsonAndCsvPerControlAndAnEscapedSummaryWithoutFindingValues(@TempDir Path out) throws Exception {
        List<Path> written = new EvidenceWriter().write(report(), out);
        assertThat(written).contains(Path.of("summary.html"), Path.of("controls.json"),
                Path.of("controls", "A.9.2", "alerts.csv"), Path.of("controls", "A.6.2.8", "audit.json"),
                Path.of("controls", "A.9.3", "figures.csv"), Path.of("coverage.csv"));
        assertThat(written).allSatisfy(file -> assertThat(out.resolve(file)).isNotEmptyFile());

        JsonNode alerts = new ObjectMapper().readTree(out.resolve("controls/A.9.2/alerts.json").toFile());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("alert_id").asText()).isEqualTo("a1");
        assertThat(alerts.get(0).get("finding_types").asText()).isEqualTo("AWS_ACCESS_KEY_ID");
        List<String> csv = Files.readAllLines(out.resolve("controls/A.6.2.8/audit.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("record_id,sequence,event_id,event_time");
        assertThat(Files.readAllLines(out.resolve("controls/A.10.2/alerts.csv"))).hasSize(1); // header only

        String html = Files.readString(out.resolve("summary.html"));
        assertThat(html).contains("Shadow AI: &lt;DeepSeek&gt;", "75.0 %", "squid", "Open alerts (1)")
                .doesNotContain("<DeepSeek>", "<script", "http://", "https://");
        assertThat(Files.readString(out.resolve("alerts.json")) + html).doesNotContain("AKIA************MPLE", "5e3a9c");
        JsonNode index = new ObjectMapper().readTree(out.resolve("controls.json").toFile());
        assertThat(index.get("controls")).extracting(c -> c.get("control").asText())
                .contains("A.4.3", "A.6.2.6", "A.6.2.8", "A.7.5", "A.9.2", "A.9.3", "A.9.4", "A.10.3");
    }

    @Test
    void oneControlAsOneDocumentHoldsWhatTheExportWritesForIt(@TempDir Path out) throws Exception {
        EvidenceReport report = report();
        EvidenceWriter writer = new EvidenceWriter();
        writer.write(report, out);
        ObjectMapper json = new ObjectMapper();
        JsonNode index = json.readTree(out.resolve("controls.json").toFile()).get("controls");
        for (int i = 0; i < EvidenceControl.values().length; i++) {
            EvidenceControl control = EvidenceControl.values()[i];
            Path dir = out.resolve("controls").resolve(control.id());
            JsonNode document = json.readTree(render(writer, report, control, EvidenceFormat.JSON));
            assertThat(document.get("control").asText()).isEqualTo(control.id());
            assertThat(document.get("from").asText()).isEqualTo(PERIOD.from().toString());
            assertThat(document.get("figures")).isEqualTo(index.get(i).get("figures"));
            assertThat(document.get("alerts")).isEqualTo(json.readTree(dir.resolve("alerts.json").toFile()));
            assertThat(document.get("audit")).isEqualTo(json.readTree(dir.resolve("audit.json").toFile()));

            String[] sections = render(writer, report, control, EvidenceFormat.CSV).split("\n\n");
            assertThat(sections).hasSize(4);
            assertThat(sections[0]).startsWith("section,control,title,evidence,from,to,generated_at\ncontrol,"
                    + control.id() + ",");
            List<String> tables = List.of("figures", "alerts", "audit");
            for (int t = 0; t < tables.size(); t++) {
                String table = tables.get(t);
                List<String> file = Files.readAllLines(dir.resolve(table + ".csv"));
                List<String> expected = new ArrayList<>(List.of("section," + file.get(0)));
                file.subList(1, file.size()).forEach(row -> expected.add(table + "," + row));
                assertThat(sections[t + 1].lines()).as(control.id() + " " + table).containsExactlyElementsOf(expected);
            }
        }
        assertThat(render(writer, report, EvidenceControl.A_9_2, EvidenceFormat.CSV)
                + render(writer, report, EvidenceControl.A_9_2, EvidenceFormat.JSON))
                .contains("bob@corp.example").doesNotContain("AKIA************MPLE", "5e3a9c");
    }

    private static String render(EvidenceWriter writer, EvidenceReport report, EvidenceControl control,
                                 EvidenceFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.control(report, control, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused(@TempDir Path out) throws Exception {
        var input = new EvidenceInput(List.of(), List.of(audit(1, "=HYPERLINK(\"x\")", "t", SanctionStatus.UNREVIEWED,
                AuditOutcome.ALLOWED, NOON, List.of(), "squid")), List.of(), List.of(), Set.of());
        new EvidenceWriter().write(EvidenceReports.build(PERIOD, input, Duration.ofHours(1), NOON), out);
        assertThat(Files.readString(out.resolve("audit.csv"))).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    @Test
    void aBadPeriodOrThresholdIsRefused() {
        assertThatThrownBy(() -> new EvidencePeriod(T0, T0)).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> EvidenceReports.build(PERIOD, input(), Duration.ZERO, T0))
                .hasMessageContaining("gapThreshold");
    }

    private static java.util.Map<String, Object> figures(EvidenceReport report, EvidenceControl control) {
        return report.control(control).figures();
    }
}
