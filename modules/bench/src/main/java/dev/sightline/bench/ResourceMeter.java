package dev.sightline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The process's memory while the benchmark runs: heap in use (sampled every 100 ms), heap still live after the
 * latest collection (the heap pools' collection usage, which the GC updates), peak resident set (VmHWM) and the size
 * of a state directory. Everything in this JVM counts: the broker, the clients and the stream application.
 */
final class ResourceMeter implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 100;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong peakHeapUsed = new AtomicLong();
    private final AtomicLong peakLiveAfterGc = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Memory figures in bytes. */
    record Memory(long peakHeapUsed, long peakLiveAfterGc, long maxHeap, Optional<Long> peakRss) {
    }

    ResourceMeter() {
        sampler = new Thread(this::sample, "sightline-bench-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peakHeapUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long live = heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
            peakLiveAfterGc.accumulateAndGet(live, Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Memory memory() {
        return new Memory(peakHeapUsed.get(), peakLiveAfterGc.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(), peakRss(Path.of("/proc/self/status")));
    }

    /** Heap in use right after a full collection that this call asks for: what is live now. */
    static long liveHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmHWM of a /proc status file, in bytes; empty where there is none (not Linux). */
    static Optional<Long> peakRss(Path status) {
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmHWM:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Bytes of the regular files under a state directory (what du counts, without block rounding). */
    static long directorySize(Path directory) {
        return StoreSizes.total(StoreSizes.of(directory));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
