package dev.sightline.config;

/** What a dead-letter record keeps of the rejected input. */
public enum DeadLetterRawMode implements ConfigName {
    /** The raw bytes as shipped, so the record can be repaired and replayed. */
    KEEP("keep"),
    /** Only a keyed hash of the raw bytes, for sites where rejected lines may hold data that must not be retained. */
    HASH("hash");

    private final String configName;

    DeadLetterRawMode(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
