package dev.sightline.catalog;

/** A catalog or override entry that breaks a rule; names the offending field so the loader can report it. */
public final class InvalidEntryException extends IllegalArgumentException {
    private final String field;

    public InvalidEntryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
