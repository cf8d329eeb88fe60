package dev.sightline.app.api;

import dev.sightline.app.evidence.EvidenceInput;
import dev.sightline.app.evidence.EvidenceReadException;
import dev.sightline.app.evidence.EvidenceReport;
import dev.sightline.app.evidence.EvidenceReports;
import dev.sightline.app.evidence.EvidenceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * {@code /api/evidence}: what {@code sightline evidence export} writes for one control, built per request from the
 * evidence topics. It is evidence, not state-store data, so there is nothing to route: any instance answers.
 */
final class EvidenceRoute {
    /**
     * Each request reads four topics from their beginning: at most this many at once, the others get a 503, so that
     * evidence requests never hold all HTTP threads that store queries and forwarded requests need.
     */
    static final int MAX_CONCURRENT_READS = 2;

    private final Supplier<EvidenceInput> topics;
    private final Clock clock;
    private final Semaphore reads = new Semaphore(MAX_CONCURRENT_READS);
    private final EvidenceWriter writer = new EvidenceWriter();

    EvidenceRoute(Supplier<EvidenceInput> topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    QueryApi.Body answer(QueryApi.Request request) {
        Instant now = clock.instant();
        EvidenceQuery query = EvidenceQuery.parse(request.parameters(EvidenceQuery.PARAMETERS), now);
        EvidenceReport report = EvidenceReports.build(query.period(), read(), EvidenceReports.DEFAULT_GAP_THRESHOLD, now);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            writer.control(report, query.control(), query.format(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the evidence of " + query.control().id(), e);
        }
        return new QueryApi.Body(query.format().mediaType(), body.toByteArray());
    }

    private EvidenceInput read() {
        if (!reads.tryAcquire()) {
            throw ApiException.unavailable("already reading the evidence topics for " + MAX_CONCURRENT_READS
                    + " other requests; retry shortly");
        }
        try {
            return topics.get();
        } catch (EvidenceReadException e) {
            throw ApiException.unavailable("cannot read the evidence topics: " + e.getMessage());
        } finally {
            reads.release();
        }
    }
}
