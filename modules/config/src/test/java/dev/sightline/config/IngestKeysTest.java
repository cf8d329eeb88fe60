package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestKeysTest {
    private static SightlineConfig load(Map<String, String> overrides) {
        return SightlineConfig.loader().environment(Map.of()).overrides(overrides).load();
    }

    @Test
    void domainSuffixesMapWindowsDomainsCaseInsensitively() {
        SightlineConfig config = load(Map.of("sightline.ingest.domain.suffixes", "corp=corp.example, Emea = emea.corp.example"));
        assertThat(config.get(ConfigKeys.INGEST_DOMAIN_SUFFIXES)).contains(
                Map.of("CORP", "corp.example", "EMEA", "emea.corp.example"));
        assertThat(load(Map.of()).get(ConfigKeys.INGEST_DOMAIN_SUFFIXES)).contains(Map.of());
    }

    @Test
    void aMalformedPairNamesTheKeyAndTheForm() {
        assertThatThrownBy(() -> load(Map.of("sightline.ingest.domain.suffixes", "CORP")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sightline.ingest.domain.suffixes")
                .hasMessageContaining("DOMAIN=suffix");
        assertThatThrownBy(() -> load(Map.of("sightline.ingest.domain.suffixes", "CORP=a,corp=b")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void keyMappingsArePerTopic() {
        SightlineConfig config = load(Map.of("sightline.ingest.keymaps.raw.proxy.zscaler", "user=login,url=request_url"));
        assertThat(config.get(ConfigKeys.INGEST_KEYMAPS.key("raw.proxy.zscaler")))
                .contains(Map.of("user", "login", "url", "request_url"));
        assertThat(config.get(ConfigKeys.INGEST_KEYMAPS.key("raw.proxy.netskope"))).isEmpty();
    }
}
