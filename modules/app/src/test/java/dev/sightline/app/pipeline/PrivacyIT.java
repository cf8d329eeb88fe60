package dev.sightline.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.app.evidence.EvidenceControl;
import dev.sightline.app.reference.ReferenceTables;
import dev.sightline.config.ConfigKeys;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Finding;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.errors.DeadLetterDeserializationHandler;
import dev.sightline.reference.CatalogRecords;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy invariant over every input kind: secrets and personal data planted in all seven raw formats (prompt and
 * content fields of the SaaS formats, URL query strings of the proxy formats), in records that are read and in
 * records that are rejected, and in unreadable records on events.ai-usage and the four ref.* topics, appear nowhere
 * downstream — no output topic, no dead letter (run with {@code sightline.deadletter.raw.mode=hash}), not the
 * application log (captured at DEBUG), not /metrics, /health or any /api answer. Masked previews and keyed hashes are
 * fine. The one place raw content lives by design is the {@code content} field of events.ai-usage, which the scanner
 * reads and enrichment removes; every other field of those events is checked too.
 */
@RealKafka
class PrivacyIT {
    private static final String CARD = "4929 5873 6458 4538";
    private static final String CARD_COMPACT = CARD.replace(" ", "");
    private static final String AWS_KEY = "AKIAZQ3DKXW7T5LPFM2C";
    private static final String EMAIL = "marguerite.oyelaran@fernhill-analytics.io";
    private static final String IBAN = "DE44500105175407324931";
    private static final String SSN = "532-71-8294";
    private static final String NINO = "JG103752B";
    private static final String PHONE = "+49 30 90182736";
    private static final String KEY_BODY = "MIIEowIBAAKCAQEAt9Qx3Jv6Lq2Ze8Wc4Hs7Ny1Pk5Rb0Tg3Xm9Df2Va6Uo8Ci4El7";
    private static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY
            + "\nQp1Sw5Gz3Kj9Nb2Mh6Ft8Yr0Lc4Ve7Xa1Pd5Ug9Ks3Jw6Ht2Qo8Bn4Ri0Mz7Ey5Sl1C\n-----END RSA PRIVATE KEY-----";
    /** Prompt text with one value of each kind the scanner detects here. */
    private static final String PROMPT = "Charge card " + CARD + " again, deploy key " + AWS_KEY + ". Mail " + EMAIL
            + " or call " + PHONE + "; IBAN " + IBAN + ", SSN " + SSN + ", NINO " + NINO + ".\n" + PRIVATE_KEY;
    /** The same values in a query string, as a proxy logs them. */
    private static final String QUERY = "?card=" + CARD_COMPACT + "&key=" + AWS_KEY + "&mail=" + EMAIL + "&iban="
            + IBAN + "&ssn=" + SSN + "&nino=" + NINO + "&tel=" + PHONE.replace(" ", "");
    /** What must not be found: each value, and the parts that would betray a re-encoded or reformatted copy. */
    private static final List<String> RAW = List.of(CARD, CARD_COMPACT, AWS_KEY, EMAIL, "marguerite.oyelaran", IBAN,
            SSN, NINO, "90182736", KEY_BODY);
    private static final Set<String> DETECTED = Set.of("CREDIT_CARD", "AWS_ACCESS_KEY_ID", "EMAIL_ADDRESS",
            "PHONE_NUMBER", "IBAN", "US_SSN", "UK_NINO", "PRIVATE_KEY");
    private static final List<Topic> REFERENCE = List.of(Topic.REF_AI_TOOLS, Topic.REF_IDENTITIES,
            Topic.REF_DATA_ASSETS, Topic.REF_POLICIES);
    /** Topics whose whole records are searched (events.ai-usage is searched without its content field). */
    private static final List<Topic> OUTPUTS = List.of(Topic.AI_USAGE_ENRICHED, Topic.ALERTS, Topic.ALERTS_OCSF,
            Topic.ALERTS_ECS, Topic.ALERTS_CEF, Topic.AUDIT, Topic.INVENTORY, Topic.LINEAGE, Topic.DEAD_LETTER);
    /** Before the accepted time window of every parser (Squid's starts in 1995, the others' in 2000). */
    private static final Instant LONG_AGO = Instant.parse("1990-06-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter log = new StringWriter();
    private final String appender = "privacy-it-" + UUID.randomUUID();
    private Level sightlineLevel;
    private PipelineUnderTest pipeline;

    /** Everything the application logs at DEBUG and up, with stack traces, goes to {@link #log} too. */
    @BeforeEach
    void captureTheLog() {
        LoggerContext context = LoggerContext.getContext(false);
        Configuration configuration = context.getConfiguration();
        WriterAppender writer = WriterAppender.newBuilder().setName(appender).setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%level %c - %msg%n%throwable").build()).build();
        writer.start();
        configuration.addAppender(writer);
        configuration.getRootLogger().addAppender(writer, Level.ALL, null);
        LoggerConfig sightline = configuration.getLoggerConfig("dev.sightline");
        sightlineLevel = sightline.getLevel();
        sightline.setLevel(Level.DEBUG);
        context.updateLoggers();
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        LoggerContext context = LoggerContext.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(appender);
        configuration.getLoggerConfig("dev.sightline").setLevel(sightlineLevel);
        configuration.getAppenders().remove(appender).stop();
        context.updateLoggers();
    }

    @Test
    void plantedSecretsAndPersonalDataAppearNowhereDownstream(KafkaBroker broker, @TempDir Path stateDir)
            throws Exception {
        pipeline = PipelineUnderTest.configure(broker, stateDir, "privacy",
                Map.of(ConfigKeys.DEAD_LETTER_RAW_MODE.name(), "hash"));
        new ReferenceTables(CatalogRecords.load(Optional.empty(), Clock.systemUTC()), List.of(), List.of(),
                Optional.empty()).publish(pipeline.config());
        pipeline.start();

        // unreadable records on the Avro topics: the global-store thread (ref.*) and a task (the enriched events,
        // the first Avro topic a task reads: normalize and enrich read raw bytes)
        byte[] notAvro = PROMPT.getBytes(StandardCharsets.UTF_8);
        REFERENCE.forEach(topic -> pipeline.produce(topic, "chatgpt", notAvro));
        pipeline.produce(Topic.AI_USAGE_ENRICHED, "alice", notAvro);
        // one record read and one rejected (for its time) per raw format
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Map<Topic, Function<Instant, String>> records = Map.of(
                Topic.RAW_PROXY_SQUID, PrivacyIT::squid, Topic.RAW_PROXY_ZSCALER, PrivacyIT::zscaler,
                Topic.RAW_PROXY_NETSKOPE, PrivacyIT::netskope, Topic.RAW_PROXY_ECS, PrivacyIT::ecs,
                Topic.RAW_SAAS_M365, PrivacyIT::m365, Topic.RAW_SAAS_OPENAI_COMPLIANCE, PrivacyIT::chatGpt,
                Topic.RAW_SAAS_GEMINI, PrivacyIT::gemini);
        records.forEach((topic, record) -> {
            pipeline.produce(topic, record.apply(now));
            pipeline.produce(topic, record.apply(LONG_AGO));
        });
        pipeline.awaitProcessed();
        int expectedDeadLetters = records.size() + 1 + REFERENCE.size();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.readAll(Topic.DEAD_LETTER).size() >= expectedDeadLetters);

        // every format was read, and the scanner saw every planted kind: the search below is not vacuous
        List<AiUsageEvent> enriched = pipeline.readValues(Topic.AI_USAGE_ENRICHED, AiUsageEvent.class,
                value -> !Arrays.equals(value, notAvro));
        assertThat(enriched).extracting(e -> e.getSource().getTopic()).containsExactlyInAnyOrderElementsOf(
                records.keySet().stream().map(pipeline.config()::topicName).toList());
        assertThat(enriched.stream().flatMap(e -> e.getFindings().stream()).map(Finding::getType))
                .containsAll(DETECTED);
        List<DeadLetter> deadLetters = pipeline.readValues(Topic.DEAD_LETTER, DeadLetter.class);
        assertThat(deadLetters).hasSize(expectedDeadLetters).allSatisfy(letter -> {
            assertThat(letter.getRaw()).isNull();
            assertThat(letter.getRawKey()).isNull();
            assertThat(letter.getRawSha256()).hasSize(64);
            assertThat(letter.getReason()).isNotBlank();
        });
        assertThat(deadLetters).filteredOn(l -> l.getStage().equals(DeadLetterDeserializationHandler.STAGE))
                .extracting(l -> l.getSource().getTopic()).containsExactlyInAnyOrderElementsOf(
                        Stream.concat(REFERENCE.stream(), Stream.of(Topic.AI_USAGE_ENRICHED)).map(pipeline.config()::topicName)
                                .toList());

        for (Topic topic : OUTPUTS) {
            for (ConsumerRecord<byte[], byte[]> record : pipeline.readAll(topic)) {
                if (Arrays.equals(record.value(), notAvro)) {
                    continue; // the test's own unreadable input, not an output
                }
                assertNoRawValue(topic.baseName(), new String(record.value(), StandardCharsets.ISO_8859_1));
            }
        }
        for (AiUsageEvent event : pipeline.readValues(Topic.AI_USAGE, AiUsageEvent.class)) {
            event.setContent(null);
            assertNoRawValue(Topic.AI_USAGE.baseName() + " without content", event.toString());
        }
        List<String> paths = apiPaths();
        for (String path : paths) {
            String body = pipeline.get(path);
            assertThat(body).as("%s answers", path).doesNotStartWith("{\"error\"");
            assertNoRawValue(path, body);
        }
        assertThat(log.toString()).as("the captured log").contains("unreadable record");
        assertNoRawValue("the application log", log.toString());
        System.out.printf("privacy test: %d records planted (%d raw, %d unreadable Avro), %d events, %d dead letters,"
                + " %d output topics, %d HTTP paths, %d log lines searched; raw values found: 0%n",
                records.size() * 2 + REFERENCE.size() + 1, records.size() * 2, REFERENCE.size() + 1, enriched.size(),
                deadLetters.size(), OUTPUTS.size() + 1, paths.size(), log.toString().lines().count());
    }

    /** /metrics, /health and every /api route, for every tool and user the pipeline knows and every control. */
    private List<String> apiPaths() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/metrics", "/health", "/api/inventory", "/api/audit?limit=1000",
                "/api/lineage", "/api/alerts?limit=1000"));
        Set<String> tools = new TreeSet<>();
        JSON.readTree(pipeline.get("/api/inventory")).path("items").forEach(i -> tools.add(i.path("toolId").asText()));
        Set<String> users = new TreeSet<>();
        JSON.readTree(pipeline.get("/api/audit?limit=1000")).path("items").forEach(r -> users.add(r.path("user").asText()));
        assertThat(tools).isNotEmpty();
        assertThat(users).isNotEmpty();
        tools.forEach(tool -> paths.addAll(List.of("/api/inventory/" + tool, "/api/lineage?tool=" + encode(tool),
                "/api/audit?tool=" + encode(tool))));
        users.forEach(user -> paths.add("/api/audit?user=" + encode(user)));
        for (EvidenceControl control : EvidenceControl.values()) {
            paths.add("/api/evidence?control=" + control.id() + "&format=json");
            paths.add("/api/evidence?control=" + control.id() + "&format=csv");
        }
        return paths;
    }

    private static void assertNoRawValue(String where, String text) {
        assertThat(text).as(where).isNotBlank().doesNotContain(RAW);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String squid(Instant time) {
        return time.getEpochSecond() + ".120    412 10.1.2.3 TCP_MISS/200 5120 POST https://chatgpt.com/backend-api/"
                + "conversation" + QUERY + " alice HIER_DIRECT/104.18.32.47 application/json";
    }

    private static String zscaler(Instant time) {
        String datetime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(time);
        return json(Map.of("sourcetype", "zscalernss-web", "event", Map.ofEntries(Map.entry("datetime", datetime),
                Map.entry("event_id", "privacy-" + time.getEpochSecond()), Map.entry("action", "Allowed"),
                Map.entry("requestmethod", "POST"), Map.entry("status", "200"), Map.entry("ClientIP", "10.20.1.44"),
                Map.entry("user", "dana.whitfield@acme-corp.example"), Map.entry("hostname", "chatgpt.com"),
                Map.entry("url", "chatgpt.com/backend-api/conversation" + QUERY), Map.entry("appname", "ChatGPT"),
                Map.entry("prompt_req", PROMPT))));
    }

    private static String netskope(Instant time) {
        return json(Map.ofEntries(Map.entry("date", DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(time)),
                Map.entry("time", DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(time)),
                Map.entry("x-transaction-id", "privacy-" + time.getEpochSecond()),
                Map.entry("cs-username", "helena.brandt@fabrikam-health.example"), Map.entry("c-ip", "172.16.4.21"),
                Map.entry("cs-method", "POST"), Map.entry("cs-host", "claude.ai"),
                Map.entry("cs-uri", "/api/organizations/chat" + QUERY), Map.entry("cs-uri-scheme", "https"),
                Map.entry("sc-status", "200"), Map.entry("x-cs-app", "Claude"), Map.entry("x-policy-action", "allow")));
    }

    private static String ecs(Instant time) {
        return json(Map.of("@timestamp", time.toString(),
                "event", Map.of("id", "privacy-" + time.getEpochSecond(), "kind", "event", "action", "proxy-request"),
                "url", Map.of("original", "https://gemini.google.com/app" + QUERY, "domain", "gemini.google.com"),
                "http", Map.of("request", Map.of("method", "POST", "body", Map.of("content", PROMPT))),
                "user", Map.of("name", "jsmith", "domain", "TAILSPIN"), "source", Map.of("ip", "10.8.0.14")));
    }

    private static String m365(Instant time) {
        String site = "https://contosolabs.sharepoint.example/sites/Finance/Budget.docx" + QUERY;
        return json(Map.of("CreationTime", time.toString().replace("Z", ""), "Id", UUID.randomUUID().toString(),
                "Operation", "CopilotInteraction", "RecordType", 261, "Workload", "Copilot",
                "UserId", "nina.alvarez@contoso-labs.example", "ClientIP", "203.0.113.24",
                "CopilotEventData", Map.of("AppHost", "Word", "Contexts", List.of(Map.of("Id", site, "Type", "docx")),
                        "Messages", List.of(Map.of("Id", "1", "isPrompt", true, "Text", PROMPT)),
                        "AccessedResources", List.of(Map.of("Id", "7c1d2e3f-0a9b-48c7-9d6e-5f4a3b2c1d0e",
                                "Name", "Budget.docx", "Type", "File", "Action", "Read", "SiteUrl", site)))));
    }

    private static String chatGpt(Instant time) {
        long at = time.getEpochSecond();
        return json(Map.of("id", "privacy-" + at, "workspace_id", "ws-9c2e41d7", "user_id", "user-Qm3x8Zt2",
                "user_email", "priya.nair@northwind-eng.example", "created_at", at, "title", "Card " + CARD_COMPACT,
                "messages", Map.of("object", "list", "has_more", false, "data", List.of(Map.of("id", "msg-1",
                        "created_at", at, "author", Map.of("role", "user"),
                        "content", Map.of("content_type", "text", "parts", List.of(PROMPT)))))));
    }

    private static String gemini(Instant time) {
        return json(Map.of("kind", "admin#reports#activity",
                "id", Map.of("time", time.toString(), "uniqueQualifier", "privacy-" + time.getEpochSecond(),
                        "applicationName", "gemini_in_workspace_apps", "customerId", "C03az79cb"),
                "actor", Map.of("callerType", "USER", "email", "maya.chen@woodgrove-ed.example"),
                "events", List.of(Map.of("type", "ai_usage_event", "name", "feature_utilization", "parameters",
                        List.of(Map.of("name", "app_name", "value", "docs"),
                                Map.of("name", "action", "value", "generate_text"),
                                Map.of("name", "prompt_text", "value", PROMPT))))));
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
