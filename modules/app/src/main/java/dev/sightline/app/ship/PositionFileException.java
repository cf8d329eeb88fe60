package dev.sightline.app.ship;

/** The position file cannot be read or written; the message names the file and what is wrong. */
public final class PositionFileException extends RuntimeException {
    public PositionFileException(String message) {
        super(message);
    }

    public PositionFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
