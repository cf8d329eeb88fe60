package dev.sightline.detect.rules;

import dev.sightline.detect.Actor;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.RuleIdentity;
import dev.sightline.detect.DetectionWindow;
import dev.sightline.detect.Severity;
import dev.sightline.detect.state.Ewma;
import dev.sightline.detect.state.UsageBaselines;
import dev.sightline.detect.state.UserUsage;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Upload anomaly: a user's bytes to AI tools in a tumbling window (default 1 h) far above both their own baseline and
 * their department's, and above a floor (default 50 MiB) so small absolute volumes never alert.
 *
 * <p>Baselines are EWMA mean and variance (alpha {@value #ALPHA}) of past window totals: the user's own, and for the
 * department those of all its members' windows. A window is folded into both when the user's next window starts
 * (windows without uploads are not folded: the baseline is of active windows). "Far above" means
 * {@code bytes > mean + k * max(sd, mean / 4)} with k = policy threshold {@value #ZSCORE} (default 4); the sd floor
 * keeps a very regular user from alerting on a modest rise. A baseline with fewer than {@value #MIN_SAMPLES} windows
 * is not yet evidence either way, so only the other baseline and the floor decide. Unknown bytes (null) are not
 * zero: such events are skipped. Events older than the user's current window do not count.
 */
public final class UploadAnomalyRule implements DetectionRule {
    public static final String ID = "upload-anomaly";
    public static final int VERSION = 1;
    public static final List<String> CONTROLS = List.of("A.6.2.6", "A.4.3");
    public static final RuleIdentity IDENTITY = new RuleIdentity(ID, VERSION, CONTROLS);
    public static final String FLOOR = "upload-anomaly.floor.bytes";
    public static final String ZSCORE = "upload-anomaly.zscore";
    public static final String WINDOW = "upload-anomaly.window.seconds";
    public static final double DEFAULT_FLOOR = 50.0 * (1 << 20);
    public static final double DEFAULT_ZSCORE = 4;
    public static final Duration DEFAULT_USAGE_WINDOW = Duration.ofHours(1);
    public static final Duration MAX_USAGE_WINDOW = Duration.ofDays(1);
    /** Department key of users the directory does not know. */
    public static final String NO_DEPARTMENT = "(none)";
    static final double ALPHA = 0.2;
    static final long MIN_SAMPLES = 3;

    private final UsageBaselines baselines;

    public UploadAnomalyRule(UsageBaselines baselines) {
        this.baselines = baselines;
    }

    @Override
    public RuleIdentity identity() {
        return IDENTITY;
    }

    /** The department key the topology partitions by, so that a department's baseline has a single owner. */
    public static String departmentKey(AiUsageEvent event) {
        return Actor.department(event).filter(d -> !d.isBlank()).orElse(NO_DEPARTMENT);
    }

    @Override
    public List<Detection> evaluate(AiUsageEvent event, DetectionContext context) {
        Long bytes = event.getBytesOut();
        if (event.getTool() == null || event.getProxyAction() == ProxyAction.BLOCKED || bytes == null || bytes <= 0) {
            return List.of();
        }
        Duration window = Duration.ofSeconds((long) context.policy().threshold(WINDOW, DEFAULT_USAGE_WINDOW.toSeconds()));
        if (window.compareTo(MAX_USAGE_WINDOW) > 0 || window.isZero()) {
            window = DEFAULT_USAGE_WINDOW;
        }
        String actor = Actor.key(event);
        String department = departmentKey(event);
        Instant windowStart = DetectionWindow.start(event.getEventTime(), window);
        Optional<UserUsage> stored = baselines.user(actor);
        if (stored.isPresent() && windowStart.isBefore(stored.get().windowStart())) {
            return List.of();
        }
        Ewma departmentBaseline = baselines.department(department).orElse(Ewma.EMPTY);
        UserUsage usage = stored.orElse(new UserUsage(windowStart, 0, Ewma.EMPTY));
        if (usage.windowStart().isBefore(windowStart)) {
            // The previous window is over: it becomes history for the user and the department.
            departmentBaseline = departmentBaseline.add(usage.windowBytes(), ALPHA);
            baselines.putDepartment(department, departmentBaseline);
            usage = new UserUsage(windowStart, 0, usage.baseline().add(usage.windowBytes(), ALPHA));
        }
        usage = new UserUsage(windowStart, usage.windowBytes() + bytes, usage.baseline());
        baselines.putUser(actor, usage);

        double floor = context.policy().threshold(FLOOR, DEFAULT_FLOOR);
        double k = context.policy().threshold(ZSCORE, DEFAULT_ZSCORE);
        long total = usage.windowBytes();
        if (total < floor || !farAbove(total, usage.baseline(), k) || !farAbove(total, departmentBaseline, k)) {
            return List.of();
        }
        String description = actor + " uploaded " + mib(total) + " MiB to AI tools in " + window.toMinutes()
                + " min, against a usual " + mib(usage.baseline().mean()) + " MiB for them and "
                + mib(departmentBaseline.mean()) + " MiB in " + department + ".";
        return List.of(new Detection(this, actor, Detection.NO_TOOL, "Unusual upload volume to AI tools by " + actor,
                description, total >= 10 * floor ? Severity.HIGH : Severity.MEDIUM, 0.7,
                Set.copyOf(event.getDataClasses()), List.of(), window,
                Map.of("windowBytes", Long.toString(total),
                        "userMeanBytes", Long.toString(Math.round(usage.baseline().mean())),
                        "departmentMeanBytes", Long.toString(Math.round(departmentBaseline.mean())),
                        "floorBytes", Long.toString(Math.round(floor)), "zscore", Double.toString(k)),
                "Find out what was uploaded and why; check the files against the classification table."));
    }

    static boolean farAbove(double value, Ewma baseline, double k) {
        if (baseline.samples() < MIN_SAMPLES) {
            return true;
        }
        double spread = Math.max(baseline.standardDeviation(), baseline.mean() / 4);
        return value > baseline.mean() + k * spread;
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1 << 20));
    }
}
