package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The fixed set of AI-tool categories; the catalog files use the kebab-case {@link #id()}. */
public enum Category {
    CHAT("chat"),
    CODE("code"),
    IMAGE("image"),
    VIDEO("video"),
    AUDIO("audio"),
    WRITING("writing"),
    TRANSLATION("translation"),
    MEETING("meeting"),
    SEARCH("search"),
    AGENT("agent"),
    COMPANION("companion"),
    PRODUCTIVITY("productivity"),
    API("api"),
    MODEL_HUB("model-hub"),
    ML_PLATFORM("ml-platform"),
    GATEWAY("gateway"),
    SAAS_FEATURE("saas-feature");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Category fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Category c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + id + "' (allowed: "
                + Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", ")) + ")");
    }
}
