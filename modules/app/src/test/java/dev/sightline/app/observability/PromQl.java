package dev.sightline.app.observability;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression queries, found without a PromQL parser: strings, label matchers, range
 * selectors and label lists ({@code by (...)}, {@code on (...)}) are blanked out first, then every identifier that
 * is not a function, an aggregation or a keyword is a metric name.
 */
final class PromQl {
    private static final Set<String> NOT_METRICS = Set.of(
            // aggregation operators
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            // keywords and modifiers
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless",
            "atan2", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String blanked = STRING.matcher(expression).replaceAll("\"\"");
        blanked = MATCHERS.matcher(blanked).replaceAll("{}");
        blanked = RANGE.matcher(blanked).replaceAll("[]");
        blanked = LABEL_LIST.matcher(blanked).replaceAll("$1 ()");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(blanked);
        while (identifiers.find()) {
            boolean call = identifiers.group(2) != null;
            String name = identifiers.group(1);
            if (!call && !NOT_METRICS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
