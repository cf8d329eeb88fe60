package dev.sightline.app.cli;

import dev.sightline.app.ship.FileStatus;
import dev.sightline.app.ship.ShipListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ship} shows on stderr: notices always; with {@code live}, one progress line rewritten in place (lines/s,
 * bytes, file position); at the end, a summary per file.
 */
final class ShipProgressDisplay implements ShipListener {
    private final PrintWriter err;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private long lastLines;
    private long lastNanos = startNanos;
    private int lastWidth;

    ShipProgressDisplay(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public void notice(String message) {
        clearLine();
        err.println("ship: " + message);
        err.flush();
    }

    @Override
    public void progress(List<FileStatus> files) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        long lines = files.stream().mapToLong(FileStatus::linesSent).sum();
        long bytes = files.stream().mapToLong(FileStatus::bytesSent).sum();
        double seconds = Math.max((now - lastNanos) / 1e9, 1e-3);
        String rate = String.format(Locale.ROOT, "%,.0f lines/s", (lines - lastLines) / seconds);
        lastLines = lines;
        lastNanos = now;
        FileStatus current = files.stream().filter(f -> f.size() < 0 || f.offset() < f.size()).findFirst()
                .orElse(files.get(files.size() - 1));
        String text = String.format(Locale.ROOT, "%,d lines  %s  %s  | %s %s", lines, mebibytes(bytes), rate,
                current.name(), position(current));
        clearLine();
        err.print(text);
        err.flush();
        lastWidth = text.length();
    }

    /** The closing summary, one line per input and a total. */
    void summary(List<FileStatus> files) {
        clearLine();
        for (FileStatus file : files) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "ship: %s: sent %d lines (%d bytes)",
                    file.name(), file.linesSent(), file.bytesSent()));
            if (file.resumedAt() > 0) {
                line.append(", resumed at byte ").append(file.resumedAt());
            }
            if (file.recovered() > 0) {
                line.append(", ").append(file.recovered()).append(" already on the topic");
            }
            if (file.oversized() > 0) {
                line.append(", ").append(file.oversized()).append(" too long (not sent)");
            }
            line.append(", now at ").append(position(file));
            err.println(line);
        }
        long lines = files.stream().mapToLong(FileStatus::linesSent).sum();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        err.printf(Locale.ROOT, "ship: total %d lines in %.1f s%n", lines, elapsed.toMillis() / 1000.0);
        err.flush();
    }

    private static String position(FileStatus file) {
        if (file.size() < 0) {
            return "byte " + file.offset();
        }
        double percent = file.size() == 0 ? 100 : 100.0 * file.offset() / file.size();
        return String.format(Locale.ROOT, "byte %d of %d (%.0f%%)", file.offset(), file.size(), percent);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private void clearLine() {
        if (live && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
    }
}
