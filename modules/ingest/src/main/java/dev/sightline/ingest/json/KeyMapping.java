package dev.sightline.ingest.json;

import dev.sightline.ingest.ParserOptions;
import java.util.Map;

/**
 * Key names of feeds whose template the admin writes (Zscaler NSS, Netskope): each of our field names is the key of the
 * common template, and {@link ParserOptions#keyMapping()} may point it at another key. Entries naming fields a parser
 * does not know are ignored, since one options object serves every format.
 */
public final class KeyMapping {
    private final Map<String, String> overrides;

    public KeyMapping(ParserOptions options) {
        this.overrides = options.keyMapping();
    }

    /** The feed's key for one of our fields. */
    public String key(String field) {
        return overrides.getOrDefault(field, field);
    }
}
