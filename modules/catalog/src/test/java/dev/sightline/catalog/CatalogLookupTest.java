package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogLookupTest {
    @Test
    void writesOneJsonLinePerInput() throws Exception {
        String input = "https://Chat.OpenAI.com:443/c/1\n\n# comment\nmail.google.com\nbad host:99999\n";
        StringWriter out = new StringWriter();
        long n = new CatalogLookup(Catalog.loadDefault()).run(new BufferedReader(new StringReader(input)), out);
        assertThat(n).isEqualTo(3);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode hit = json.readTree(lines.get(0));
        assertThat(hit.get("host").asText()).isEqualTo("chat.openai.com");
        assertThat(hit.get("match").asBoolean()).isTrue();
        assertThat(hit.get("tool").asText()).isEqualTo("chatgpt");
        assertThat(hit.get("vendor").asText()).isEqualTo("OpenAI");
        assertThat(hit.get("category").asText()).isEqualTo("chat");
        assertThat(hit.get("sanction").asText()).isEqualTo("unreviewed");
        JsonNode miss = json.readTree(lines.get(1));
        assertThat(miss.get("host").asText()).isEqualTo("mail.google.com");
        assertThat(miss.get("match").asBoolean()).isFalse();
        assertThat(miss.get("tool").isNull()).isTrue();
        assertThat(miss.get("sanction").isNull()).isTrue();
        JsonNode bad = json.readTree(lines.get(2));
        assertThat(bad.get("host").isNull()).isTrue();
        assertThat(bad.get("error").asText()).isNotBlank();
    }
}
