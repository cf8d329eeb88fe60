package dev.sightline.app.ship;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/** What to ship: a file (resumable, followable) or a stream such as stdin (read once to its end). */
public sealed interface ShipInput {
    String name();

    record File(Path path) implements ShipInput {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }
    }

    record Stream(String name, InputStream in) implements ShipInput {
        public Stream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(in, "in");
        }
    }
}
