package dev.sightline.app.cli;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RecordParser;

/** {@code --format} and {@code --logformat} as parse and ship take them. */
final class FormatOptions {
    private FormatOptions() {
    }

    /** @throws UserInputException for an unknown format, a logformat for another format, or one that does not compile */
    static RecordParser parser(String format, String logformat) {
        if (logformat == null) {
            return create(format, ParserOptions.defaults());
        }
        if (!format.equals("squid")) {
            throw new UserInputException("--logformat applies to --format squid only, not " + format);
        }
        try {
            return Parsers.create(format, ParserOptions.defaults().withLogformat(logformat));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("invalid --logformat definition: " + e.getMessage(), e);
        }
    }

    private static RecordParser create(String format, ParserOptions options) {
        try {
            return Parsers.create(format, options);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
