package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How long the vendor keeps prompts and outputs by default: {@code none} (zero retention), {@code <N>d} (N days),
 * {@code configurable} (the customer sets it), {@code until-deleted} (kept until the user deletes it) or {@code unknown}.
 */
public record Retention(Kind kind, int days) implements Knowable {
    public enum Kind { NONE, DAYS, CONFIGURABLE, UNTIL_DELETED, UNKNOWN }

    public static final Retention UNKNOWN = new Retention(Kind.UNKNOWN, 0);

    public Retention {
        if ((kind == Kind.DAYS) != (days > 0)) {
            throw new IllegalArgumentException("a retention in days needs a positive day count");
        }
    }

    @JsonCreator
    public static Retention parse(String raw) {
        String text = Ids.canonical(raw);
        switch (text) {
            case "none", "false":
                return new Retention(Kind.NONE, 0);
            case "configurable":
                return new Retention(Kind.CONFIGURABLE, 0);
            case "until-deleted":
                return new Retention(Kind.UNTIL_DELETED, 0);
            case "unknown":
                return UNKNOWN;
            default:
                if (text.length() > 1 && text.length() <= 6 && text.endsWith("d")
                        && text.chars().limit(text.length() - 1L).allMatch(Character::isDigit)) {
                    return new Retention(Kind.DAYS, Integer.parseInt(text.substring(0, text.length() - 1)));
                }
                throw new IllegalArgumentException(
                        "expected none, <N>d (e.g. 30d), configurable, until-deleted or unknown, not '" + raw + "'");
        }
    }

    @Override
    public boolean known() {
        return kind != Kind.UNKNOWN;
    }

    @JsonValue
    @Override
    public String toString() {
        return kind == Kind.DAYS ? days + "d" : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
