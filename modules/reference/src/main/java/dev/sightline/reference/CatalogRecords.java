package dev.sightline.reference;

import dev.sightline.catalog.Catalog;
import dev.sightline.catalog.CatalogLoadException;
import dev.sightline.catalog.CatalogProblem;
import dev.sightline.catalog.Certification;
import dev.sightline.catalog.HostPattern;
import dev.sightline.catalog.Retention;
import dev.sightline.catalog.RiskProfile;
import dev.sightline.catalog.Sourced;
import dev.sightline.catalog.Ternary;
import dev.sightline.catalog.ToolPolicy;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiTool;
import dev.sightline.model.Approval;
import dev.sightline.model.AttestedFlag;
import dev.sightline.model.DataClass;
import dev.sightline.model.HostMatchKind;
import dev.sightline.model.HostRule;
import dev.sightline.model.RetentionAttribute;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolInterface;
import dev.sightline.model.TrainingPolicy;
import dev.sightline.model.TrainingUse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The AI-tool catalog (shipped, with the organisation's override file applied) as {@link AiTool} records for
 * {@code ref.ai-tools}: every attribute, each risk attribute with its source and date, the risk score, and the
 * organisation's sanction, approvals and owner.
 *
 * <p>Mapping notes, where the catalog says more than the record can:
 * <ul>
 *   <li>host patterns keep the catalog's text: a suffix rule {@code .example.com} becomes {@code SUFFIX example.com},
 *       a wildcard rule keeps its {@code *} as written ({@code *-aiplatform.googleapis.com}: part or all of one label);</li>
 *   <li>training: {@code trains} is YES, {@code opt-in} (not used unless the user opts in) is NO; the free tier is
 *       written as tier {@code free}, the business/enterprise/API tier as {@code business}; unknown tiers are left out;</li>
 *   <li>an approval has no id in the override file: it is {@code <tool>-approval-<n>} (n counts from 1 in file order);
 *       its inclusive {@code expires} day lapses at the start of the next day, UTC; account type {@code any} allows
 *       CORPORATE and PERSONAL; {@code approvedBy} stays null (the override file does not say);</li>
 *   <li>{@code termsChangedAt} stays null: the catalog records no history of terms changes yet.</li>
 * </ul>
 */
public final class CatalogRecords {
    private CatalogRecords() {
    }

    /**
     * Loads the shipped catalog with {@code overrides} (YAML or JSON) applied and converts it.
     *
     * @throws ImportException listing every problem of the catalog or the override file
     */
    public static List<AiTool> load(Optional<Path> overrides, Clock clock) {
        Catalog catalog;
        try {
            catalog = overrides.map(Catalog::loadDefault).orElseGet(Catalog::loadDefault);
        } catch (CatalogLoadException e) {
            throw new ImportException(e.problems().stream().map(CatalogRecords::problem).toList());
        }
        return of(catalog, clock.instant());
    }

    /** Every tool of {@code catalog}, in catalog order, stamped {@code updatedAt}. */
    public static List<AiTool> of(Catalog catalog, Instant updatedAt) {
        List<AiTool> records = new ArrayList<>(catalog.tools().size());
        for (dev.sightline.catalog.AiTool tool : catalog.tools()) {
            records.add(record(tool, catalog.policy(tool.id()), catalog.version(), updatedAt));
        }
        return records;
    }

    private static ImportProblem problem(CatalogProblem p) {
        return new ImportProblem(p.file(), p.line(), p.column(), p.field(), p.message());
    }

    static AiTool record(dev.sightline.catalog.AiTool tool, ToolPolicy policy, String version, Instant updatedAt) {
        RiskProfile risk = tool.risk();
        return AiTool.newBuilder()
                .setId(tool.id())
                .setName(tool.name())
                .setVendor(tool.vendor())
                .setCategory(tool.category().id())
                .setHostPatterns(tool.hosts().stream().map(CatalogRecords::hostRule).toList())
                .setApiOrUi(switch (tool.access()) {
                    case UI -> ToolInterface.UI;
                    case API -> ToolInterface.API;
                    case BOTH -> ToolInterface.BOTH;
                })
                .setHqCountry(tool.country().code())
                .setTrainsOnUserData(training(risk))
                .setDataRetention(retention(risk.retention()))
                .setEnterpriseTier(flag(risk.enterpriseTier()))
                .setSso(flag(risk.sso()))
                .setCertifications(certifications(risk))
                .setCorporateInstanceHint(risk.corporateInstance().value().known()
                        ? risk.corporateInstance().value().toString() : null)
                .setRiskScore(tool.riskScore())
                .setSanction(SanctionStatus.valueOf(policy.sanction().name()))
                .setApprovals(approvals(policy))
                .setOwner(policy.owner())
                .setCatalogVersion(version)
                .setUpdatedAt(updatedAt)
                .build();
    }

    private static HostRule hostRule(HostPattern pattern) {
        HostMatchKind kind = switch (pattern.kind()) {
            case EXACT -> HostMatchKind.EXACT;
            case SUFFIX -> HostMatchKind.SUFFIX;
            case WILDCARD -> HostMatchKind.WILDCARD;
        };
        return new HostRule(pattern.host(), kind, pattern.hasPath() ? pattern.pathPrefix() : null);
    }

    private static List<TrainingPolicy> training(RiskProfile risk) {
        List<TrainingPolicy> tiers = new ArrayList<>(2);
        trainingTier("free", risk.trainingFree()).ifPresent(tiers::add);
        trainingTier("business", risk.trainingBusiness()).ifPresent(tiers::add);
        return tiers;
    }

    private static Optional<TrainingPolicy> trainingTier(String tier, Sourced<dev.sightline.catalog.TrainingPolicy> fact) {
        if (!fact.value().known()) {
            return Optional.empty();
        }
        TrainingUse use = switch (fact.value()) {
            case TRAINS -> TrainingUse.YES;
            case OPT_OUT -> TrainingUse.OPT_OUT;
            case OPT_IN, NO -> TrainingUse.NO;
            case UNKNOWN -> TrainingUse.UNKNOWN;
        };
        return Optional.of(new TrainingPolicy(tier, use, fact.source(), fact.date()));
    }

    private static RetentionAttribute retention(Sourced<Retention> fact) {
        Retention r = fact.value();
        if (!r.known()) {
            return null;
        }
        String description = switch (r.kind()) {
            case NONE -> "none (zero retention)";
            case DAYS -> r.days() + " days";
            case CONFIGURABLE -> "configurable by the customer";
            case UNTIL_DELETED -> "until the user deletes it";
            case UNKNOWN -> "unknown";
        };
        Integer days = switch (r.kind()) {
            case NONE -> 0;
            case DAYS -> r.days();
            default -> null;
        };
        return new RetentionAttribute(description, days, fact.source(), fact.date());
    }

    private static AttestedFlag flag(Sourced<Ternary> fact) {
        return fact.value().known() ? new AttestedFlag(fact.value() == Ternary.YES, fact.source(), fact.date()) : null;
    }

    private static List<dev.sightline.model.Certification> certifications(RiskProfile risk) {
        var fact = risk.certifications();
        return fact.value().asList().stream()
                .map(c -> new dev.sightline.model.Certification(certificationName(c), fact.source(), fact.date()))
                .toList();
    }

    private static String certificationName(Certification c) {
        return switch (c) {
            case SOC2 -> "SOC 2";
            case ISO27001 -> "ISO/IEC 27001";
            case ISO42001 -> "ISO/IEC 42001";
        };
    }

    private static List<Approval> approvals(ToolPolicy policy) {
        List<Approval> approvals = new ArrayList<>(policy.approvals().size());
        int n = 0;
        for (dev.sightline.catalog.Approval a : policy.approvals()) {
            n++;
            approvals.add(Approval.newBuilder()
                    .setId(policy.tool() + "-approval-" + n)
                    .setDepartments(a.departments())
                    .setGroups(a.groups())
                    .setDataClasses(a.dataClasses().stream().map(c -> DataClass.valueOf(c.name())).sorted().toList())
                    .setAccountTypes(switch (a.accountType()) {
                        case CORPORATE -> List.of(AccountType.CORPORATE);
                        case PERSONAL -> List.of(AccountType.PERSONAL);
                        case ANY -> List.of(AccountType.CORPORATE, AccountType.PERSONAL);
                    })
                    .setExpiresAt(a.expires() == null ? null
                            : a.expires().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    .setOwner(policy.owner())
                    .build());
        }
        return approvals;
    }
}
