package dev.sightline.config;

/** An effective value of one key and where it came from. */
record Setting(ConfigKey<?> key, Object value, Origin origin) {

    /** The value as shown to people: masked if the key is a secret. */
    String displayValue() {
        return key.display(value);
    }

    @Override
    public String toString() {
        return key.name() + "=" + displayValue() + " (" + origin.describe() + ")";
    }
}
