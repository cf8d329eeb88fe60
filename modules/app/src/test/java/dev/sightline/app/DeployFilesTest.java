package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped deployment files stay in step with the code: the example configuration loads, dashboards parse. */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("../../deploy");

    @Test
    void theExampleConfigurationIsValid() {
        SightlineConfig config = SightlineConfig.loader().environment(Map.of())
                .file(DEPLOY.resolve("sightline.properties")).load();
        assertThat(config.schemaRegistryUrl()).startsWith("http://");
        assertThat(config.applicationId()).endsWith("-v1");
    }

    @Test
    void everyDashboardIsValidJsonWithPanels() throws Exception {
        try (var files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
            for (Path file : files.toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                assertThat(dashboard.path("uid").asText()).as(file.toString()).isNotBlank();
                assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
            }
        }
    }
}
