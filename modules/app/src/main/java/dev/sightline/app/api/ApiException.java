package dev.sightline.app.api;

/**
 * A query the API answers with an error status and a message for the caller: what is wrong with the request, or why
 * it cannot be answered now. Messages name parameters and limits, never stored values.
 */
final class ApiException extends RuntimeException {
    /** Seconds a caller should wait before retrying a 503 (a rebalance or restore usually takes a few). */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The data is moving between instances or being restored: try again shortly. */
    static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }

    static ApiException badGateway(String message) {
        return new ApiException(502, message);
    }

    int status() {
        return status;
    }
}
