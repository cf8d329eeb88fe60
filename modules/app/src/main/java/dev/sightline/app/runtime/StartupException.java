package dev.sightline.app.runtime;

/** Sightline cannot start as configured (port in use, broker unreachable, bad configuration); the message says why. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
