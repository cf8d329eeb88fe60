package dev.sightline.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A SASL_SSL listener of the embedded broker: TLS with a PKCS12 key store, SASL/PLAIN with a fixed set of users.
 * {@link #generate} makes a self-signed certificate for 127.0.0.1 with the JDK's {@code keytool}, so that tests
 * need neither files in the repository nor a crypto library.
 *
 * @param port             0 picks a free one
 * @param keyStore         PKCS12 key store holding the broker's key and certificate
 * @param trustStore       PKCS12 trust store holding that certificate, for clients
 * @param storePassword    password of both stores and of the key
 * @param users            SASL/PLAIN user name to password
 */
public record SaslSsl(int port, Path keyStore, Path trustStore, String storePassword, Map<String, String> users) {
    private static final String STORE_TYPE = "PKCS12";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    public SaslSsl {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(storePassword, "storePassword");
        users = Map.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a SASL listener needs at least one user");
        }
    }

    /** Generates a key store and trust store in {@code directory} for a listener on a free port. */
    public static SaslSsl generate(Path directory, Map<String, String> users) {
        String password = UUID.randomUUID().toString();
        Path keyStore = directory.resolve("broker.p12");
        Path certificate = directory.resolve("broker.crt");
        Path trustStore = directory.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", STORE_TYPE,
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", password,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", STORE_TYPE,
                "-keystore", trustStore.toString(), "-storepass", password);
        return new SaslSsl(0, keyStore, trustStore, password, users);
    }

    /** The client properties for {@code user} against this listener: TLS verified against the trust store. */
    public Map<String, String> clientProperties(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SASL user '" + user + "' on this listener");
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", "PLAIN");
        props.put("sasl.jaas.config", plainLogin(user, password, Map.of()));
        props.put("ssl.truststore.location", trustStore.toString());
        props.put("ssl.truststore.password", storePassword);
        props.put("ssl.truststore.type", STORE_TYPE);
        return props;
    }

    Map<String, String> brokerProperties(String listenerName) {
        String prefix = "listener.name." + listenerName.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> props = new LinkedHashMap<>();
        props.put(prefix + "ssl.keystore.location", keyStore.toString());
        props.put(prefix + "ssl.keystore.password", storePassword);
        props.put(prefix + "ssl.key.password", storePassword);
        props.put(prefix + "ssl.keystore.type", STORE_TYPE);
        props.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
        // the broker's own login entry lists every user it accepts as user_<name>="<password>"
        String first = users.keySet().iterator().next();
        props.put(prefix + "plain.sasl.jaas.config", plainLogin(first, users.get(first), users));
        return props;
    }

    private static String plainLogin(String user, String password, Map<String, String> accepted) {
        String acceptedUsers = accepted.entrySet().stream()
                .map(e -> " user_" + e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining());
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\"" + acceptedUsers + ";";
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new EmbeddedKafkaException("keytool " + arguments[0] + " failed: " + output.strip(), null);
            }
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot run keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while running keytool", e);
        }
    }

    @Override
    public String toString() {
        // the passwords stay out of logs
        return "SaslSsl[port=" + port + ", keyStore=" + keyStore + ", users=" + users.keySet() + "]";
    }
}
