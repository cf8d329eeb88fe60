package dev.sightline.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks the FILE arguments of parse and ship before any work starts; {@code -} stands for stdin. */
final class LogFileArguments {
    static final String STDIN = "-";

    private LogFileArguments() {
    }

    /** @throws UserInputException naming the first file that is missing, a directory, unreadable or empty */
    static void requireReadable(List<String> names) {
        requireReadable(names, false);
    }

    /**
     * As {@link #requireReadable(List)}; {@code emptyAllowed} for a command that waits for lines to come (ship
     * --follow), where an empty file is one just rotated, not a mistake.
     */
    static void requireReadable(List<String> names, boolean emptyAllowed) {
        if (names.stream().filter(STDIN::equals).count() > 1) {
            throw new UserInputException("'-' (stdin) may be given only once");
        }
        for (String name : names) {
            if (name.equals(STDIN)) {
                continue;
            }
            Path path = Path.of(name);
            if (!Files.exists(path)) {
                throw new UserInputException("cannot read " + name + ": no such file");
            }
            if (Files.isDirectory(path)) {
                throw new UserInputException("cannot read " + name + ": it is a directory (give the log files in it)");
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new UserInputException("cannot read " + name + ": not a readable regular file");
            }
            if (!emptyAllowed && isEmpty(path)) {
                throw new UserInputException(name + " is empty: there is nothing to read");
            }
        }
    }

    private static boolean isEmpty(Path path) {
        try {
            return Files.size(path) == 0;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
