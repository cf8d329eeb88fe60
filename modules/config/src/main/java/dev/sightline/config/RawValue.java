package dev.sightline.config;

/** A value as a source wrote it, before parsing. */
record RawValue(String key, String text, Origin origin) {

    RawValue {
        text = text == null ? "" : text;
    }

    /** Without the text: the key may be unknown, so whether it is a secret is unknown too. */
    @Override
    public String toString() {
        return key + " (from " + origin.describe() + ")";
    }
}
