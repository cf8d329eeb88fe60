package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One AI tool of the catalog.
 *
 * @param id        stable kebab-case identifier, the key of {@code ref.ai-tools}
 * @param name      product name as the vendor writes it
 * @param vendor    the company behind it
 * @param category  what it is for
 * @param country   the vendor's headquarters (ISO 3166-1 alpha-2)
 * @param access    how it is used: {@code ui}, {@code api} or {@code both}
 * @param hosts     the host rules that identify its traffic
 * @param risk      risk facts with sources
 */
public record AiTool(
        String id,
        String name,
        String vendor,
        Category category,
        Country country,
        @JsonProperty("interface") Interface access,
        List<HostPattern> hosts,
        RiskProfile risk) {

    private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public AiTool {
        require(id, "id");
        if (!KEBAB_ID.matcher(id).matches() || id.length() > 64) {
            throw new InvalidEntryException("id", "'" + id + "' is not a kebab-case id (a-z, 0-9, single dashes)");
        }
        require(name, "name");
        require(vendor, "vendor");
        require(category, "category");
        require(country, "country");
        require(access, "interface");
        if (hosts == null || hosts.isEmpty()) {
            throw new InvalidEntryException("hosts", "at least one host pattern is required");
        }
        hosts = List.copyOf(hosts);
        risk = risk == null ? RiskProfile.UNKNOWN : risk;
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidEntryException(field, "missing required field");
        }
    }

    /** The 0-100 risk score; see {@link RiskScore}. */
    public int riskScore() {
        return risk.score(country);
    }
}
