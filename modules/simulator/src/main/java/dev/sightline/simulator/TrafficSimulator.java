package dev.sightline.simulator;

import dev.sightline.model.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A seeded, deterministic source of realistic raw records in every supported format: a population of people in
 * departments, a Zipf-distributed long tail of AI and non-AI destinations, browsing, prompts (clean, with sensitive
 * values, with look-alikes), API calls, uploads, tunnels, logins, blocked attempts that the same person repeats,
 * personal and corporate AI accounts, and M365 Copilot interactions touching labelled files.
 *
 * <p>The caller paces: {@link #next()} returns at once, so a demo sleeps between records and a benchmark calls it in
 * a loop. Not thread safe: one simulator per thread (give each its own seed).
 */
public final class TrafficSimulator implements Iterator<SimulatedRecord> {
    private static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0"
                    + " Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0"
                    + " Safari/537.36 Edg/130.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0"
                    + " Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0");
    private static final List<String> EGRESS_IPS = List.of("203.0.113.24", "203.0.113.25", "198.51.100.7");
    private static final int SENSORS_PER_FORMAT = 4;
    /** Bound on scheduled retries of blocked attempts: the simulator's memory stays constant. */
    private static final int MAX_PENDING_RETRIES = 1024;

    private final SimulationSettings settings;
    private final SplittableRandom rng;
    private final Population population;
    private final Destinations destinations;
    private final PromptComposer prompts;
    private final TimeText time = new TimeText();
    private final String[] formats;
    private final Topic[] topics;
    private final double[] formatCumulative;
    private final byte[][][] sensorKeys;
    private final SquidWriter squid;
    private final ZscalerWriter zscaler;
    private final NetskopeWriter netskope;
    private final EcsWriter ecs;
    private final M365Writer m365;
    private final ChatGptWriter chatGpt;
    private final GeminiWriter gemini;
    private final ArrayDeque<SimulatedRecord> queued = new ArrayDeque<>();
    private final PriorityQueue<Retry> retries = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final double meanGapMillis;
    private long clockMillis;
    private long sequence;

    /** A blocked attempt the person will make again. */
    private record Retry(long due, int formatIndex, Population.Member member, Destination destination) {
    }

    public TrafficSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.rng = new SplittableRandom(settings.seed());
        this.population = new Population(settings.seed(), settings.users(), settings.orgDomain());
        this.destinations = new Destinations(settings.orgDomain());
        this.prompts = new PromptComposer(settings.orgDomain());
        List<String> chosen = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String format : SimulationSettings.FORMATS) { // fixed order: determinism
            double weight = settings.formatWeights().getOrDefault(format, 0.0);
            if (weight > 0) {
                chosen.add(format);
                weights.add(weight);
            }
        }
        this.formats = chosen.toArray(String[]::new);
        this.topics = chosen.stream().map(TrafficSimulator::topicFor).toArray(Topic[]::new);
        this.formatCumulative = Sampling.cumulative(weights, w -> w);
        this.sensorKeys = new byte[formats.length][SENSORS_PER_FORMAT][];
        for (int f = 0; f < formats.length; f++) {
            for (int s = 0; s < SENSORS_PER_FORMAT; s++) {
                sensorKeys[f][s] = (formats[f] + "-sensor-" + (s + 1)).getBytes(StandardCharsets.UTF_8);
            }
        }
        String squidFormat = chosen.stream().filter(SimulationSettings.SQUID_FORMATS::contains).findFirst()
                .orElse("squid");
        JsonOut json = new JsonOut();
        this.squid = new SquidWriter(squidFormat, time);
        this.zscaler = new ZscalerWriter(json, time, settings.seed());
        this.netskope = new NetskopeWriter(json, time, settings.seed());
        this.ecs = new EcsWriter(json, time, settings.orgDomain());
        this.m365 = new M365Writer(json, time, settings.orgDomain(), settings.seed());
        this.chatGpt = new ChatGptWriter(json, settings.seed());
        this.gemini = new GeminiWriter(json, time, settings.seed());
        this.meanGapMillis = 1000.0 / settings.clockRate();
        this.clockMillis = settings.start().toEpochMilli();
    }

    /** The raw topic that carries a format by default; every Squid flavour goes to raw.proxy.squid. */
    public static Topic topicFor(String format) {
        if (SimulationSettings.SQUID_FORMATS.contains(format)) {
            return Topic.RAW_PROXY_SQUID;
        }
        return Topic.raw().stream().filter(t -> t.defaultFormat().orElse("").equals(format)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no raw topic carries format '" + format + "'"));
    }

    /** The simulated people, e.g. to load an identity table that matches the traffic. */
    public List<SimulatedUser> users() {
        return population.members().stream().map(Population.Member::user).toList();
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** Always true: the simulation never ends; bound it with {@link Stream#limit}. */
    @Override
    public boolean hasNext() {
        return true;
    }

    /** The records as an endless sequential stream. */
    public Stream<SimulatedRecord> stream() {
        return Stream.generate(this::next);
    }

    @Override
    public SimulatedRecord next() {
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        clockMillis += Math.max(0, Math.round(-Math.log(1 - rng.nextDouble()) * meanGapMillis));
        sequence++;
        Retry retry = retries.peek();
        if (retry != null && retry.due <= clockMillis) {
            retries.poll();
            return web(retry.formatIndex, retry.member, retry.destination, true);
        }
        int f = Sampling.index(formatCumulative, rng.nextDouble() * Sampling.total(formatCumulative));
        Population.Member member = population.pick(rng);
        return switch (formats[f]) {
            case "m365-audit" -> m365(f, member);
            case "chatgpt-compliance" -> chatGpt(f, member);
            case "gemini-audit" -> gemini(f, member);
            default -> {
                double aiChance = Math.min(0.95, settings.aiShare() * member.department().aiAffinity()
                        / population.meanAiAffinity());
                Destination destination = rng.nextDouble() < aiChance ? destinations.pickAi(rng)
                        : destinations.pickWeb(rng);
                yield web(f, member, destination, false);
            }
        };
    }

    // ---- web proxies ----

    private SimulatedRecord web(int f, Population.Member member, Destination destination, boolean retry) {
        String format = formats[f];
        boolean isSquid = SimulationSettings.SQUID_FORMATS.contains(format);
        if (isSquid && rng.nextDouble() < 0.003) {
            // a client that connects and closes before sending a request: logged, but not a transaction
            byte[] line = squid.errorLine(clockMillis, clientIp(member));
            return record(f, line, clockMillis, labels(member, null, false, Intent.OTHER, false, false, false, null,
                    false, Set.of(), null));
        }
        boolean intercepted = isSquid ? settings.squidTlsInterception() && destination.category().intercepted()
                : destination.category().intercepted();
        WebTransaction t = transaction(member, destination, format, !intercepted,
                isSquid && rng.nextDouble() < 0.02);
        if (t.blocked() && !retry && !t.authChallenge() && retries.size() < MAX_PENDING_RETRIES) {
            int again = 1 + rng.nextInt(3);
            for (int i = 0; i < again; i++) {
                retries.add(new Retry(clockMillis + 3_000 + rng.nextInt(120_000), f, member, destination));
            }
        }
        SimulatedRecord.Labels labels = labels(member, destination.host(), destination.ai(), t.intent(),
                t.blocked(), t.tunnel(), true, t.prompt(), t.account() != null && t.account().personal(),
                Set.of(), t.fileName());
        byte[] value = switch (format) {
            case "zscaler" -> zscaler.write(t);
            case "netskope" -> netskope.write(t);
            case "ecs" -> ecs.write(t);
            default -> squid.transaction(t, intercepted);
        };
        SimulatedRecord main = record(f, value, t.endMillis(), labels);
        if (!isSquid || !intercepted || t.authChallenge()) {
            return main;
        }
        if (t.blocked()) {
            queued.add(main);
            return record(f, squid.deniedPreamble(t), t.endMillis() - 1, labels);
        }
        if (rng.nextDouble() < 0.2) { // a new connection; later requests reuse it
            queued.add(main);
            return record(f, squid.tlsPreamble(t), t.endMillis() - t.elapsedMs(), labels(member, destination.host(),
                    destination.ai(), t.intent(), false, true, false, null, false, Set.of(), null));
        }
        return main;
    }

    private WebTransaction transaction(Population.Member member, Destination d, String format, boolean tunnel,
            boolean authChallenge) {
        Intent intent = d.category().intent(rng.nextDouble());
        if (intent == Intent.PROMPT && d.promptPath() == null || intent == Intent.UPLOAD && d.uploadPath() == null
                || intent == Intent.API_CALL && d.apiPath() == null) {
            intent = Intent.BROWSE;
        }
        String path = switch (intent) {
            case PROMPT -> expand(d.promptPath());
            case UPLOAD -> expand(d.uploadPath());
            case API_CALL -> rng.nextDouble() < 0.05 ? expand(SensitiveValues.pick(rng, d.browsePaths()))
                    : d.apiPath();
            case LOGIN -> d.loginPath();
            case OTHER -> expand(SensitiveValues.pick(rng, d.browsePaths()));
            case BROWSE -> expand(SensitiveValues.pick(rng, d.browsePaths()));
        };
        String method = switch (intent) {
            case BROWSE -> "GET";
            case API_CALL -> path.equals(d.apiPath()) ? "POST" : "GET";
            case LOGIN -> rng.nextBoolean() ? "GET" : "POST";
            default -> "POST";
        };
        boolean blocked = authChallenge || d.blocked();
        Prompt prompt = null;
        if (format.equals("zscaler") && intent == Intent.PROMPT && !tunnel && d.promptPath() != null) {
            prompt = prompt(member);
        }
        String fileName = intent == Intent.UPLOAD ? SensitiveValues.pick(rng, member.department().fileNames()) : null;
        long body = switch (intent) {
            case PROMPT -> prompt != null ? prompt.text().length() + 600L : 400 + rng.nextInt(6000);
            case UPLOAD -> rng.nextDouble() < 0.7 ? 8_000 + rng.nextInt(400_000) : 1_000_000 + rng.nextInt(24_000_000);
            case API_CALL -> method.equals("POST") ? 800 + rng.nextInt(12_000) : 0;
            case LOGIN -> method.equals("POST") ? 300 + rng.nextInt(500) : 0;
            case OTHER -> 200 + rng.nextInt(5000);
            case BROWSE -> 0;
        };
        int status = blocked ? (authChallenge ? 407 : 403) : status(intent);
        long response = authChallenge ? 3_900 + rng.nextInt(100) : blocked ? 3_380 + rng.nextInt(60)
                : status == 0 ? 0 : switch (intent) {
                    case BROWSE -> d.category() == Category.AI_MODEL_HUB && rng.nextDouble() < 0.2
                            ? 50_000_000L + rng.nextInt(900_000_000) : (long) (Math.exp(rng.nextGaussian() + 9.9));
                    case PROMPT -> 2_000 + rng.nextInt(40_000);
                    case API_CALL -> 1_000 + rng.nextInt(8_000);
                    default -> 300 + rng.nextInt(2_000);
                };
        int elapsed = tunnel ? 1_000 + rng.nextInt(300_000) : switch (intent) {
            case PROMPT -> 1_500 + rng.nextInt(28_000);
            case UPLOAD -> 500 + (int) (body / 2_000);
            case API_CALL -> 300 + rng.nextInt(9_000);
            default -> 5 + rng.nextInt(800);
        };
        if (blocked) {
            elapsed = rng.nextInt(3);
        }
        WebTransaction.Account account = d.ai() && intent != Intent.API_CALL ? account(member, d) : null;
        String mime = switch (intent) {
            case PROMPT -> "text/event-stream";
            case API_CALL, UPLOAD -> "application/json";
            default -> d.category() == Category.CDN ? (path.endsWith(".js") ? "application/javascript"
                    : path.endsWith(".css") ? "text/css" : "font/woff2") : "text/html";
        };
        return new WebTransaction(clockMillis, elapsed, member, clientIp(member), d, intent, method, path, status,
                300 + rng.nextInt(600), body, response, blocked, authChallenge, tunnel, mime,
                userAgent(member, d, intent), prompt, fileName, account, sequence);
    }

    private int status(Intent intent) {
        double roll = rng.nextDouble();
        if (roll < 0.005) {
            return 0; // the client gave up
        }
        if (roll < 0.025) {
            return 404;
        }
        if (roll < 0.035) {
            return 302;
        }
        return intent == Intent.BROWSE && roll < 0.065 ? 304 : 200;
    }

    /** Corporate instance mostly; personal accounts more often at tools the organisation did not sanction. */
    private WebTransaction.Account account(Population.Member member, Destination d) {
        double personalChance = d.sanctioned() ? 0.1 : 0.45;
        if (rng.nextDouble() < personalChance) {
            String personal = member.user().personalEmail();
            return new WebTransaction.Account(true, "user-" + Integer.toHexString(personal.hashCode()), personal);
        }
        return new WebTransaction.Account(false, "org-" + Population.netbiosName(settings.orgDomain())
                .toLowerCase(Locale.ROOT), Population.netbiosName(settings.orgDomain()));
    }

    private String userAgent(Population.Member member, Destination d, Intent intent) {
        if (intent != Intent.API_CALL) {
            return BROWSERS.get(Math.floorMod(member.user().upn().hashCode(), BROWSERS.size()));
        }
        return switch (d.app()) {
            case "OpenAI", "Azure OpenAI" -> "OpenAI/Python 1.54.3";
            case "Anthropic", "Amazon Bedrock" -> "anthropic-python/0.39.0";
            case "GitHub Copilot" -> "GitHubCopilotChat/0.22.4";
            case "Cursor" -> "Cursor/0.42.3";
            default -> d.category() == Category.AI_CODE ? "Windsurf/1.2.1" : "python-httpx/0.27.0";
        };
    }

    private String clientIp(Population.Member member) {
        List<String> ips = member.user().clientIps();
        return ips.size() == 1 || rng.nextDouble() < 0.8 ? ips.get(0) : ips.get(1);
    }

    /** The path with each {@code *} replaced by a fresh id. */
    private String expand(String template) {
        int star = template.indexOf('*');
        if (star < 0) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length() + 24);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '*') {
                SensitiveValues.appendRandom(sb, rng, "0123456789abcdef", 12);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Prompt prompt(Population.Member member) {
        double roll = rng.nextDouble();
        if (roll < settings.sensitiveShare()) {
            return prompts.sensitive(rng, member.department(), clockMillis / 1000);
        }
        if (roll < settings.sensitiveShare() + settings.hardNegativeShare()) {
            return prompts.hardNegative(rng);
        }
        return prompts.clean(rng);
    }

    // ---- SaaS audit logs ----

    private SimulatedRecord m365(int f, Population.Member member) {
        M365Writer.Written written = m365.write(member, SensitiveValues.pick(rng, EGRESS_IPS), clockMillis, rng);
        return record(f, written.value(), clockMillis, labels(member, null, true, Intent.PROMPT, false, false, true,
                null, false, written.labels(), null));
    }

    private SimulatedRecord chatGpt(int f, Population.Member member) {
        Prompt prompt = prompt(member);
        String fileName = rng.nextDouble() < 0.1 ? SensitiveValues.pick(rng, member.department().fileNames()) : null;
        byte[] value = chatGpt.write(member, clockMillis, prompt, fileName, rng);
        return record(f, value, clockMillis, labels(member, "chatgpt.com", true,
                fileName == null ? Intent.PROMPT : Intent.UPLOAD, false, false, true, prompt, false, Set.of(),
                fileName));
    }

    private SimulatedRecord gemini(int f, Population.Member member) {
        GeminiWriter.Written written = gemini.write(member, SensitiveValues.pick(rng, EGRESS_IPS), clockMillis, rng);
        return record(f, written.value(), clockMillis, labels(member, null, true, written.intent(), false, false,
                true, null, false, Set.of(), null));
    }

    // ---- records ----

    private SimulatedRecord.Labels labels(Population.Member member, String host, boolean ai, Intent intent,
            boolean blocked, boolean tunnel, boolean transaction, Prompt prompt, boolean personal,
            Set<String> assetLabels, String fileName) {
        Set<SensitiveType> sensitive = prompt == null || prompt.sensitive().isEmpty() ? Set.of()
                : EnumSet.copyOf(prompt.sensitive());
        return new SimulatedRecord.Labels(member.user().upn(), host, ai, intent, blocked, tunnel, transaction,
                prompt != null, sensitive, prompt != null && prompt.hardNegative(), personal, assetLabels, fileName);
    }

    private SimulatedRecord record(int f, byte[] value, long millis, SimulatedRecord.Labels labels) {
        byte[] key = sensorKeys[f][(int) (sequence % SENSORS_PER_FORMAT)].clone();
        return new SimulatedRecord(topics[f], formats[f], key, value, Instant.ofEpochMilli(millis),
                labels);
    }
}
