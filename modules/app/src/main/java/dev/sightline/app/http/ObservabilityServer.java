package dev.sightline.app.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP side of a running Sightline: {@code /health} (JSON, 200 when the stream application runs, 503 otherwise)
 * and {@code /metrics} (Prometheus text). The JDK's own server is enough for a handful of scrape endpoints.
 * With an API token ({@link ApiAuth}), every {@code /api/...} route needs it, and {@code /health} without it tells
 * only up or down; {@code /metrics} stays open for scrapers and holds no secrets.
 */
public final class ObservabilityServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Instances forward API queries to each other: enough threads that two fanning out at once never wait on each other. */
    private static final int HTTP_THREADS = 8;

    /** Every route under this path requires the API token when one is configured. */
    public static final String API_PATH = "/api";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiAuth auth;

    private ObservabilityServer(HttpServer server, ExecutorService executor, ApiAuth auth) {
        this.server = server;
        this.executor = executor;
        this.auth = auth;
    }

    /**
     * Starts serving on {@code bindAddress:port} (port 0 picks a free one).
     *
     * @param health  the current health, rendered on every request
     * @param metrics the Prometheus exposition text, rendered on every scrape
     */
    public static ObservabilityServer start(String bindAddress, int port, Supplier<Health> health, Supplier<String> metrics)
            throws IOException {
        return start(bindAddress, port, health, metrics, ApiAuth.open());
    }

    /** As {@link #start(String, int, Supplier, Supplier)}, with the API protected by {@code auth}. */
    public static ObservabilityServer start(String bindAddress, int port, Supplier<Health> health, Supplier<String> metrics,
                                            ApiAuth auth) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
            Thread t = new Thread(r, "sightline-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/health", exchange -> {
            Health h = health.get();
            // components and configuration are for those who hold the token; a load balancer needs only up or down
            respond(exchange, h.up() ? 200 : 503, "application/json", auth.permits(exchange) ? h.toJson() : h.toStatusJson());
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
                "not found; try /health or /metrics\n"));
        ObservabilityServer observability = new ObservabilityServer(server, executor, auth);
        // unknown API paths answer 401 before 404, so that they reveal nothing to a caller without the token
        observability.route(API_PATH, exchange -> respond(exchange, 404, "application/json", "{\"error\":\"not found\"}\n"));
        server.start();
        return observability;
    }

    /**
     * Serves {@code handler} on {@code path}; a path under {@value #API_PATH} requires the API token when one is set.
     */
    public void route(String path, HttpHandler handler) {
        HttpContext context = server.createContext(path, handler);
        if (path.equals(API_PATH) || path.startsWith(API_PATH + "/")) {
            context.getFilters().add(auth.filter());
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
