package dev.sightline.detect.siem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.Alert;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CefRendererTest {
    private final CefRenderer renderer = new CefRenderer(SiemProduct.sightline("0.1.0"));

    @Test
    void headerAndLabelledExtensions() {
        String line = renderer.render(SampleAlerts.egress().build());
        assertThat(line).startsWith("CEF:0|Sightline|Sightline|0.1.0|sensitive-egress|Card numbers sent to ChatGPT|8|");
        assertThat(line).contains("rt=" + SampleAlerts.CREATED.toEpochMilli(), "suser=alice@corp.example", "act=new",
                "src=" + SampleAlerts.CLIENT_IP, "dhost=" + SampleAlerts.HOST,
                "cs1=chatgpt cs1Label=aiTool", "cs2=Finance cs2Label=department", "cs3=PCI cs3Label=dataClasses",
                "cs4=A.4.3,A.7.5,A.9.4 cs4Label=iso42001Controls",
                "cs5=CREDIT_CARD " + SampleAlerts.MASKED_CARD + " #" + SampleAlerts.CARD_HASH + " cs5Label=maskedFindings",
                "cn1=2097152 cn1Label=uploadBytes", "cn2=82 cn2Label=riskScore", "cn3=7 cn3Label=policyVersion");
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void unknownUploadSizeIsLeftOutNotZero() {
        String line = renderer.render(SampleAlerts.egress().setBytesOut(null).build());
        assertThat(line).doesNotContain("cn1=", "uploadBytes");
    }

    @Test
    void severityMapsToTheCefScale() {
        assertThat(CefRenderer.cefSeverity(1)).isEqualTo(1);
        assertThat(CefRenderer.cefSeverity(3)).isEqualTo(5);
        assertThat(CefRenderer.cefSeverity(5)).isEqualTo(10);
        assertThat(CefRenderer.cefSeverity(42)).isEqualTo(10);
    }

    @Test
    void headerAndExtensionEscapes() {
        Alert alert = SampleAlerts.egress().setTitle("a|b\\c").setRuleId("r|1")
                .setDescription("x=y\\z|w\r\nnext").build();
        String line = renderer.render(alert);
        assertThat(line).contains("|r\\|1|a\\|b\\\\c|");
        assertThat(line).contains("msg=x\\=y\\\\z|w\\nnext");
        assertThat(CefRenderer.extensionValue("a\rb")).isEqualTo("a\\rb");
        assertThat(CefRenderer.header("a\nb")).isEqualTo("a b");
    }

    @Property(tries = 300)
    void escapedHeaderFieldsNeverEndEarly(@ForAll String text) {
        String escaped = CefRenderer.header(text);
        assertThat(escaped.replace("\\\\", "").replace("\\|", "")).doesNotContain("|");
        assertThat(escaped).doesNotContain("\n", "\r");
    }

    @Property(tries = 300)
    void escapedExtensionValuesHaveNoBareEqualsOrLineBreak(@ForAll String text) {
        String escaped = CefRenderer.extensionValue(text);
        assertThat(escaped.replace("\\\\", "").replace("\\=", "")).doesNotContain("=");
        assertThat(escaped).doesNotContain("\n", "\r");
    }

    @Test
    void aClientHostNameIsASourceHostNotASourceAddress() {
        String line = renderer.render(SampleAlerts.egress().setClientIp("laptop-42.corp.example").build());
        assertThat(line).contains("shost=laptop-42.corp.example").doesNotContain("src=");
    }
}
