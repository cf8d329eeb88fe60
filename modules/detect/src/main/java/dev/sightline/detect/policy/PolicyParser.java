package dev.sightline.detect.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sightline.detect.policy.PolicyVocabulary.Kind;
import dev.sightline.model.AccountType;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.Policy;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.Suppression;
import dev.sightline.model.ToolRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and validates a policy document (YAML; see deploy/policy.example.yaml) into the Avro {@link Policy} of
 * ref.policies. Every problem is collected with the path of the offending key; one problem refuses the whole document.
 *
 * <p>The {@code tools} section has the shape of the catalog's organisation override file ({@code sanction}, {@code
 * owner}, {@code approvals} with {@code departments}, {@code groups}, {@code data_classes}, {@code account_type},
 * {@code expires}), keyed by tool id, plus {@code severity} and, per approval, {@code id} and {@code approved_by}.
 * Where both name a tool, the policy wins over the catalog override file: the policy is what the organisation
 * imported last and is versioned; the override file only seeds the catalog.
 */
public final class PolicyParser {
    /** Larger documents are refused before parsing; a real policy is a few kilobytes. */
    public static final int MAX_DOCUMENT_CHARS = 1 << 20;

    private static final ObjectMapper YAML = YAMLMapper.builder(yamlFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern TOOL_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,127}");
    private static final int MIN_SEVERITY = 1;
    private static final int MAX_SEVERITY = 5;
    private static final double MILLIS_PER_SECOND = 1000.0;

    private static final Set<String> TOP = Set.of("id", "version", "name", "tools", "thresholds", "suppressions",
            "severity_overrides");
    private static final Set<String> TOOL = Set.of("sanction", "owner", "severity", "approvals");
    private static final Set<String> APPROVAL = Set.of("id", "departments", "groups", "data_classes", "account_type",
            "expires", "owner", "approved_by");
    private static final Set<String> SUPPRESSION = Set.of("rule", "tool", "user", "until", "window", "reason");
    private static final List<String> ACCOUNT_TYPES = List.of("corporate", "personal", "any");

    private final List<PolicyProblem> problems = new ArrayList<>();
    private final Keys keys = new Keys(problems);

    private PolicyParser() {
    }

    /**
     * @param document   the YAML text; kept verbatim in {@code Policy.document}
     * @param importedAt when this version is imported
     * @param importedBy who imports it, or null
     */
    public static PolicyLoad parse(String document, Instant importedAt, String importedBy) {
        return new PolicyParser().read(document, importedAt, importedBy);
    }

    private PolicyLoad read(String document, Instant importedAt, String importedBy) {
        if (document.length() > MAX_DOCUMENT_CHARS) {
            return new PolicyLoad.Rejected(List.of(new PolicyProblem("",
                    "document too large (" + document.length() + " characters, at most " + MAX_DOCUMENT_CHARS + ")")));
        }
        JsonNode root;
        try {
            root = YAML.readTree(document);
        } catch (JsonProcessingException e) {
            return new PolicyLoad.Rejected(List.of(syntaxProblem(e)));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new PolicyLoad.Rejected(List.of(new PolicyProblem("", "empty document")));
        }
        Map<String, JsonNode> top = keys.object(root, "", TOP, Set.of("id", "version"));
        Policy.Builder policy = Policy.newBuilder()
                .setId(top.containsKey("id") ? keys.matching(top.get("id"), "id", ID, "lower-case letters, digits, '.', '_' and '-'").orElse("") : "")
                .setVersion(top.containsKey("version") ? keys.integer(top.get("version"), "version", 1, Integer.MAX_VALUE).orElse(0) : 0)
                .setName(Optional.ofNullable(top.get("name")).flatMap(n -> keys.text(n, "name")).orElse(null))
                .setToolRules(toolRules(top.get("tools")))
                .setThresholds(thresholds(top.get("thresholds")))
                .setSuppressions(suppressions(top.get("suppressions")))
                .setSeverityOverrides(severityOverrides(top.get("severity_overrides")))
                .setDocument(document)
                .setImportedAt(importedAt)
                .setImportedBy(importedBy);
        return problems.isEmpty() ? new PolicyLoad.Loaded(policy.build()) : new PolicyLoad.Rejected(problems);
    }

    private List<ToolRule> toolRules(JsonNode tools) {
        List<ToolRule> rules = new ArrayList<>();
        keys.entries(tools, "tools").forEach((toolId, node) -> {
            String path = "tools." + toolId;
            if (!TOOL_ID.matcher(toolId).matches()) {
                problems.add(new PolicyProblem(path, "not a catalog tool id (lower-case letters, digits, '.' and '-')"));
            }
            Map<String, JsonNode> fields = keys.object(node, path, TOOL, Set.of("sanction"));
            SanctionStatus status = Optional.ofNullable(fields.get("sanction"))
                    .flatMap(n -> keys.choice(n, path + ".sanction", names(SanctionStatus.values())))
                    .map(s -> SanctionStatus.valueOf(s.toUpperCase(Locale.ROOT)))
                    .orElse(SanctionStatus.UNREVIEWED);
            String owner = Optional.ofNullable(fields.get("owner")).flatMap(n -> keys.text(n, path + ".owner")).orElse(null);
            List<Approval> approvals = approvals(fields.get("approvals"), path + ".approvals", toolId, owner);
            if (!approvals.isEmpty() && status != SanctionStatus.SANCTIONED && status != SanctionStatus.TOLERATED) {
                problems.add(new PolicyProblem(path + ".approvals",
                        "approvals apply only to a sanctioned or tolerated tool, not to an " + status.name().toLowerCase(Locale.ROOT) + " one"));
            }
            rules.add(ToolRule.newBuilder()
                    .setToolId(toolId)
                    .setStatus(status)
                    .setApprovals(approvals)
                    .setSeverityOverride(Optional.ofNullable(fields.get("severity"))
                            .flatMap(n -> keys.integer(n, path + ".severity", MIN_SEVERITY, MAX_SEVERITY)).orElse(null))
                    .build());
        });
        return rules;
    }

    private List<Approval> approvals(JsonNode list, String path, String toolId, String toolOwner) {
        List<Approval> approvals = new ArrayList<>();
        List<JsonNode> items = keys.list(list, path);
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, JsonNode> fields = keys.object(items.get(i), at, APPROVAL, Set.of());
            String accountType = Optional.ofNullable(fields.get("account_type"))
                    .flatMap(n -> keys.choice(n, at + ".account_type", ACCOUNT_TYPES)).orElse("corporate");
            approvals.add(Approval.newBuilder()
                    .setId(Optional.ofNullable(fields.get("id")).flatMap(n -> keys.text(n, at + ".id"))
                            .orElse(toolId + "/" + (i + 1)))
                    .setDepartments(keys.texts(fields.get("departments"), at + ".departments"))
                    .setGroups(keys.texts(fields.get("groups"), at + ".groups"))
                    .setDataClasses(dataClasses(fields.get("data_classes"), at + ".data_classes"))
                    .setAccountTypes(accountType.equals("any") ? List.of(AccountType.CORPORATE, AccountType.PERSONAL)
                            : List.of(AccountType.valueOf(accountType.toUpperCase(Locale.ROOT))))
                    // inclusive day: the approval lapses when the day after it begins (UTC)
                    .setExpiresAt(Optional.ofNullable(fields.get("expires")).flatMap(n -> keys.date(n, at + ".expires"))
                            .map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(null))
                    .setOwner(Optional.ofNullable(fields.get("owner")).flatMap(n -> keys.text(n, at + ".owner")).orElse(toolOwner))
                    .setApprovedBy(Optional.ofNullable(fields.get("approved_by")).flatMap(n -> keys.text(n, at + ".approved_by")).orElse(null))
                    .build());
        }
        return approvals;
    }

    private List<DataClass> dataClasses(JsonNode node, String path) {
        List<DataClass> classes = new ArrayList<>();
        List<String> allowed = Arrays.stream(DataClass.values()).map(Enum::name).toList();
        List<JsonNode> items = keys.list(node, path);
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            keys.text(items.get(i), at).map(t -> t.strip().toUpperCase(Locale.ROOT).replace('-', '_'))
                    .flatMap(t -> keys.oneOf(t, at, allowed, "data class"))
                    .map(DataClass::valueOf)
                    .filter(c -> !classes.contains(c))
                    .ifPresent(classes::add);
        }
        return classes;
    }

    private Map<String, Double> thresholds(JsonNode node) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        keys.entries(node, "thresholds").forEach((rule, settings) -> {
            String path = "thresholds." + rule;
            if (keys.oneOf(rule, path, PolicyVocabulary.RULE_IDS, "rule").isEmpty()) {
                return;
            }
            Map<String, Kind> known = PolicyVocabulary.thresholdsOf(rule);
            keys.object(settings, path, known.keySet(), Set.of()).forEach((name, value) ->
                    threshold(value, path + "." + name, known.get(name))
                            .map(v -> known.get(name) == Kind.DURATION ? v / MILLIS_PER_SECOND : v)
                            .ifPresent(v -> thresholds.put(PolicyVocabulary.thresholdKey(rule, name, known.get(name)), v)));
        });
        return thresholds;
    }

    /** The value of a threshold; durations in milliseconds. */
    private Optional<Double> threshold(JsonNode value, String path, Kind kind) {
        Optional<Double> parsed = switch (kind) {
            case COUNT -> value.isIntegralNumber() && value.asLong() >= 1 ? Optional.of(value.asDouble()) : Optional.empty();
            case NUMBER -> value.isNumber() && value.asDouble() > 0 && Double.isFinite(value.asDouble())
                    ? Optional.of(value.asDouble()) : Optional.empty();
            case RATIO -> value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1
                    ? Optional.of(value.asDouble()) : Optional.empty();
            case BYTES -> value.isIntegralNumber() ? Optional.of(value.asDouble()).filter(v -> v >= 0)
                    : value.isTextual() ? boxed(Quantities.bytes(value.asText())) : Optional.empty();
            case DURATION -> value.isTextual() ? boxed(Quantities.durationMillis(value.asText())).filter(v -> v > 0)
                    : Optional.empty();
        };
        if (parsed.isEmpty()) {
            problems.add(new PolicyProblem(path, "not " + kind.allowed()));
        }
        return parsed;
    }

    private List<Suppression> suppressions(JsonNode node) {
        List<Suppression> suppressions = new ArrayList<>();
        List<JsonNode> items = keys.list(node, "suppressions");
        for (int i = 0; i < items.size(); i++) {
            String at = "suppressions[" + i + "]";
            Map<String, JsonNode> fields = keys.object(items.get(i), at, SUPPRESSION, Set.of("rule"));
            String rule = Optional.ofNullable(fields.get("rule")).flatMap(n -> keys.text(n, at + ".rule"))
                    .flatMap(r -> keys.oneOf(r, at + ".rule", PolicyVocabulary.RULE_IDS, "rule")).orElse("");
            Instant until = Optional.ofNullable(fields.get("until")).flatMap(n -> instant(n, at + ".until")).orElse(null);
            long window = Optional.ofNullable(fields.get("window"))
                    .flatMap(n -> threshold(n, at + ".window", Kind.DURATION)).map(Double::longValue).orElse(0L);
            // the reason is for people reading the policy; it stays in the document only
            Optional.ofNullable(fields.get("reason")).ifPresent(n -> keys.text(n, at + ".reason"));
            if (!fields.containsKey("until") && !fields.containsKey("window")) {
                problems.add(new PolicyProblem(at, "give 'until' (when it ends) or 'window' (repeat window), or both;"
                        + " a suppression with neither would mute the rule forever"));
            }
            suppressions.add(Suppression.newBuilder()
                    .setRuleId(rule)
                    .setToolId(Optional.ofNullable(fields.get("tool")).flatMap(n -> keys.text(n, at + ".tool")).orElse(null))
                    .setUser(Optional.ofNullable(fields.get("user")).flatMap(n -> keys.text(n, at + ".user")).orElse(null))
                    .setWindowMs(window)
                    .setUntil(until)
                    .build());
        }
        return suppressions;
    }

    private Map<String, Integer> severityOverrides(JsonNode node) {
        Map<String, Integer> overrides = new LinkedHashMap<>();
        keys.entries(node, "severity_overrides").forEach((rule, value) -> {
            String path = "severity_overrides." + rule;
            keys.oneOf(rule, path, PolicyVocabulary.RULE_IDS, "rule")
                    .flatMap(r -> keys.integer(value, path, MIN_SEVERITY, MAX_SEVERITY))
                    .ifPresent(severity -> overrides.put(rule, severity));
        });
        return overrides;
    }

    /** A day (yyyy-MM-dd, meaning its end, UTC) or an ISO-8601 date-time with offset. */
    private Optional<Instant> instant(JsonNode node, String path) {
        Optional<String> text = keys.text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().strip();
        try {
            return Optional.of(t.length() == 10
                    ? LocalDate.parse(t).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(new PolicyProblem(path, "not a date (yyyy-MM-dd) or date-time (2027-01-31T18:00:00Z)"));
            return Optional.empty();
        }
    }

    private static Optional<Double> boxed(OptionalLong value) {
        return value.isPresent() ? Optional.of((double) value.getAsLong()) : Optional.empty();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static PolicyProblem syntaxProblem(JsonProcessingException e) {
        String reason = Optional.ofNullable(e.getOriginalMessage()).map(m -> m.lines().findFirst().orElse(m))
                .orElse(e.getClass().getSimpleName());
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new PolicyProblem("", "not valid YAML" + where + ": " + reason);
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setAllowDuplicateKeys(false);
        return YAMLFactory.builder().loaderOptions(options).build();
    }
}
