package dev.sightline.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one mapping between environment variable names and configuration keys. Variables that do not start with
 * {@code SIGHTLINE_} are not configuration; every variable that does is, and must name a known key.
 *
 * <pre>
 *   SIGHTLINE_HTTP_PORT                        sightline.http.port
 *   SIGHTLINE_KAFKA__SECURITY_PROTOCOL         kafka.security.protocol        (pass-through to Kafka clients)
 *   SIGHTLINE_INGEST_FORMATS_RAW_SAAS_OPENAI___COMPLIANCE
 *                                              sightline.ingest.formats.raw.saas.openai-compliance
 * </pre>
 *
 * <ol>
 *   <li>Strip {@code SIGHTLINE_}. If what is left starts with the word {@code KAFKA} followed by exactly two
 *       underscores, the key is {@code kafka.} + the rest after them; otherwise it is {@code sightline.} + all of it.
 *   <li>In the rest, one underscore is '.', two are '_', three are '-'; letters become lower case. Runs of four or
 *       more underscores, and underscores at the start or end, are rejected as ambiguous.
 * </ol>
 * The mapping is reversible for every key made of lower-case letters and digits separated by single '.', '_' or '-'
 * (all Sightline keys, Kafka client properties and the topic names of ARCHITECTURE.md are). The one exception:
 * a {@code sightline.} key whose first segment starts with {@code kafka_} has no variable, as
 * {@code SIGHTLINE_KAFKA__} means pass-through; no such key exists.
 */
public final class EnvironmentVariables {

    public static final String PREFIX = "SIGHTLINE_";
    private static final String KAFKA_WORD = "KAFKA";
    private static final String KAFKA_MARKER = KAFKA_WORD + "__";
    private static final String SIGHTLINE_NAMESPACE = "sightline.";
    private static final String KAFKA_NAMESPACE = "kafka.";
    private static final Pattern VARIABLE_BODY = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern KEY_BODY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    private EnvironmentVariables() {
    }

    /** True if the variable belongs to Sightline's configuration. */
    public static boolean isConfigVariable(String variable) {
        return variable.startsWith(PREFIX);
    }

    /**
     * The key a {@code SIGHTLINE_*} variable sets.
     *
     * @throws IllegalArgumentException if the variable is not a configuration variable or its name is malformed
     */
    public static String keyFor(String variable) {
        if (!isConfigVariable(variable)) {
            throw new IllegalArgumentException("does not start with " + PREFIX);
        }
        String body = variable.substring(PREFIX.length());
        if (!VARIABLE_BODY.matcher(body).matches()) {
            throw new IllegalArgumentException("only upper-case letters, digits and '_' may follow " + PREFIX);
        }
        if (body.startsWith(KAFKA_MARKER) && !body.startsWith(KAFKA_MARKER + "_")) {
            return KAFKA_NAMESPACE + decode(body.substring(KAFKA_MARKER.length()));
        }
        return SIGHTLINE_NAMESPACE + decode(body);
    }

    /** The variable that sets {@code key}, or empty if the key cannot be spelled as one (see the class comment). */
    public static Optional<String> variableFor(String key) {
        if (key.startsWith(KAFKA_NAMESPACE)) {
            return encode(key.substring(KAFKA_NAMESPACE.length())).map(body -> PREFIX + KAFKA_MARKER + body);
        }
        if (key.startsWith(SIGHTLINE_NAMESPACE) && !key.startsWith(SIGHTLINE_NAMESPACE + "kafka_")) {
            return encode(key.substring(SIGHTLINE_NAMESPACE.length())).map(body -> PREFIX + body);
        }
        return Optional.empty();
    }

    private static String decode(String body) {
        if (body.isEmpty() || body.startsWith("_") || body.endsWith("_")) {
            throw new IllegalArgumentException("a key cannot be empty or start or end with a separator");
        }
        StringBuilder key = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '_') {
                key.append(Character.toLowerCase(c));
                i++;
                continue;
            }
            int run = 0;
            while (i < body.length() && body.charAt(i) == '_') {
                run++;
                i++;
            }
            key.append(switch (run) {
                case 1 -> '.';
                case 2 -> '_';
                case 3 -> '-';
                default -> throw new IllegalArgumentException(run + " underscores in a row are ambiguous; "
                        + "use _ for '.', __ for '_', ___ for '-'");
            });
        }
        return key.toString();
    }

    private static Optional<String> encode(String keyBody) {
        if (!KEY_BODY.matcher(keyBody).matches()) {
            return Optional.empty();
        }
        StringBuilder variable = new StringBuilder(keyBody.length() + 8);
        for (char c : keyBody.toCharArray()) {
            variable.append(switch (c) {
                case '.' -> "_";
                case '_' -> "__";
                case '-' -> "___";
                default -> String.valueOf(Character.toUpperCase(c));
            });
        }
        return Optional.of(variable.toString());
    }
}
