package dev.sightline.simulator;

/**
 * One simulated web transaction through a proxy, before it is written in any format.
 *
 * @param endMillis          when the transaction ended (proxies log the end), epoch milliseconds
 * @param elapsedMs          how long it took
 * @param member             who made it
 * @param clientIp           from which of the person's devices
 * @param destination        where to
 * @param intent             what the person did
 * @param method             HTTP method; CONNECT for a tunnel
 * @param path               path with query, null for a tunnel
 * @param status             HTTP status; 0 when the client gave up before any reply
 * @param requestHeaderBytes request line and headers
 * @param requestBodyBytes   the body sent to the destination (prompt, file, form)
 * @param responseBytes      bytes sent back to the client, headers included
 * @param blocked            denied by the proxy policy
 * @param authChallenge      a 407: the proxy asked for credentials (Squid only)
 * @param tunnel             seen as a CONNECT tunnel only (not decrypted)
 * @param mimeType           reply content type
 * @param userAgent          the client software
 * @param prompt             prompt text where the source captures it, else null
 * @param fileName           name of the uploaded file, else null
 * @param account            the AI service account used, null when not known
 * @param sequence           a per-simulator counter (transaction ids)
 */
record WebTransaction(
        long endMillis,
        int elapsedMs,
        Population.Member member,
        String clientIp,
        Destination destination,
        Intent intent,
        String method,
        String path,
        int status,
        int requestHeaderBytes,
        long requestBodyBytes,
        long responseBytes,
        boolean blocked,
        boolean authChallenge,
        boolean tunnel,
        String mimeType,
        String userAgent,
        Prompt prompt,
        String fileName,
        Account account,
        long sequence) {

    /** The AI service account: the organisation's tenant or a person's own. */
    record Account(boolean personal, String instanceId, String instanceName) {
    }

    String host() {
        return destination.host();
    }

    /** The path without its query, as proxies that cut queries log it (Squid keeps the {@code ?}). */
    String pathWithoutQueryValues() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q + 1);
    }
}
