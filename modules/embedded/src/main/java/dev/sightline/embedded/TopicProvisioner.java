package dev.sightline.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates topics through the Admin API and checks topics that already exist. Idempotent: running it again,
 * or alongside another instance, creates nothing twice; an existing topic whose partition count or cleanup
 * policy differs from its definition is left alone and reported as {@link TopicOutcome.Mismatched}.
 */
public final class TopicProvisioner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration VISIBILITY_POLL = Duration.ofMillis(50);

    private final Admin admin;
    private final Duration timeout;

    /** Uses {@link #DEFAULT_TIMEOUT} for each Admin call. The caller keeps ownership of {@code admin}. */
    public TopicProvisioner(Admin admin) {
        this(admin, DEFAULT_TIMEOUT);
    }

    public TopicProvisioner(Admin admin, Duration timeout) {
        if (admin == null) {
            throw new IllegalArgumentException("admin client is required");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Provisions every Sightline topic of the layout. */
    public ProvisionReport provision(TopicLayout layout) {
        return provision(layout.definitions());
    }

    /**
     * Creates the topics that do not exist and checks the ones that do.
     *
     * @throws TopicProvisioningException if the cluster cannot be reached in time or refuses to create a topic
     */
    public ProvisionReport provision(Collection<TopicDefinition> definitions) {
        Map<String, TopicDefinition> byName = definitions.stream()
                .collect(Collectors.toMap(TopicDefinition::name, Function.identity(), TopicProvisioner::rejectDuplicate,
                        LinkedHashMap::new));
        Set<String> present = await(admin.listTopics().names(), "list topics");
        List<TopicDefinition> missing = byName.values().stream().filter(d -> !present.contains(d.name())).toList();
        Set<String> created = create(missing);
        List<TopicDefinition> toCheck = byName.values().stream().filter(d -> !created.contains(d.name())).toList();
        Map<String, TopicOutcome> checked = check(toCheck);
        return new ProvisionReport(byName.values().stream()
                .map(d -> created.contains(d.name()) ? new TopicOutcome.Created(d) : checked.get(d.name()))
                .toList());
    }

    /** Returns the names created; a topic someone else created meanwhile is left for {@link #check}. */
    private Set<String> create(List<TopicDefinition> definitions) {
        if (definitions.isEmpty()) {
            return Set.of();
        }
        CreateTopicsResult result = admin.createTopics(definitions.stream().map(TopicDefinition::toNewTopic).toList());
        Set<String> created = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (TopicDefinition definition : definitions) {
            try {
                result.values().get(definition.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(definition.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    failures.add(definition.name() + ": " + e.getCause().getMessage());
                }
            } catch (TimeoutException e) {
                failures.add(definition.name() + ": no answer within " + timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("Interrupted while creating topics", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new TopicProvisioningException("Could not create topics: " + String.join(", ", failures));
        }
        awaitVisible(created);
        return created;
    }

    /**
     * The controller acknowledges a creation before brokers have the new metadata; waiting here means
     * clients (and the describe calls of {@link #check}) find the topics as soon as provisioning returns.
     */
    private void awaitVisible(Set<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new TopicProvisioningException("Created topics did not become visible: " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new TopicProvisioningException("Created topics did not become visible within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("Interrupted while waiting for created topics", e);
            }
            sleep(VISIBILITY_POLL);
        }
    }

    private Map<String, TopicOutcome> check(List<TopicDefinition> definitions) {
        if (definitions.isEmpty()) {
            return Map.of();
        }
        List<String> names = definitions.stream().map(TopicDefinition::name).toList();
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames(), "describe topics");
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), "describe topic configs");
        return definitions.stream().collect(Collectors.toMap(TopicDefinition::name, definition -> {
            int partitions = descriptions.get(definition.name()).partitions().size();
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, definition.name()));
            List<String> differences = differences(definition, partitions, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            return differences.isEmpty()
                    ? new TopicOutcome.Existing(definition)
                    : new TopicOutcome.Mismatched(definition, differences);
        }));
    }

    private static List<String> differences(TopicDefinition definition, int partitions, String cleanupPolicy) {
        List<String> differences = new ArrayList<>();
        if (partitions != definition.partitions()) {
            differences.add("partitions: wanted " + definition.partitions() + ", found " + partitions);
        }
        // the policy is a list ("compact,delete"); order and spacing carry no meaning
        Set<String> found = Arrays.stream(cleanupPolicy.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        if (!found.equals(Set.of(definition.cleanupPolicy()))) {
            differences.add(TopicConfig.CLEANUP_POLICY_CONFIG + ": wanted " + definition.cleanupPolicy() + ", found " + String.join(",", found));
        }
        return differences;
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Could not " + what + ": no answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted while trying to " + what, e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted while waiting for created topics", e);
        }
    }

    private static TopicDefinition rejectDuplicate(TopicDefinition first, TopicDefinition second) {
        throw new IllegalArgumentException("topic " + first.name() + " is defined twice");
    }
}
