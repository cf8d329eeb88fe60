package dev.sightline.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option, declared once as a constant (see {@link ConfigKeys}): its key, type, default, validator,
 * documentation, whether it is a secret, and the Kafka property it sets, if any. Immutable; each fluent call returns
 * a copy, so declarations read top to bottom.
 *
 * <p>A key without a default is optional: it has no value unless a source sets one.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final Validator<? super T> validator;
    private final String doc;
    private final boolean secret;
    private final String kafkaProperty;
    private final boolean forAllKafkaClients;

    private ConfigKey(String name, ValueType<T> type, T defaultValue, Validator<? super T> validator, String doc,
                      boolean secret, String kafkaProperty, boolean forAllKafkaClients) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.validator = validator;
        this.doc = Objects.requireNonNull(doc, "doc");
        this.secret = secret;
        this.kafkaProperty = kafkaProperty;
        this.forAllKafkaClients = forAllKafkaClients;
        if (defaultValue != null && validator != null && !validator.accepts(defaultValue)) {
            // a programming error in a declaration: fail when the class loads, not in front of a user
            throw new IllegalArgumentException("default of " + name + " is not " + validator.allowed());
        }
    }

    public static <T> ConfigKey<T> of(String name, ValueType<T> type) {
        return new ConfigKey<>(name, type, null, null, "", false, null, false);
    }

    public static ConfigKey<Integer> integer(String name) {
        return of(name, ValueType.INTEGER);
    }

    public static ConfigKey<Long> longInteger(String name) {
        return of(name, ValueType.LONG);
    }

    public static ConfigKey<String> string(String name) {
        return of(name, ValueType.STRING);
    }

    public static ConfigKey<Path> path(String name) {
        return of(name, ValueType.PATH);
    }

    public static ConfigKey<List<String>> list(String name) {
        return of(name, ValueType.LIST);
    }

    /** A credential: its value is a {@link Secret} and is masked wherever the configuration is shown. */
    public static ConfigKey<Secret> secret(String name) {
        return of(name, ValueType.SECRET).secret();
    }

    public static <E extends Enum<E> & ConfigName> ConfigKey<E> enumeration(String name, Class<E> type) {
        return of(name, ValueType.enumeration(type));
    }

    public ConfigKey<T> defaultValue(T value) {
        return new ConfigKey<>(name, type, Objects.requireNonNull(value, "value"), validator, doc, secret,
                kafkaProperty, forAllKafkaClients);
    }

    public ConfigKey<T> validator(Validator<? super T> rule) {
        return new ConfigKey<>(name, type, defaultValue, Objects.requireNonNull(rule, "rule"), doc, secret,
                kafkaProperty, forAllKafkaClients);
    }

    public ConfigKey<T> doc(String text) {
        return new ConfigKey<>(name, type, defaultValue, validator, text, secret, kafkaProperty, forAllKafkaClients);
    }

    /** Marks the value as sensitive: masked in messages, {@code describe()} and {@code toString()}. */
    public ConfigKey<T> secret() {
        return new ConfigKey<>(name, type, defaultValue, validator, doc, true, kafkaProperty, forAllKafkaClients);
    }

    /** The value is also handed to every Kafka client (producer, consumer, admin, streams) as {@code property}. */
    public ConfigKey<T> clientProperty(String property) {
        return new ConfigKey<>(name, type, defaultValue, validator, doc, secret, property, true);
    }

    /** The value is also handed to Kafka Streams as {@code property}. */
    public ConfigKey<T> streamsProperty(String property) {
        return new ConfigKey<>(name, type, defaultValue, validator, doc, secret, property, false);
    }

    /** The same option under another name; how a {@link KeyFamily} makes its members. */
    ConfigKey<T> named(String newName) {
        return new ConfigKey<>(newName, type, defaultValue, validator, doc, secret, kafkaProperty, forAllKafkaClients);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String doc() {
        return doc;
    }

    public boolean isSecret() {
        return secret;
    }

    /** What values are accepted, as a phrase: the validator's if there is one, else the type's. */
    public String allowed() {
        return validator != null ? validator.allowed() : type.description();
    }

    /** The Kafka client or Streams property this option sets, if any. */
    public Optional<String> kafkaProperty() {
        return Optional.ofNullable(kafkaProperty);
    }

    /** True if {@link #kafkaProperty()} goes to every Kafka client, false if only to Kafka Streams. */
    public boolean forAllKafkaClients() {
        return forAllKafkaClients;
    }

    /** The environment variable that sets this key, if the key's name can be spelled as one. */
    public Optional<String> environmentVariable() {
        return EnvironmentVariables.variableFor(name);
    }

    /** @throws IllegalArgumentException if the text is not an acceptable value */
    T parse(String text) {
        T value = type.parse(text);
        if (validator != null && !validator.accepts(value)) {
            throw new IllegalArgumentException("not " + allowed());
        }
        return value;
    }

    /** A value of this key as text, secrets in clear: for Kafka properties, never for people. */
    @SuppressWarnings("unchecked") // values are stored next to their key, so they have its type
    String render(Object value) {
        return type.render((T) value);
    }

    /** A value of this key as shown to people: the mask for secrets. */
    String display(Object value) {
        return secret ? Secret.MASK : Redaction.scrub(render(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
