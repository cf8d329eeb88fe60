package dev.sightline.reference;

import dev.sightline.detect.policy.PolicyLoad;
import dev.sightline.detect.policy.PolicyParser;
import dev.sightline.ingest.UserNames;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import dev.sightline.simulator.SensitivityLabels;
import dev.sightline.simulator.SimulatedUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reference data of the simulated organisation that the demo and the benchmarks run with: the shipped AI-tool
 * catalog, one identity per simulated person, the sensitivity labels their files carry, and the example policy
 * (deploy/policy.example.yaml, packaged by the build).
 */
public final class SimulatedOrganisation {
    private static final String POLICY_RESOURCE = "policy.example.yaml";

    private SimulatedOrganisation() {
    }

    public static ReferenceData referenceData(List<SimulatedUser> people, Clock clock) {
        Instant now = clock.instant();
        return new ReferenceData(CatalogRecords.load(Optional.empty(), clock), identities(people, now), labels(now),
                Optional.of(examplePolicy(now)));
    }

    static List<Identity> identities(List<SimulatedUser> people, Instant now) {
        List<Identity> identities = new ArrayList<>(people.size());
        for (SimulatedUser person : people) {
            String upn = UserNames.normalize(person.upn(), Map.of()).orElseThrow();
            List<String> aliases = new ArrayList<>();
            UserNames.normalize(person.proxyName(), Map.of()).filter(alias -> !alias.equals(upn)).ifPresent(aliases::add);
            identities.add(Identity.newBuilder()
                    .setUserId(upn).setDisplayName(person.displayName()).setEmail(upn).setAliases(aliases)
                    .setDepartment(person.department()).setGroups(List.of(person.department().toLowerCase(Locale.ROOT)))
                    .setManager(null).setEmployeeType("employee").setActive(true).setUpdatedAt(now)
                    .build());
        }
        return identities;
    }

    /** One classification-table entry per sensitivity label, as an import of a Purview label table gives. */
    static List<DataAsset> labels(Instant now) {
        LabelMapping mapping = LabelMapping.defaults();
        return SensitivityLabels.ALL.stream().map(label -> DataAsset.newBuilder()
                .setId(AssetImport.LABEL_ENTRY_PREFIX + label.id()).setName(label.name())
                .setType(AssetImport.LABEL_ENTRY_TYPE)
                .setUriPatterns(List.of()).setFileNamePatterns(List.of()).setLabels(List.of(label.name()))
                .setSensitivityLabelId(label.id()).setSensitivityLabelName(label.name())
                .setDataClasses(List.copyOf(mapping.classesOf(label.name()))).setOwner(null).setUpdatedAt(now)
                .build()).toList();
    }

    static Policy examplePolicy(Instant now) {
        PolicyLoad load = PolicyParser.parse(resource(), now, "sightline");
        if (load instanceof PolicyLoad.Loaded loaded) {
            return loaded.policy();
        }
        throw new IllegalStateException("the packaged example policy does not load: " + load);
    }

    private static String resource() {
        try (InputStream in = SimulatedOrganisation.class.getResourceAsStream(POLICY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(POLICY_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
