package dev.sightline.config;

/** An enum constant whose configuration spelling differs from its Java name (e.g. {@code exactly_once_v2}, {@code squid-ext}). */
public interface ConfigName {

    /** The value as written in configuration files, environment variables and on the command line. */
    String configName();
}
