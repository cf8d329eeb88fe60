package dev.sightline.app.ship;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends log lines to a raw topic, one record per line (the bytes as written, without the terminator), and keeps a
 * position file so that a restart neither loses nor duplicates lines.
 *
 * <h2>Neither loss nor duplicates</h2>
 * The producer is idempotent with {@code acks=all} (see {@link ShipProducers}), so its own retries never duplicate a
 * record. The position of a file is saved only after {@code flush()} returned, that is after the broker acknowledged
 * every record sent so far; a restart continues from there, so nothing acknowledged-but-unsaved is lost ... but a crash
 * between the flush and the saving would send the records of that last batch again. To close that gap every record
 * carries headers: a ship id (one per shipment of a file's content from its first byte) and its line number
 * ({@link ShipHeaders}). On restart the shipper reads the topic's partitions from the time the position was saved (a
 * timestamp lookup, so only that window is read) and skips the lines it finds there. It skips exactly those lines, so a
 * hole (a record the broker refused, after which shipping stopped) is filled rather than jumped over.
 *
 * <p>Chosen over a transactional producer with positions in a compacted topic because it asks nothing of the cluster
 * or of the readers of the raw topic: no transactional id and its ACLs, no extra topic, and consumers that do not read
 * with {@code read_committed} (Vector, kcat, other tools) see the same records. The cost is reading back at most a few
 * minutes of the topic when a shipment resumes, and the shipper needs READ on the topic as well as WRITE.
 *
 * <h2>Follow</h2>
 * With {@code follow}, the shipper keeps reading growing files until {@link #stop()}, like {@code tail -F}: an
 * unfinished last line waits for its terminator; a file whose path now names another file (rotated) is read to its end
 * and then the new file is shipped from its first byte; a file that became shorter (truncated) is shipped again from
 * its first byte under a new ship id.
 */
public final class Shipper {
    private static final long PROGRESS_EVERY_MS = 1000;

    private final ShipSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final Consumer<byte[], byte[]> consumer;
    private final PositionFile positions;
    private final ShipListener listener;
    private final Clock clock;
    private final byte[] key;
    private final byte[] formatHeader;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback onAck = (metadata, exception) -> {
        if (exception != null) {
            failure.compareAndSet(null, exception);
        }
    };
    private Runnable afterFlush = () -> { };
    private long unflushed;
    private long lastCommitMs;
    private long lastProgressMs;

    /**
     * @param producer  as made by {@link ShipProducers#producer}; the caller closes it
     * @param consumer  for topic metadata and reading back the topic's end; the caller closes it
     * @param positions where to keep file positions, or null to keep none (every file starts at its beginning)
     */
    public Shipper(ShipSettings settings, Producer<byte[], byte[]> producer, Consumer<byte[], byte[]> consumer,
                   PositionFile positions, ShipListener listener, Clock clock) {
        this.settings = settings;
        this.producer = producer;
        this.consumer = consumer;
        this.positions = positions;
        this.listener = listener;
        this.clock = clock;
        this.key = settings.sourceId() == null ? null : ShipHeaders.text(settings.sourceId());
        this.formatHeader = ShipHeaders.text(settings.format());
    }

    /** Asks a running {@link #ship} to save its position and return; safe from any thread. */
    public void stop() {
        stopRequested.countDown();
    }

    /** For tests: runs after each flush, before the position is saved (throw to simulate a crash in between). */
    void afterFlush(Runnable hook) {
        this.afterFlush = hook;
    }

    /**
     * Ships the inputs: to their ends, or with follow until {@link #stop()}.
     *
     * @return the state of every input at the end
     * @throws ShipException         when the topic is missing or the broker did not acknowledge records (the
     *                               position stays at the last acknowledged batch)
     * @throws PositionFileException when the position file cannot be written
     */
    public List<FileStatus> ship(List<ShipInput> inputs) throws IOException, InterruptedException {
        ShipTopics.partitions(consumer, settings.topic(), settings.timeout());
        List<Source> sources = new ArrayList<>();
        try {
            for (ShipInput input : inputs) {
                sources.add(open(input));
            }
            skipLinesAlreadyShipped(sources);
            savePositions(sources);
            lastCommitMs = clock.millis();
            lastProgressMs = lastCommitMs;
            run(sources);
            commit(sources);
            listener.progress(statuses(sources));
            return statuses(sources);
        } finally {
            for (Source source : sources) {
                source.close();
            }
        }
    }

    private void run(List<Source> sources) throws IOException, InterruptedException {
        while (!stopping()) {
            boolean moved = false;
            for (Source source : sources) {
                moved |= pump(source, sources);
            }
            if (!settings.follow() && sources.stream().allMatch(source -> source.ended)) {
                return;
            }
            if (!moved) {
                commit(sources);
                if (settings.follow()) {
                    for (Source source : sources) {
                        watchForRotation(source, sources);
                    }
                    stopRequested.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** Sends the complete lines available now; true if there were any. */
    private boolean pump(Source source, List<Source> sources) throws IOException {
        if (source.ended) {
            return false;
        }
        boolean moved = false;
        while (!stopping()) {
            LineReader.Line line = source.reader.next();
            if (line == null) {
                if (!settings.follow() || source.path == null) {
                    // a finished input: its unterminated last line is a line too
                    handle(source, source.reader.rest());
                    source.ended = true;
                }
                return moved;
            }
            moved = true;
            handle(source, line);
            long now = clock.millis();
            if (unflushed >= settings.commitLines() || now - lastCommitMs >= settings.commitInterval().toMillis()) {
                commit(sources);
            }
            if (now - lastProgressMs >= PROGRESS_EVERY_MS) {
                lastProgressMs = now;
                listener.progress(statuses(sources));
            }
        }
        return moved;
    }

    private void handle(Source source, LineReader.Line line) {
        if (line == null) {
            return;
        }
        if (line.oversized()) {
            source.oversized++;
            listener.notice(source.input.name() + ": line " + line.number() + " is longer than "
                    + settings.maxLineBytes() + " bytes; not sent");
            return;
        }
        if (source.alreadyShipped.remove(line.number())) {
            source.recovered++;
            source.linesSentTotal++; // sent by the interrupted run, so part of this shipment
            return;
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(ShipHeaders.FORMAT, formatHeader);
        headers.add(ShipHeaders.FILE, source.fileHeader);
        headers.add(ShipHeaders.SHIP_ID, source.shipIdHeader);
        headers.add(ShipHeaders.LINE, ShipHeaders.text(Long.toString(line.number())));
        producer.send(new ProducerRecord<>(settings.topic(), null, key, line.value(), headers), onAck);
        source.linesSent++;
        source.linesSentTotal++;
        source.bytesSent += line.value().length;
        unflushed++;
        throwIfFailed();
    }

    /** Waits for the broker to acknowledge everything sent, then saves the positions up to there. */
    private void commit(List<Source> sources) throws IOException {
        lastCommitMs = clock.millis();
        if (unflushed == 0 && sources.stream().noneMatch(Source::moved)) {
            return;
        }
        producer.flush();
        throwIfFailed();
        unflushed = 0;
        afterFlush.run();
        savePositions(sources);
    }

    private void savePositions(List<Source> sources) {
        if (positions == null) {
            return;
        }
        boolean changed = false;
        for (Source source : sources) {
            if (source.path != null && (source.moved() || positions.get(source.positionKey()).isEmpty())) {
                source.saved = source.entryNow(clock.instant());
                positions.put(source.saved);
                changed = true;
            }
        }
        if (changed) {
            positions.save();
        }
    }

    private void throwIfFailed() {
        Exception exception = failure.get();
        if (exception != null) {
            throw new ShipException("the broker did not acknowledge records for " + settings.topic() + ": "
                    + exception.getMessage() + "; the position stays at the last acknowledged batch", exception);
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private Source open(ShipInput input) throws IOException {
        if (input instanceof ShipInput.Stream stream) {
            return new Source(input, null, null, stream.in(), "", newShipId(), 0, 0, 0);
        }
        Path path = ((ShipInput.File) input).path().toAbsolutePath().normalize();
        return openFile(input, path, Optional.ofNullable(positions).flatMap(p -> p.get(path.toString())));
    }

    private Source openFile(ShipInput input, Path path, Optional<PositionFile.Entry> saved) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            String fileKey = fileKey(path).orElse("");
            StartPoint start = StartPoint.decide(saved, fileKey, channel.size());
            if (start instanceof StartPoint.Resume resume) {
                PositionFile.Entry entry = resume.entry();
                channel.position(entry.offset());
                listener.notice(input.name() + ": resuming at byte " + entry.offset() + " (after line " + entry.line() + ")");
                Source source = new Source(input, path, channel, Channels.newInputStream(channel), fileKey,
                        entry.shipId(), entry.offset(), entry.line(), entry.linesSent());
                source.saved = entry;
                return source;
            }
            String reason = ((StartPoint.Fresh) start).reason();
            if (reason != null) {
                listener.notice(input.name() + ": " + reason);
            }
            return new Source(input, path, channel, Channels.newInputStream(channel), fileKey, newShipId(), 0, 0, 0);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads back the topic's end once for all resumed files (see the class comment). */
    private void skipLinesAlreadyShipped(List<Source> sources) {
        Map<String, Long> afterLine = new HashMap<>();
        Instant since = null;
        for (Source source : sources) {
            if (source.saved != null) {
                afterLine.put(source.shipId, source.saved.line());
                since = since == null || source.saved.updatedAt().isBefore(since) ? source.saved.updatedAt() : since;
            }
        }
        if (since == null) {
            return;
        }
        Map<String, Set<Long>> found = ShippedLines.find(consumer, settings.topic(), afterLine, since, settings.timeout());
        for (Source source : sources) {
            Set<Long> lines = found.getOrDefault(source.shipId, Set.of());
            if (!lines.isEmpty()) {
                source.alreadyShipped.addAll(lines);
                listener.notice(source.input.name() + ": " + lines.size() + " lines after the saved position are on "
                        + settings.topic() + " already (sent before an interruption); they are not sent again");
            }
        }
    }

    /** With follow: switches to the new file when the path was rotated, starts over when the file was truncated. */
    private void watchForRotation(Source source, List<Source> sources) throws IOException {
        if (source.path == null || source.ended) {
            return;
        }
        if (source.channel.size() < source.reader.readOffset()) {
            commit(sources);
            listener.notice(source.input.name() + ": the file was truncated; shipping it again from its beginning");
            source.channel.position(0);
            source.restart(source.fileKey, newShipId(), 0);
            savePositions(sources);
            return;
        }
        Optional<String> current = fileKey(source.path);
        if (current.isPresent() && !current.get().equals(source.fileKey)) {
            // the writer has moved on to a new file: what it wrote to the old one before the switch is still due
            LineReader.Line line;
            while ((line = source.reader.next()) != null) {
                handle(source, line);
            }
            handle(source, source.reader.rest());
            commit(sources);
            listener.notice(source.input.name() + ": the file was rotated; shipping the new file from its beginning");
            source.close();
            FileChannel channel;
            try {
                channel = FileChannel.open(source.path, StandardOpenOption.READ);
            } catch (NoSuchFileException renamedAgain) {
                return; // gone again before we could open it; the next round looks again
            }
            source.channel = channel;
            source.in = Channels.newInputStream(channel);
            source.restart(current.get(), newShipId(), 0);
            savePositions(sources);
        }
    }

    private List<FileStatus> statuses(List<Source> sources) {
        return sources.stream().map(Source::status).toList();
    }

    private static String newShipId() {
        return UUID.randomUUID().toString();
    }

    /** The file system's identity of the file (device and inode on Unix), empty where it has none or it is gone. */
    static Optional<String> fileKey(Path path) throws IOException {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return Optional.of(key == null ? "" : key.toString());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /** One input while it is shipped. */
    private final class Source {
        final ShipInput input;
        final Path path;
        final byte[] fileHeader;
        FileChannel channel;
        InputStream in;
        LineReader reader;
        String fileKey;
        String shipId;
        byte[] shipIdHeader;
        PositionFile.Entry saved;
        final Set<Long> alreadyShipped = new HashSet<>();
        long resumedAt;
        long linesSent;
        long linesSentTotal;
        long bytesSent;
        long oversized;
        long recovered;
        boolean ended;

        Source(ShipInput input, Path path, FileChannel channel, InputStream in, String fileKey, String shipId, long offset, long line, long linesSentTotal) {
            this.input = input;
            this.path = path;
            this.fileHeader = ShipHeaders.text(path == null ? "-" : path.toString());
            this.channel = channel;
            this.in = in;
            this.fileKey = fileKey;
            this.shipId = shipId;
            this.shipIdHeader = ShipHeaders.text(shipId);
            this.reader = new LineReader(in, offset, line, settings.maxLineBytes());
            this.resumedAt = offset;
            this.linesSentTotal = linesSentTotal;
        }

        void restart(String newFileKey, String newShipId, long offset) {
            fileKey = newFileKey;
            shipId = newShipId;
            shipIdHeader = ShipHeaders.text(newShipId);
            reader = new LineReader(in, offset, 0, settings.maxLineBytes());
            alreadyShipped.clear();
            linesSentTotal = 0;
            saved = null;
        }

        String positionKey() {
            return path.toString();
        }

        /** True when lines were read since the position was last saved. */
        boolean moved() {
            return path != null && (saved == null || saved.offset() != reader.lineOffset()
                    || !saved.shipId().equals(shipId));
        }

        PositionFile.Entry entryNow(Instant now) {
            return new PositionFile.Entry(positionKey(), fileKey, shipId, size(), reader.lineOffset(),
                    reader.lastLineNumber(), linesSentTotal, now);
        }

        long size() {
            try {
                return channel == null ? -1 : channel.size();
            } catch (IOException e) {
                return -1;
            }
        }

        FileStatus status() {
            return new FileStatus(input.name(), reader.lineOffset(), size(), linesSent, bytesSent, oversized, recovered,
                    resumedAt);
        }

        void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
