package dev.sightline.pipeline;

import dev.sightline.config.SightlineConfig;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import java.util.HashMap;
import java.util.Map;

/** The schema-registry client a configuration names, with its credentials: one place for every caller. */
public final class RegistryClients {
    private RegistryClients() {
    }

    public static SchemaRegistryClient forConfig(SightlineConfig config) {
        return SchemaRegistryClients.create(config.schemaRegistryUrl(), clientConfig(config));
    }

    /** The serde settings for the configured credentials. Holds secrets in clear: do not log it. */
    private static Map<String, Object> clientConfig(SightlineConfig config) {
        Map<String, Object> registry = new HashMap<>();
        config.schemaRegistryUserInfo().ifPresent(info -> {
            registry.put("basic.auth.credentials.source", "USER_INFO");
            registry.put("basic.auth.user.info", info.reveal());
        });
        config.schemaRegistryBearerToken().ifPresent(token -> registry.put("bearer.auth.token", token.reveal()));
        return registry;
    }
}
