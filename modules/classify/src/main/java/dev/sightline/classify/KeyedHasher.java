package dev.sightline.classify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of a value under the configured key, hex: correlates findings without revealing them. */
final class KeyedHasher {

    private static final String ALGORITHM = "HmacSHA256";

    /** Mac instances are not thread-safe; one initialised copy per thread. */
    private final ThreadLocal<Mac> mac;

    KeyedHasher(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance(ALGORITHM);
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
            }
        });
    }

    String hash(String value) {
        return HexFormat.of().formatHex(mac.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
