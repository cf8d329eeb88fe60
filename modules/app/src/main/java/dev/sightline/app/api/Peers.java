package dev.sightline.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance's API for the part of an answer it holds. The request carries the API token (when one is
 * configured) and {@value #FORWARDED_HEADER}, so the other instance answers from its own stores and never forwards
 * again. A peer that cannot be reached, or answers 503, makes the answer 503: the data is moving, not gone.
 */
final class Peers {
    /** Marks a request one instance sends another: answer locally. */
    static final String FORWARDED_HEADER = "X-Sightline-Forwarded";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final Optional<Secret> token;

    Peers(Optional<Secret> token) {
        this.token = token;
    }

    /** GET {@code pathAndQuery} (raw, as received) from {@code peer}; completes with its JSON or an {@link ApiException}. */
    CompletableFuture<JsonNode> get(HostInfo peer, String pathAndQuery) {
        String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + peer.port() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT).header(FORWARDED_HEADER, "true").GET();
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        String name = host + ":" + peer.port();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw ApiException.unavailable("instance " + name + " that holds part of the data cannot be"
                                + " reached (" + failure.getClass().getSimpleName() + ")");
                    }
                    return parse(name, response);
                });
    }

    /** Waits for a peer's answer, unwrapping its {@link ApiException}. */
    static JsonNode await(CompletableFuture<JsonNode> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
    }

    private static JsonNode parse(String name, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw ApiException.badGateway("instance " + name + " answered with invalid JSON");
            }
        }
        String error = errorOf(response.body());
        throw switch (status) {
            case 400 -> ApiException.badRequest(error);
            case 404 -> ApiException.notFound(error);
            case 503 -> ApiException.unavailable("instance " + name + ": " + error);
            default -> ApiException.badGateway("instance " + name + " answered " + status
                    + (status == 401 ? ": is sightline.http.api.token the same on every instance?" : ""));
        };
    }

    private static String errorOf(String body) {
        try {
            return JSON.readTree(body).path("error").asText("no reason given");
        } catch (IOException e) {
            return "no reason given";
        }
    }
}
