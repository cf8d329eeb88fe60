package dev.sightline.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where an effective value came from; named in error messages and in {@code describe()}. */
public sealed interface Origin {

    Origin DEFAULT = new Default();
    Origin EXPLICIT = new Explicit();

    /** For messages: "default", "file /etc/sightline.yaml", "environment variable SIGHTLINE_HTTP_PORT", "override". */
    String describe();

    /** The built-in default declared with the key. */
    record Default() implements Origin {
        @Override
        public String describe() {
            return "default";
        }
    }

    record File(Path path) implements Origin {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    record Environment(String variable) implements Origin {
        public Environment {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }

    /** An explicit override handed to the loader, e.g. from a command-line flag. */
    record Explicit() implements Origin {
        @Override
        public String describe() {
            return "override";
        }
    }
}
