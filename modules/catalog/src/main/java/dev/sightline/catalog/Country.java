package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, validated against the JDK's list. */
public record Country(String code) {
    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    public Country {
        if (code == null || !ISO_CODES.contains(code)) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 country code (e.g. US, FR, CN)");
        }
    }

    @JsonCreator
    public static Country of(String code) {
        return new Country(code == null ? null : code.strip().toUpperCase(Locale.ROOT));
    }

    public Region region() {
        return Region.of(code);
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
