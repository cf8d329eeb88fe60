package dev.sightline.app.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.sightline.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read the HTTP API: everyone (no token configured) or whoever sends {@code Authorization: Bearer <token>}.
 * The token is compared in constant time, on SHA-256 digests so that not even its length leaks through timing, and
 * it is never logged or echoed.
 */
public final class ApiAuth {
    static final String SCHEME = "Bearer ";
    private static final ApiAuth OPEN = new ApiAuth(null);

    private final byte[] expectedDigest;

    private ApiAuth(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    /** No token configured: the API is open (bind to loopback, the default, or protect it otherwise). */
    public static ApiAuth open() {
        return OPEN;
    }

    /** {@code sightline.http.api.token}: a token when configured, open otherwise. */
    public static ApiAuth from(Optional<Secret> token) {
        return token.map(secret -> new ApiAuth(sha256(secret.reveal()))).orElse(OPEN);
    }

    public boolean required() {
        return expectedDigest != null;
    }

    /** True when no token is required or the request carries the right one. */
    public boolean permits(HttpExchange exchange) {
        if (!required()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, sha256(header.substring(SCHEME.length()).strip()));
    }

    /** A filter answering 401 (with {@code WWW-Authenticate: Bearer}) to requests without the token. */
    public Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                if (permits(exchange)) {
                    chain.doFilter(exchange);
                } else {
                    reject(exchange);
                }
            }

            @Override
            public String description() {
                return "bearer token";
            }
        };
    }

    static void reject(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "{\"error\":\"unauthorized: send Authorization: Bearer <sightline.http.api.token>\"}\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"sightline\"");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return required() ? "ApiAuth[bearer token]" : "ApiAuth[open]";
    }
}
