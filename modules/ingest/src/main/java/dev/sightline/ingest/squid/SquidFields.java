package dev.sightline.ingest.squid;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded values of one log line, by format code. A value Squid logged as {@code -} is absent. When a code occurs
 * twice in a definition the first occurrence wins. Header values are kept by lower-case header name.
 */
public final class SquidFields {
    private final Map<SquidCode, String> values;
    private final Map<String, String> requestHeaders;

    private SquidFields(Map<SquidCode, String> values, Map<String, String> requestHeaders) {
        this.values = values;
        this.requestHeaders = requestHeaders;
    }

    static Builder builder() {
        return new Builder();
    }

    public Optional<String> get(SquidCode code) {
        return Optional.ofNullable(values.get(code));
    }

    /** The value of the first of the codes that has one. */
    public Optional<String> first(SquidCode... codes) {
        for (SquidCode code : codes) {
            String v = values.get(code);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** A request header logged by {@code %{Name}>h}. */
    public Optional<String> requestHeader(String name) {
        return Optional.ofNullable(requestHeaders.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Lists the codes that have values, never the values (they may be sensitive). */
    @Override
    public String toString() {
        return "SquidFields" + values.keySet();
    }

    static final class Builder {
        private final Map<SquidCode, String> values = new EnumMap<>(SquidCode.class);
        private final Map<String, String> requestHeaders = new HashMap<>();

        void put(SquidLogFormat.Field field, String value) {
            if (field.code() == SquidCode.REQUEST_HEADER && !field.argument().isEmpty()) {
                requestHeaders.putIfAbsent(headerName(field.argument()), value);
            } else {
                values.putIfAbsent(field.code(), value);
            }
        }

        SquidFields build() {
            return new SquidFields(values, requestHeaders);
        }

        /** {@code Name:member} and {@code Name:;member} select members of a list header: the name is the part before. */
        private static String headerName(String argument) {
            int colon = argument.indexOf(':');
            return (colon >= 0 ? argument.substring(0, colon) : argument).strip().toLowerCase(Locale.ROOT);
        }
    }
}
