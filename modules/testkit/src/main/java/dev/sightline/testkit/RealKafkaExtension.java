package dev.sightline.testkit;

import java.lang.reflect.Method;
import java.util.Locale;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link KafkaBroker} parameters. One broker serves the whole test run (it lives in the root
 * store, which closes it at the end); each test gets its own topic prefix, so tests do not see each
 * other's records. A {@code @BeforeEach} method and its test share the prefix.
 *
 * <p>Which broker: {@value SharedBroker#MODE_PROPERTY} = {@code auto} (default: a Testcontainers broker
 * where Docker is available, the embedded broker otherwise), {@code embedded} or {@code container}.
 */
public final class RealKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKafkaExtension.class);
    /** Keeps prefixes short: topic names may be 249 characters, and people read them in logs. */
    private static final int MAX_SLUG_LENGTH = 40;

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public KafkaBroker resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        SharedBroker shared = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class);
        // keyed by this context's id: a store lookup also searches parent contexts, whose brokers have other prefixes
        return context.getStore(NAMESPACE).computeIfAbsent(context.getUniqueId(),
                id -> new KafkaBroker(shared, prefix(shared.nextTestNumber(), context)), KafkaBroker.class);
    }

    /** E.g. {@code t007-producesandconsumes.}: a run-wide number makes it unique, the name makes it readable. */
    static String prefix(int number, ExtensionContext context) {
        String name = context.getTestMethod().map(Method::getName)
                .orElseGet(() -> context.getRequiredTestClass().getSimpleName());
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return String.format(Locale.ROOT, "t%03d-%s.", number, slug.substring(0, Math.min(slug.length(), MAX_SLUG_LENGTH)));
    }
}
