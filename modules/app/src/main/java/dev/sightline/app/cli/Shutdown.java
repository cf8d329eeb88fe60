package dev.sightline.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for Ctrl-C (SIGINT/SIGTERM) or a deadline, and lets the JVM exit only after everything opened inside it has
 * closed: the shutdown hook waits until this object is closed. Open it before, and so close it after, the resources
 * it guards.
 */
final class Shutdown implements AutoCloseable {
    /** How long a signal waits for an orderly stop before the JVM exits anyway. */
    private static final Duration GRACE = Duration.ofSeconds(45);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private Shutdown() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sightline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Shutdown install() {
        return new Shutdown();
    }

    /** Blocks until a signal arrives or, when {@code seconds} is not null, that many seconds pass. */
    void await(Long seconds) throws InterruptedException {
        if (seconds == null) {
            requested.await();
        } else {
            requested.await(seconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has just been released
        }
    }
}
