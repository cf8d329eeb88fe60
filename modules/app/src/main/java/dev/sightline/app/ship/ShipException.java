package dev.sightline.app.ship;

/** Shipping cannot go on (the broker refused records, the topic is missing); the message says what happened. */
public final class ShipException extends RuntimeException {
    public ShipException(String message) {
        super(message);
    }

    public ShipException(String message, Throwable cause) {
        super(message, cause);
    }
}
