package dev.sightline.bench;

import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.Identity;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.UserContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Synthetic enriched events (what events.ai-usage.enriched carries) in which every user uses every tool
 * {@code usesPerPair} times, in event-time order spread evenly over {@code span} from {@code start}. Each round visits
 * all (user, tool) pairs once, in an order scattered by a multiplicative permutation, so users and tools interleave
 * as in real traffic while the generator's memory stays fixed however many pairs there are.
 *
 * <p>The mix exercises every kind of state: all events carry bytes out (the per-department upload baseline), a few
 * are blocked (blocked-attempt windows), some use personal accounts (shadow-AI alerts), and some carry a finding with
 * its data class (sensitive-egress alerts, the audit chain and index, lineage edges).
 */
final class EnrichedUses implements Iterator<EnrichedUses.Use> {
    static final String SOURCE_PRODUCT = "zscaler";
    static final String SOURCE_TOPIC = "raw.proxy.zscaler";
    static final double BLOCKED_SHARE = 0.02;
    static final double PERSONAL_SHARE = 0.10;
    static final double FINDING_SHARE = 0.05;
    static final double UPLOAD_SHARE = 0.10;

    /** A finding type of the scanner's taxonomy with its data class and a masked preview. */
    private record FindingKind(String type, DataClass dataClass, String preview) {
    }

    private static final List<FindingKind> FINDINGS = List.of(
            new FindingKind("EMAIL_ADDRESS", DataClass.PII, "j***@example.com"),
            new FindingKind("CREDIT_CARD", DataClass.PCI, "4111 **** **** 1111"),
            new FindingKind("AWS_ACCESS_KEY_ID", DataClass.SECRET, "AKIA************MPLE"));

    /** One event and its record key (the user, as the enrich stage keys it). */
    record Use(String user, AiUsageEvent event) {
    }

    private final List<Identity> users;
    private final List<ToolMatch> tools;
    private final List<String> hosts;
    private final int usesPerPair;
    private final long pairs;
    private final long multiplier;
    private final long events;
    private final long startMs;
    private final double gapMs;
    private final SplittableRandom random;
    private long next;

    EnrichedUses(List<Identity> users, List<AiTool> tools, int usesPerPair, Instant start, Duration span, long seed) {
        if (users.isEmpty() || tools.isEmpty() || usesPerPair < 1) {
            throw new IllegalArgumentException("need users, tools and at least one use per pair");
        }
        this.users = List.copyOf(users);
        this.tools = tools.stream().map(EnrichedUses::match).toList();
        this.hosts = tools.stream().map(EnrichedUses::host).toList();
        this.usesPerPair = usesPerPair;
        this.pairs = (long) users.size() * tools.size();
        this.multiplier = coprimeNear(pairs, (long) (pairs * 0.618_033_988_7) | 1);
        this.events = pairs * usesPerPair;
        this.startMs = start.toEpochMilli();
        this.gapMs = (double) span.toMillis() / events;
        this.random = new SplittableRandom(seed);
    }

    long events() {
        return events;
    }

    @Override
    public boolean hasNext() {
        return next < events;
    }

    @Override
    public Use next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long index = next++;
        // a*i + round mod pairs: a permutation of the pairs, shifted each round
        long pair = Math.floorMod(Math.multiplyExact(index % pairs, multiplier) + index / pairs, pairs);
        Identity user = users.get((int) (pair % users.size()));
        int tool = (int) (pair / users.size());
        Instant at = Instant.ofEpochMilli(startMs + (long) (index * gapMs));
        return new Use(user.getUserId(), event(index, user, tool, at));
    }

    private AiUsageEvent event(long index, Identity user, int tool, Instant at) {
        boolean upload = random.nextDouble() < UPLOAD_SHARE;
        AiUsageEvent event = AiUsageEvent.newBuilder()
                .setEventId("statebench-" + index).setEventTime(at).setIngestTime(at)
                .setSource(SourceCoordinates.newBuilder().setFormat(SOURCE_PRODUCT).setTopic(SOURCE_TOPIC)
                        .setPartition(0).setOffset(index).build())
                .setSourceProduct(SOURCE_PRODUCT).setUser(user.getUserId()).setUserVerified(true)
                .setHost(hosts.get(tool)).setMethod("POST").setStatus(200)
                .setBytesOut(upload ? random.nextLong(10_000, 5_000_000) : random.nextLong(200, 5_000))
                .setBytesIn(random.nextLong(500, 20_000))
                .setProxyAction(random.nextDouble() < BLOCKED_SHARE ? ProxyAction.BLOCKED : ProxyAction.ALLOWED)
                .setActivity(upload ? Activity.UPLOAD : Activity.PROMPT)
                .setAccountType(random.nextDouble() < PERSONAL_SHARE ? AccountType.PERSONAL : AccountType.CORPORATE)
                .setFileName(upload ? "report-" + index + ".xlsx" : null)
                .setAssets(List.of()).setAttributes(Map.of())
                .setTool(tools.get(tool))
                .setIdentity(UserContext.newBuilder().setDepartment(user.getDepartment()).setGroups(user.getGroups())
                        .setManager(user.getManager()).build())
                .setFindings(List.of()).setDataClasses(List.of()).setContentTruncated(false)
                .build();
        if (random.nextDouble() < FINDING_SHARE) {
            FindingKind kind = FINDINGS.get(random.nextInt(FINDINGS.size()));
            event.setFindings(List.of(Finding.newBuilder().setType(kind.type()).setDataClass(kind.dataClass())
                    .setStart(0).setEnd(16).setConfidence(0.95).setMaskedPreview(kind.preview())
                    .setValueHash(Long.toHexString(random.nextLong())).build()));
            event.setDataClasses(List.of(kind.dataClass()));
        }
        return event;
    }

    /** The catalogued match the enrich stage makes for a tool (ToolDirectory), on its first host rule. */
    private static ToolMatch match(AiTool tool) {
        return ToolMatch.newBuilder().setToolId(tool.getId()).setName(tool.getName()).setVendor(tool.getVendor())
                .setCategory(tool.getCategory()).setSanction(tool.getSanction()).setRiskScore(tool.getRiskScore())
                .setMatchedRule(tool.getHostPatterns().isEmpty() ? "statebench" : tool.getHostPatterns().get(0).getPattern())
                .setCandidate(false).build();
    }

    private static String host(AiTool tool) {
        String pattern = tool.getHostPatterns().isEmpty() ? tool.getId() + ".example"
                : tool.getHostPatterns().get(0).getPattern();
        return pattern.replace("*", "www").replaceFirst("^\\.", "");
    }

    /** The first number from {@code start} that shares no factor with {@code n}: a*i mod n is then a permutation. */
    static long coprimeNear(long n, long start) {
        long candidate = Math.max(1, start);
        while (gcd(candidate, n) != 1) {
            candidate++;
        }
        return candidate;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
