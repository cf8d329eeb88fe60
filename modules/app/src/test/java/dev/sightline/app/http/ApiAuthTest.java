package dev.sightline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.Secret;
import dev.sightline.config.SightlineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With sightline.http.api.token set, /api needs the bearer token, /health details too; /metrics stays open. */
class ApiAuthTest {
    private static final String TOKEN = "s3cr3t-api-token-0123456789";
    private static final String SECRET_CONFIG_VALUE = "kafka-password-9876";

    private final HttpClient http = HttpClient.newHttpClient();
    private ObservabilityServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void apiRoutesRequireTheTokenAndHealthDetailsToo() throws Exception {
        start(ApiAuth.from(Optional.of(new Secret(TOKEN))));
        server.route("/api/alerts", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, -1);
            }
        });

        assertThat(get("/api/alerts", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/alerts", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("/api/alerts", "Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(get("/api/alerts", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/unknown", null).statusCode()).as("401 before 404").isEqualTo(401);
        assertThat(get("/api/unknown", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> rejected = get("/api/alerts", "Bearer wrong");
        assertThat(rejected.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(rejected.body()).doesNotContain(TOKEN, "wrong");

        HttpResponse<String> anonymousHealth = get("/health", null);
        assertThat(anonymousHealth.statusCode()).isEqualTo(200);
        assertThat(anonymousHealth.body()).contains("\"status\" : \"UP\"").doesNotContain("config", "components");
        assertThat(get("/health", "Bearer " + TOKEN).body()).contains("\"config\"", Secret.MASK)
                .doesNotContain(SECRET_CONFIG_VALUE, TOKEN);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenEverythingIsOpen() throws Exception {
        start(ApiAuth.from(Optional.empty()));
        assertThat(get("/api/unknown", null).statusCode()).isEqualTo(404);
        assertThat(get("/health", null).body()).contains("\"config\"");
    }

    @Test
    void configurationSecretsAreRedactedInTheStartupLog() {
        assertThat(secretConfig().describe()).contains(Secret.MASK).doesNotContain(TOKEN, SECRET_CONFIG_VALUE);
        assertThat(secretConfig().toString()).doesNotContain(TOKEN, SECRET_CONFIG_VALUE);
    }

    @Test
    void theTokenNeverShowsInToString() {
        assertThat(ApiAuth.from(Optional.of(new Secret(TOKEN))).toString()).doesNotContain(TOKEN);
    }

    private void start(ApiAuth auth) throws Exception {
        Health health = new Health("RUNNING", Map.of("kafka", "127.0.0.1:9092"), secretConfig().redactedValues());
        server = ObservabilityServer.start("127.0.0.1", 0, () -> health, () -> "# metrics\n", auth);
    }

    private static SightlineConfig secretConfig() {
        return SightlineConfig.loader().environment(Map.of()).overrides(Map.of(
                ConfigKeys.HTTP_API_TOKEN.name(), TOKEN,
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"app\" password=\"" + SECRET_CONFIG_VALUE + "\";",
                "kafka.ssl.truststore.password", SECRET_CONFIG_VALUE)).load();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
