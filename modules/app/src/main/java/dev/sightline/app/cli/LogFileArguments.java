package dev.sightline.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks the FILE arguments of parse and ship before any work starts; {@code -} stands for stdin. */
final class LogFileArguments {
    static final String STDIN = "-";

    private LogFileArguments() {
    }

    /** @throws UserInputException naming the first file that is missing, a directory or unreadable */
    static void requireReadable(List<String> names) {
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
        }
    }
}
