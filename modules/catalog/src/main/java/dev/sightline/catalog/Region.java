package dev.sightline.catalog;

import java.util.Set;

/** Where a vendor is headquartered, grouped by the data-protection regime that governs it. */
public enum Region {
    NORTH_AMERICA, EUROPE, CHINA, KOREA, JAPAN, INDIA, RUSSIA, OTHER;

    /** EU/EEA member states plus the UK and Switzerland, whose regimes are GDPR-equivalent. */
    private static final Set<String> EUROPE_CODES = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB", "CH");

    /** The region of an ISO 3166-1 alpha-2 country code (upper case). */
    public static Region of(String countryCode) {
        if (EUROPE_CODES.contains(countryCode)) {
            return EUROPE;
        }
        return switch (countryCode) {
            case "US", "CA" -> NORTH_AMERICA;
            case "CN", "HK" -> CHINA;
            case "KR" -> KOREA;
            case "JP" -> JAPAN;
            case "IN" -> INDIA;
            case "RU" -> RUSSIA;
            default -> OTHER;
        };
    }
}
