package dev.sightline.config;

import java.util.Arrays;
import java.util.Optional;

/** The input formats a raw topic can carry; names are a contract (ARCHITECTURE.md, "Format names"). */
public enum InputFormat implements ConfigName {
    SQUID("squid"),
    SQUID_EXT("squid-ext"),
    SQUID_COMMON("squid-common"),
    SQUID_COMBINED("squid-combined"),
    ZSCALER("zscaler"),
    NETSKOPE("netskope"),
    ECS("ecs"),
    M365_AUDIT("m365-audit"),
    CHATGPT_COMPLIANCE("chatgpt-compliance"),
    GEMINI_AUDIT("gemini-audit");

    private final String configName;

    InputFormat(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Only {@code squid} takes a site-specific squid.conf {@code logformat} definition. */
    public boolean acceptsLogformat() {
        return this == SQUID;
    }

    public static Optional<InputFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.configName.equals(name)).findFirst();
    }
}
