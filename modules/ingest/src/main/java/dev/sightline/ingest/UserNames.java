package dev.sightline.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One spelling per person: lower-case; {@code DOMAIN&#92;name} (Squid writes the backslash doubled) mapped to
 * {@code name@suffix} when the domain is configured, else kept as {@code domain&#92;name}; empty and {@code -} mean none.
 */
public final class UserNames {
    private UserNames() {
    }

    public static Optional<String> normalize(String raw, Map<String, String> domainSuffixes) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (name.isEmpty() || name.equals("-")) {
            return Optional.empty();
        }
        name = name.replace("\\\\", "\\");
        int slash = name.indexOf('\\');
        if (slash > 0 && slash < name.length() - 1) {
            String domain = name.substring(0, slash).toUpperCase(Locale.ROOT);
            String user = name.substring(slash + 1);
            String suffix = domainSuffixes.get(domain);
            name = suffix != null ? user + "@" + suffix : domain + "\\" + user;
        }
        return Optional.of(name.toLowerCase(Locale.ROOT));
    }
}
