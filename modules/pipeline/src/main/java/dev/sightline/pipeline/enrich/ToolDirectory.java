package dev.sightline.pipeline.enrich;

import dev.sightline.catalog.Discovery;
import dev.sightline.catalog.HostMatcher;
import dev.sightline.catalog.HostPattern;
import dev.sightline.catalog.RequestFacts;
import dev.sightline.catalog.RiskScore;
import dev.sightline.catalog.UnknownAiDiscovery;
import dev.sightline.ingest.chatgpt.ChatGptComplianceParser;
import dev.sightline.ingest.gemini.GeminiAuditParser;
import dev.sightline.ingest.m365.M365AuditParser;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.HostMatchKind;
import dev.sightline.model.HostRule;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI tools of ref.ai-tools, compiled for matching: the catalog's {@link HostMatcher} over every tool's host rules,
 * the tools by id, and the SaaS audit sources that name their tool without a host. Immutable.
 */
final class ToolDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ToolDirectory.class);

    /**
     * SaaS audit sources whose records may carry no destination host: the catalog tool each one reports on, by
     * sourceProduct. Ids as in modules/catalog/src/main/resources/catalog (m365-copilot in saas.yaml, chatgpt and
     * gemini in chat.yaml).
     */
    static final Map<String, String> TOOL_OF_SAAS_SOURCE = Map.of(
            M365AuditParser.PRODUCT, "m365-copilot",
            ChatGptComplianceParser.PRODUCT, "chatgpt",
            GeminiAuditParser.PRODUCT, "gemini");
    static final String CANDIDATE_PREFIX = "candidate:";
    static final String SOURCE_RULE_PREFIX = "source:";
    static final String SIGNATURE_RULE_PREFIX = "signature:";

    /** What a matching rule stands for: the tool and the rule's text (ToolMatch.matchedRule). */
    private record ToolRule(AiTool tool, String text) {
    }

    private final Map<String, AiTool> byId;
    private final HostMatcher<ToolRule> matcher;

    /** @param tools ref.ai-tools by key, in key order (the first tool keeps a host rule that two tools claim) */
    ToolDirectory(Map<String, AiTool> tools) {
        this.byId = Map.copyOf(tools);
        Map<HostPattern, String> owners = new HashMap<>();
        List<HostMatcher.Rule<ToolRule>> rules = new ArrayList<>();
        tools.forEach((id, tool) -> {
            for (HostPattern pattern : patternsOf(id, tool)) {
                String owner = owners.putIfAbsent(pattern, id);
                if (owner == null) {
                    rules.add(new HostMatcher.Rule<>(pattern, id, new ToolRule(tool, pattern.toString())));
                } else if (!owner.equals(id)) {
                    LOG.warn("ref.ai-tools: host rule {} of tool {} is already claimed by {}; ignored", pattern, id, owner);
                }
            }
        });
        this.matcher = HostMatcher.of(rules);
    }

    /**
     * The catalog rules of an Avro tool. SUFFIX means the host or any sub-domain, so it becomes the catalog's exact and
     * sub-domain patterns; WILDCARD keeps the catalog's meaning of {@code *}. A rule the catalog cannot read is skipped.
     */
    private static Set<HostPattern> patternsOf(String id, AiTool tool) {
        Set<HostPattern> patterns = new LinkedHashSet<>();
        for (HostRule rule : tool.getHostPatterns()) {
            String path = rule.getPathPrefix() == null || rule.getPathPrefix().isEmpty() ? ""
                    : rule.getPathPrefix().startsWith("/") ? rule.getPathPrefix() : "/" + rule.getPathPrefix();
            try {
                patterns.add(HostPattern.parse(rule.getPattern() + path));
                if (rule.getMatchKind() == HostMatchKind.SUFFIX) {
                    patterns.add(HostPattern.parse("." + rule.getPattern() + path));
                }
            } catch (IllegalArgumentException bad) {
                LOG.warn("ref.ai-tools: tool {} has an unusable host rule: {}", id, bad.getMessage());
            }
        }
        return patterns;
    }

    /**
     * The tool of an event: the catalog rule for host and path; else, for SaaS audit sources, the tool of the source;
     * else a candidate when the request has an AI API signature; else null.
     */
    ToolMatch resolve(AiUsageEvent event) {
        if (event.getHost() != null) {
            var rule = matcher.match(event.getHost(), event.getUrlPath());
            if (rule.isPresent()) {
                return catalogued(rule.get().tool(), rule.get().text());
            }
        }
        AiTool bySource = byId.get(TOOL_OF_SAAS_SOURCE.getOrDefault(event.getSourceProduct(), ""));
        if (bySource != null) {
            return catalogued(bySource, SOURCE_RULE_PREFIX + event.getSourceProduct());
        }
        if (event.getHost() == null) {
            return null;
        }
        Discovery discovery = UnknownAiDiscovery.bySignature(new RequestFacts(event.getHost(), event.getMethod(),
                event.getUrlPath(), event.getPort() == null ? 0 : event.getPort(), null, Map.of()));
        return discovery instanceof Discovery.Candidate candidate ? candidate(candidate) : null;
    }

    private static ToolMatch catalogued(AiTool tool, String rule) {
        return ToolMatch.newBuilder()
                .setToolId(tool.getId()).setName(tool.getName()).setVendor(tool.getVendor())
                .setCategory(tool.getCategory()).setSanction(tool.getSanction()).setRiskScore(tool.getRiskScore())
                .setMatchedRule(rule).setCandidate(false)
                .build();
    }

    /** Not catalogued, so unreviewed and scored as a tool whose risk attributes are all unknown. */
    private static ToolMatch candidate(Discovery.Candidate candidate) {
        return ToolMatch.newBuilder()
                .setToolId(CANDIDATE_PREFIX + candidate.host()).setName(candidate.host())
                .setSanction(SanctionStatus.UNREVIEWED).setRiskScore(RiskScore.UNREVIEWED_DOMESTIC)
                .setMatchedRule(SIGNATURE_RULE_PREFIX + candidate.signature().name().toLowerCase(Locale.ROOT)
                        + "/" + candidate.confidence().name().toLowerCase(Locale.ROOT))
                .setCandidate(true)
                .build();
    }
}
