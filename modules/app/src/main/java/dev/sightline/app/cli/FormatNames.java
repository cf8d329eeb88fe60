package dev.sightline.app.cli;

import dev.sightline.ingest.Parsers;
import java.util.Iterator;

/** The input format names for {@code --format}: listed in the help and offered by shell completion. */
final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Parsers.formats().iterator();
    }
}
