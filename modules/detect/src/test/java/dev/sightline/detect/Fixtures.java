package dev.sightline.detect;

import dev.sightline.detect.state.Ewma;
import dev.sightline.detect.state.SeenTools;
import dev.sightline.detect.state.ToolSighting;
import dev.sightline.detect.state.UsageBaselines;
import dev.sightline.detect.state.UserUsage;
import dev.sightline.detect.state.WindowCounter;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.Policy;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.ToolRule;
import dev.sightline.model.UserContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test data: enriched events, policies and in-memory state. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static int sequence;

    private Fixtures() {
    }

    public static ToolMatch tool(String id, SanctionStatus sanction, int risk) {
        return ToolMatch.newBuilder().setToolId(id).setName(id.toUpperCase()).setVendor("Vendor of " + id)
                .setSanction(sanction).setRiskScore(risk).build();
    }

    public static AiUsageEvent.Builder event(String user, ToolMatch tool, Instant at) {
        return AiUsageEvent.newBuilder()
                .setEventId("e-" + (++sequence))
                .setEventTime(at).setIngestTime(at)
                .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").setTopic("raw.proxy.zscaler")
                        .setPartition(0).setOffset((long) sequence).build())
                .setSourceProduct("zscaler")
                .setUser(user).setClientIp("10.0.0.1").setHost(tool == null ? "example.com" : tool.getToolId() + ".example")
                .setProxyAction(ProxyAction.ALLOWED)
                .setAccountType(AccountType.CORPORATE)
                .setTool(tool)
                .setIdentity(UserContext.newBuilder().setDepartment("engineering").setGroups(new ArrayList<>(List.of("devs"))).build());
    }

    public static Finding finding(String type, DataClass dataClass) {
        return Finding.newBuilder().setType(type).setDataClass(dataClass).setConfidence(0.95)
                .setMaskedPreview("****").setValueHash("hash-" + type).build();
    }

    public static Approval.Builder approval(String id) {
        return Approval.newBuilder().setId(id);
    }

    public static Policy policy(int version, List<ToolRule> rules) {
        return Policy.newBuilder().setId("default").setVersion(version).setToolRules(rules)
                .setImportedAt(T0.minusSeconds(86_400)).build();
    }

    public static ToolRule toolRule(String toolId, SanctionStatus status, List<Approval> approvals) {
        return ToolRule.newBuilder().setToolId(toolId).setStatus(status).setApprovals(approvals).build();
    }

    public static DetectionContext context(Policy policy) {
        return new DetectionContext(ActivePolicy.of(policy), ToolCatalog.EMPTY);
    }

    public static final class MemorySeenTools implements SeenTools {
        public final Map<String, ToolSighting> map = new HashMap<>();

        @Override
        public Optional<ToolSighting> get(String toolId) {
            return Optional.ofNullable(map.get(toolId));
        }

        @Override
        public void put(String toolId, ToolSighting sighting) {
            map.put(toolId, sighting);
        }
    }

    public static final class MemoryCounter implements WindowCounter {
        private final Map<String, Long> map = new HashMap<>();

        @Override
        public long get(String key, Instant windowStart) {
            return map.getOrDefault(key + '@' + windowStart, 0L);
        }

        @Override
        public void put(String key, Instant windowStart, long count) {
            map.put(key + '@' + windowStart, count);
        }
    }

    public static final class MemoryBaselines implements UsageBaselines {
        private final Map<String, UserUsage> users = new HashMap<>();
        private final Map<String, Ewma> departments = new HashMap<>();

        @Override
        public Optional<UserUsage> user(String actorKey) {
            return Optional.ofNullable(users.get(actorKey));
        }

        @Override
        public void putUser(String actorKey, UserUsage usage) {
            users.put(actorKey, usage);
        }

        @Override
        public Optional<Ewma> department(String department) {
            return Optional.ofNullable(departments.get(department));
        }

        @Override
        public void putDepartment(String department, Ewma baseline) {
            departments.put(department, baseline);
        }
    }
}
