package dev.sightline.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A streaming JSON writer over one reusable buffer: Jackson does the escaping, no tree is built. One per simulator.
 */
final class JsonOut {
    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);

    private JsonGenerator start() {
        buffer.reset();
        try {
            return factory.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] finish(JsonGenerator generator) {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Writing into memory cannot fail; Jackson's checked exception is rethrown unchecked. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    byte[] write(Body body) {
        JsonGenerator g = start();
        try {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(g);
    }
}
