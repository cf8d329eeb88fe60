package dev.sightline.detect;

import dev.sightline.model.AiUsageEvent;
import java.util.Optional;

/**
 * Who acted, as far as the event proves it. A user name the source only claims (userVerified = false, e.g. a
 * Squid 407 line) is not the actor: such events are attributed to the client address instead.
 */
public final class Actor {
    static final String UNKNOWN = "unknown";

    private Actor() {
    }

    /** The verified user id, if any. */
    public static Optional<String> user(AiUsageEvent event) {
        return event.getUserVerified() && event.getUser() != null && !event.getUser().isBlank()
                ? Optional.of(event.getUser()) : Optional.empty();
    }

    /** A key for per-actor state and alert ids: the verified user, else {@code ip:<client address>}, else {@code unknown}. */
    public static String key(AiUsageEvent event) {
        return user(event).orElseGet(() -> event.getClientIp() != null ? "ip:" + event.getClientIp() : UNKNOWN);
    }

    public static Optional<String> department(AiUsageEvent event) {
        return event.getIdentity() == null ? Optional.empty() : Optional.ofNullable(event.getIdentity().getDepartment());
    }
}
