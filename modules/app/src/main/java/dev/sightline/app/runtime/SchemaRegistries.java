package dev.sightline.app.runtime;

import dev.sightline.config.SightlineConfig;
import dev.sightline.pipeline.RegistryClients;
import dev.sightline.serde.SchemaRegistryClient;

/** The schema-registry client a configuration names, with its credentials: one place for every command. */
public final class SchemaRegistries {
    private SchemaRegistries() {
    }

    public static SchemaRegistryClient client(SightlineConfig config) {
        return RegistryClients.forConfig(config);
    }
}
