package dev.sightline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes on disk per state store under a Kafka Streams state directory, whose layout is
 * {@code <state dir>/<application id>/<task id>/rocksdb/<key-value store>/...} and
 * {@code <state dir>/<application id>/<task id>/<window store>/<segment>/...}. Files of a task outside any store
 * (checkpoint, lock) count as {@value #TASK_FILES}.
 */
final class StoreSizes {
    static final String TASK_FILES = "(task files)";
    private static final String ROCKSDB_DIR = "rocksdb";

    private StoreSizes() {
    }

    /** Store name -> bytes of its regular files (what du counts, without block rounding), by name. */
    static Map<String, Long> of(Path stateDir) {
        Map<String, Long> sizes = new TreeMap<>();
        if (!Files.isDirectory(stateDir)) {
            return sizes;
        }
        try {
            Files.walkFileTree(stateDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    sizes.merge(storeOf(stateDir.relativize(file)), attributes.size(), Long::sum);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // RocksDB removed it while we walked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + stateDir, e);
        }
        return sizes;
    }

    /** The store a file belongs to, from its path relative to the state directory. */
    static String storeOf(Path relative) {
        int store = 2; // after <application id>/<task id>
        if (relative.getNameCount() > store + 1 && relative.getName(store).toString().equals(ROCKSDB_DIR)) {
            store++;
        }
        // a file directly in the task (or higher) is no store's
        return relative.getNameCount() > store + 1 ? relative.getName(store).toString() : TASK_FILES;
    }

    static long total(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }
}
