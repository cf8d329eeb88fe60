package dev.sightline.catalog;

import dev.sightline.catalog.HostNormalizer.Rejected;
import dev.sightline.catalog.HostNormalizer.Target;
import dev.sightline.catalog.MatchResult.Matched;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AI-tool catalog with the organisation's policies applied, and its matcher. Immutable and thread-safe.
 * Obtain one from {@link #loadDefault()} or {@link CatalogLoader}.
 */
public final class Catalog {
    private final String version;
    private final LocalDate date;
    private final String organisation;
    private final List<AiTool> tools;
    private final Map<String, AiTool> byId;
    private final Map<String, ToolPolicy> policies;
    private final HostIndex<Matched> index;

    /** Builds a catalog; ids must be unique and every policy must name a tool (the loader checks this first). */
    Catalog(String version, LocalDate date, List<AiTool> tools, OrgOverrides overrides) {
        this.version = version;
        this.date = date;
        this.organisation = overrides.organisation();
        List<AiTool> all = new ArrayList<>(tools);
        all.addAll(overrides.tools());
        Map<String, AiTool> ids = new LinkedHashMap<>();
        for (AiTool tool : all) {
            if (ids.putIfAbsent(tool.id(), tool) != null) {
                throw new IllegalArgumentException("duplicate tool id '" + tool.id() + "'");
            }
        }
        Map<String, ToolPolicy> policyById = new LinkedHashMap<>();
        for (ToolPolicy policy : overrides.policies()) {
            if (!ids.containsKey(policy.tool())) {
                throw new IllegalArgumentException("policy for unknown tool '" + policy.tool() + "'");
            }
            policyById.put(policy.tool(), policy);
        }
        List<HostMatcher.Rule<Matched>> rules = new ArrayList<>();
        for (AiTool tool : all) {
            ToolPolicy policy = policyById.computeIfAbsent(tool.id(), ToolPolicy::unreviewed);
            for (HostPattern pattern : tool.hosts()) {
                rules.add(new HostMatcher.Rule<>(pattern, tool.id(), new Matched(tool, pattern, policy)));
            }
        }
        this.tools = List.copyOf(all);
        this.byId = Collections.unmodifiableMap(ids);
        this.policies = Collections.unmodifiableMap(policyById);
        this.index = new HostIndex<>(rules);
    }

    /** The catalog shipped with Sightline, every tool unreviewed. */
    public static Catalog loadDefault() {
        return CatalogLoader.loadShipped(Optional.empty());
    }

    /** The shipped catalog with an organisation override file (YAML or JSON) applied. */
    public static Catalog loadDefault(Path overrideFile) {
        return CatalogLoader.loadShipped(Optional.of(overrideFile));
    }

    /**
     * Looks up a host name or URL ({@code api.openai.com}, {@code HTTPS://Chat.OpenAI.com:443/c/1}, {@code claude.ai.}).
     * Never throws.
     */
    public MatchResult match(String hostOrUrl) {
        if (hostOrUrl != null && HostNormalizer.isPlainHost(hostOrUrl)) {
            return found(index.lookup(hostOrUrl, "/"));
        }
        HostNormalizer.Normalized normalized = HostNormalizer.normalize(hostOrUrl);
        if (normalized instanceof Target t) {
            return found(index.lookup(t.host(), t.path()));
        }
        return new MatchResult.InvalidInput(((Rejected) normalized).reason());
    }

    /**
     * Looks up a host (as logged: any case, maybe with port or trailing dot) and a request path (a query is ignored;
     * null or empty means {@code /}). Never throws.
     */
    public MatchResult match(String host, String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (host != null && HostNormalizer.isPlainHost(host)) {
            return found(index.lookup(host, p));
        }
        HostNormalizer.Normalized normalized = HostNormalizer.normalize(host);
        if (normalized instanceof Target t) {
            return found(index.lookup(t.host(), p));
        }
        return new MatchResult.InvalidInput(((Rejected) normalized).reason());
    }

    private static MatchResult found(Matched rule) {
        return rule == null ? MatchResult.NoMatch.INSTANCE : rule;
    }

    public Optional<AiTool> tool(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The organisation's policy for a tool; unreviewed when the override file does not mention it. */
    public ToolPolicy policy(String toolId) {
        return policies.getOrDefault(toolId, ToolPolicy.unreviewed(toolId));
    }

    public List<AiTool> tools() {
        return tools;
    }

    public int hostPatternCount() {
        return index.ruleCount();
    }

    public String version() {
        return version;
    }

    public LocalDate date() {
        return date;
    }

    /** The organisation named in the override file, if any. */
    public Optional<String> organisation() {
        return Optional.ofNullable(organisation);
    }
}
