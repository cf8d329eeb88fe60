package dev.sightline.app.cli;

/** A file or value the user gave cannot be used; the message says which and why. Exits with 2. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
