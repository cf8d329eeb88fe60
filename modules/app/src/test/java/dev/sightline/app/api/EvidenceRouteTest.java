package dev.sightline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.app.evidence.EvidenceInput;
import dev.sightline.app.evidence.EvidenceTopics;
import dev.sightline.app.http.ApiAuth;
import dev.sightline.app.http.Health;
import dev.sightline.app.http.ObservabilityServer;
import dev.sightline.config.Secret;
import dev.sightline.serde.SchemaRegistryClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/evidence} over HTTP without a broker: the token, and 503s instead of waiting without end. */
class EvidenceRouteTest {
    private static final String TOKEN = "evidence-route-test-token-0123";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final EvidenceInput EMPTY = new EvidenceInput(List.of(), List.of(), List.of(), List.of(), Set.of("zscaler"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private ObservabilityServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersTheDefaultPeriodWithTheTokenOnly() throws Exception {
        start(() -> EMPTY);
        HttpResponse<String> response = get("/api/evidence?control=a.6.2.6", TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("control").asText()).isEqualTo("A.6.2.6");
        assertThat(body.get("from").asText()).isEqualTo(NOW.minus(Duration.ofDays(30)).toString());
        assertThat(body.get("to").asText()).isEqualTo(NOW.toString());
        assertThat(body.get("figures").get("sources_silent").asInt()).isEqualTo(1);
        assertThat(body.get("alerts")).isEmpty();

        HttpResponse<String> csv = get("/api/evidence?control=A.6.2.6&format=CSV", TOKEN);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.body()).startsWith("section,control,title,evidence,from,to,generated_at\n")
                .contains("\n\nsection,alert_id,rule,").contains("\n\nsection,record_id,sequence,");

        assertThat(get("/api/evidence?control=A.6.2.6", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/evidence?control=A.6.2.6", "wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("/api/evidence/A.6.2.6", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void unreachableBrokersAreA503WithinTheReadTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EvidenceTopics topics = new EvidenceTopics(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort),
                SchemaRegistryClients.create("mock://evidence-route-test", Map.of()), topic -> "t." + topic.baseName(),
                Duration.ofSeconds(1));
        start(() -> topics.read(Set.of()));

        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/evidence?control=A.9.2", TOKEN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains(String.valueOf(ApiException.RETRY_AFTER_SECONDS));
        assertThat(JSON.readTree(response.body()).get("error").asText())
                .contains("cannot read the evidence topics", "t.alerts", "no answer from the Kafka brokers within PT1S");
    }

    @Test
    void requestsBeyondTheConcurrentReadsAreA503() throws Exception {
        CountDownLatch reading = new CountDownLatch(EvidenceRoute.MAX_CONCURRENT_READS);
        CountDownLatch release = new CountDownLatch(1);
        start(() -> {
            reading.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EMPTY;
        });
        List<CompletableFuture<HttpResponse<String>>> slow = java.util.stream.IntStream
                .range(0, EvidenceRoute.MAX_CONCURRENT_READS)
                .mapToObj(i -> http.sendAsync(request("/api/evidence?control=A.9.2", TOKEN),
                        HttpResponse.BodyHandlers.ofString())).toList();
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> busy = get("/api/evidence?control=A.9.2", TOKEN);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.body()).contains("already reading the evidence topics");

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> response : slow) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/evidence?control=A.9.2", TOKEN).statusCode()).isEqualTo(200);
    }

    private void start(Supplier<EvidenceInput> topics) throws IOException {
        server = ObservabilityServer.start("127.0.0.1", 0, () -> new Health("RUNNING", Map.of(), Map.of()), () -> "",
                ApiAuth.from(Optional.of(new Secret(TOKEN))));
        QueryApi.installEvidence(server, topics, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
