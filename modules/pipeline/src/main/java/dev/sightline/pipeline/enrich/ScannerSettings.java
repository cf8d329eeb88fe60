package dev.sightline.pipeline.enrich;

import dev.sightline.classify.ScannerConfig;
import dev.sightline.config.ConfigException;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/** The content scanner's set-up from the configuration (sightline.scanner.*). */
public final class ScannerSettings {
    static final int RANDOM_KEY_BYTES = 32;

    private ScannerSettings() {
    }

    /**
     * @param randomKeyWhenUnset true for demo and replay only: without sightline.scanner.hmac.key they hash with a
     *                           random key per process, so hashes correlate within that run and never across runs
     * @throws ConfigException when the key is unset and a random key is not allowed
     */
    public static ScannerConfig from(SightlineConfig config, boolean randomKeyWhenUnset) {
        byte[] key = config.get(ConfigKeys.SCANNER_HMAC_KEY)
                .map(secret -> secret.reveal().getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    if (!randomKeyWhenUnset) {
                        throw new ConfigException(List.of(ConfigKeys.SCANNER_HMAC_KEY.name() + " is required: the key"
                                + " of the hash that correlates sensitive values found in content (at least 16 bytes)"));
                    }
                    byte[] random = new byte[RANDOM_KEY_BYTES];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
        int maxBytes = config.get(ConfigKeys.SCANNER_MAX_BYTES).orElse(ScannerConfig.DEFAULT_MAX_BYTES);
        return ScannerConfig.of(key).withMaxBytes(maxBytes);
    }
}
