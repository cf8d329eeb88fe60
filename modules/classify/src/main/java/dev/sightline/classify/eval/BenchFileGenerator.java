package dev.sightline.classify.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Writes a "mostly clean" benchmark input as {@code {"id","text"}} JSON lines: chat prompts, prose, support tickets,
 * source code and logs as an AI gateway sees them, where a small share of documents (default 3%) are the labelled
 * corpus's sensitive documents. Clean documents still carry numbers, dates, versions, URLs, UUIDs, private IPs and
 * words such as "token" or "patient", so the prefilter's triggers fire as they would on real traffic.
 * Run: {@code BenchFileGenerator SEED MEBIBYTES FILE [SENSITIVE_PERCENT]}.
 */
public final class BenchFileGenerator {

    private static final String[] SUBJECTS = {"The migration", "Our quarterly report", "The new onboarding flow",
        "This release", "The vendor contract", "The incident review", "The marketing plan", "Our API gateway",
        "The design document", "The hiring pipeline", "The data warehouse", "The customer survey"};
    private static final String[] VERBS = {"needs another review before", "was moved to", "depends on", "should be ready by",
        "was discussed during", "has to be aligned with", "is blocked by", "will be presented at", "replaces",
        "summarises the results of"};
    private static final String[] OBJECTS = {"the planning meeting on Thursday", "the Q3 roadmap", "the security audit",
        "the last sprint", "the board presentation", "version 2.4.1 of the client", "the team offsite in March",
        "the new pricing model", "the token budget for the chatbot", "the patient portal redesign",
        "the 2025 budget", "the support backlog of 312 tickets", "the password reset flow", "the medical device pilot"};
    private static final String[] ASKS = {"Summarize the following text in three bullet points:",
        "Rewrite this paragraph so it sounds more professional:", "Translate into French:",
        "Explain like I'm five:", "Give me a catchy title for this:", "What are the risks in this plan?",
        "Write a polite reply to this message:", "Turn this into a short LinkedIn post:"};
    private static final String[] LOG_PATHS = {"/api/v1/orders", "/api/v1/users/me", "/health", "/static/app.js",
        "/v1/chat/completions", "/login", "/api/v2/search?q=shoes&page=2", "/metrics"};
    private static final String[] SERVICES = {"gateway", "billing", "auth", "search", "worker", "scheduler"};

    private final Random random;
    private final CorpusGenerator sensitive;

    public BenchFileGenerator(long seed) {
        this.random = new Random(seed);
        this.sensitive = new CorpusGenerator(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: BenchFileGenerator SEED MEBIBYTES FILE [SENSITIVE_PERCENT]");
            System.exit(2);
        }
        long bytes = (long) (Double.parseDouble(args[1]) * 1024 * 1024);
        double share = args.length == 4 ? Double.parseDouble(args[3]) / 100 : 0.03;
        BenchFileGenerator generator = new BenchFileGenerator(Long.parseLong(args[0]));
        ObjectMapper json = new ObjectMapper();
        long written = 0;
        int sensitiveDocuments = 0;
        int documents = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            while (written < bytes) {
                boolean withValues = generator.random.nextDouble() < share;
                String text = withValues ? generator.sensitive.generate(1).get(0).text() : generator.cleanDocument();
                sensitiveDocuments += withValues ? 1 : 0;
                written += text.getBytes(StandardCharsets.UTF_8).length;
                out.write(json.writeValueAsString(Map.of("id", "bench-" + documents++, "text", text)));
                out.newLine();
            }
        }
        System.out.printf("documents=%d sensitive=%d text_bytes=%d%n", documents, sensitiveDocuments, written);
    }

    /** One clean document of a random kind, about 0.3 to 8 KiB. */
    String cleanDocument() {
        StringBuilder sb = new StringBuilder();
        switch (random.nextInt(5)) {
            case 0 -> sb.append(pick(ASKS)).append("\n\n").append(prose(2 + random.nextInt(12)));
            case 1 -> prose(sb, 4 + random.nextInt(30));
            case 2 -> ticket(sb);
            case 3 -> code(sb);
            default -> log(sb, 5 + random.nextInt(60));
        }
        return sb.toString();
    }

    private String prose(int sentences) {
        StringBuilder sb = new StringBuilder();
        prose(sb, sentences);
        return sb.toString();
    }

    private void prose(StringBuilder sb, int sentences) {
        for (int i = 0; i < sentences; i++) {
            sb.append(pick(SUBJECTS)).append(' ').append(pick(VERBS)).append(' ').append(pick(OBJECTS));
            switch (random.nextInt(6)) {
                case 0 -> sb.append(", which costs about $").append(1000 + random.nextInt(90000)).append(" per year");
                case 1 -> sb.append(" (see https://wiki.acme-corp.com/display/ENG/").append(random.nextInt(9999)).append(')');
                case 2 -> sb.append(" on ").append(2020 + random.nextInt(6)).append('-').append(1 + random.nextInt(12))
                        .append('-').append(1 + random.nextInt(28));
                default -> { }
            }
            sb.append(random.nextInt(8) == 0 ? "?" : ".").append(random.nextInt(5) == 0 ? "\n\n" : " ");
        }
    }

    private void ticket(StringBuilder sb) {
        sb.append("Ticket #").append(10000 + random.nextInt(90000)).append(" - ")
                .append(pick("Export fails", "Slow dashboard", "Cannot upload file", "Wrong invoice total")).append('\n');
        sb.append("Priority: ").append(pick("low", "medium", "high")).append("\nReported: ").append(2024 + random.nextInt(2))
                .append("-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10)).append('\n');
        sb.append("Browser: Chrome/").append(120 + random.nextInt(10)).append(".0.0.0 on macOS 14.").append(random.nextInt(6))
                .append("\nRequest id: ").append(uuid()).append("\n\n");
        prose(sb, 2 + random.nextInt(8));
        sb.append("\nSteps: 1) open the report 2) click Export 3) wait ").append(10 + random.nextInt(50)).append(" seconds.\n");
    }

    private void code(StringBuilder sb) {
        sb.append(pick("Why does this fail?\n", "Refactor this:\n", "Add tests for this:\n", "")).append("```\n");
        int functions = 1 + random.nextInt(6);
        for (int f = 0; f < functions; f++) {
            switch (random.nextInt(3)) {
                case 0 -> sb.append("def load_").append(f).append("(path, limit=").append(random.nextInt(500)).append("):\n")
                        .append("    with open(path) as fh:\n        rows = [json.loads(line) for line in fh]\n")
                        .append("    # keep the newest rows only\n    return sorted(rows, key=lambda r: r[\"ts\"])[:limit]\n\n");
                case 1 -> sb.append("public List<Order> findOrders").append(f).append("(String customerId) {\n")
                        .append("    var query = \"SELECT * FROM orders WHERE customer_id = ?\";\n")
                        .append("    return jdbc.query(query, mapper, customerId).stream()\n")
                        .append("            .filter(o -> o.total() > ").append(random.nextInt(1000)).append(")\n")
                        .append("            .toList();\n}\n\n");
                default -> sb.append("export async function fetchPage").append(f).append("(page = 1) {\n")
                        .append("  const res = await fetch(`/api/items?page=${page}&size=").append(10 * (1 + random.nextInt(9)))
                        .append("`);\n  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return res.json();\n}\n\n");
            }
        }
        sb.append("```\n");
    }

    private void log(StringBuilder sb, int lines) {
        for (int i = 0; i < lines; i++) {
            sb.append("2025-0").append(1 + random.nextInt(9)).append('-').append(10 + random.nextInt(18)).append('T')
                    .append(10 + random.nextInt(13)).append(':').append(10 + random.nextInt(49)).append(':')
                    .append(10 + random.nextInt(49)).append('.').append(100 + random.nextInt(899)).append("Z ")
                    .append(pick("INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR")).append(" [").append(pick(SERVICES))
                    .append("] ");
            switch (random.nextInt(4)) {
                case 0 -> sb.append("GET ").append(pick(LOG_PATHS)).append(" status=").append(pick("200", "200", "304", "404", "500"))
                        .append(" duration_ms=").append(random.nextInt(2000)).append(" client=10.").append(random.nextInt(255))
                        .append('.').append(random.nextInt(255)).append('.').append(random.nextInt(255));
                case 1 -> sb.append("request_id=").append(uuid()).append(" user_id=").append(random.nextInt(1_000_000))
                        .append(" tokens_in=").append(random.nextInt(4000)).append(" tokens_out=").append(random.nextInt(2000));
                case 2 -> sb.append("job ").append(pick("reindex", "export", "cleanup")).append(" finished in ")
                        .append(random.nextInt(100)).append('.').append(random.nextInt(100)).append("s, commit ")
                        .append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong()));
                default -> sb.append("cache hit ratio ").append(random.nextInt(100)).append("% heap_used=")
                        .append(random.nextInt(4096)).append("MiB gc_pause_ms=").append(random.nextInt(300));
            }
            sb.append('\n');
        }
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
