package dev.sightline.app.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Property
    void linesAndTerminatorsAddUpToTheInput(@ForAll @Size(max = 400) byte[] input,
                                            @ForAll @IntRange(min = 1, max = 50) int maxLineBytes) throws IOException {
        byte[] withNewlines = sprinkleNewlines(input);
        LineReader reader = new LineReader(new ByteArrayInputStream(withNewlines), 0, 0, maxLineBytes);
        List<LineReader.Line> lines = readAll(reader);

        long expectedStart = 0;
        long expectedNumber = 1;
        for (LineReader.Line line : lines) {
            assertThat(line.startOffset()).isEqualTo(expectedStart);
            assertThat(line.number()).isEqualTo(expectedNumber++);
            byte[] span = Arrays.copyOfRange(withNewlines, (int) line.startOffset(), (int) line.endOffset());
            if (line.oversized()) {
                assertThat(line.value()).isEmpty();
                assertThat(span.length).isGreaterThan(maxLineBytes);
            } else {
                assertThat(Arrays.copyOf(span, Math.min(span.length, line.value().length))).isEqualTo(line.value());
                assertThat(line.value().length).isLessThanOrEqualTo(maxLineBytes);
                byte[] terminator = Arrays.copyOfRange(span, line.value().length, span.length);
                assertThat(new String(terminator, StandardCharsets.ISO_8859_1)).isIn("", "\n", "\r\n");
            }
            expectedStart = line.endOffset();
        }
        assertThat(expectedStart).isEqualTo(withNewlines.length);
        assertThat(reader.lineOffset()).isEqualTo(withNewlines.length);
    }

    @Test
    void stripsTheTerminatorOnly() throws IOException {
        List<LineReader.Line> lines = readAll(reader("a\r\n\nb\rc\n  d  "));
        assertThat(lines).extracting(line -> new String(line.value(), StandardCharsets.UTF_8))
                .containsExactly("a", "", "b\rc", "  d  ");
        assertThat(lines).extracting(LineReader.Line::endOffset).containsExactly(3L, 4L, 8L, 13L);
    }

    @Test
    void resumesAtAnOffsetWithTheLineNumbersGoingOn() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)), 100, 7, 10);
        assertThat(readAll(reader)).extracting(LineReader.Line::number, LineReader.Line::startOffset)
                .containsExactly(tuple(8L, 100L), tuple(9L, 102L));
    }

    @Test
    void anUnfinishedLineWaitsForItsTerminator() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        InputStream growing = new PipedInputStream(writer, 1024) {
            @Override
            public synchronized int read(byte[] b, int off, int len) throws IOException {
                return available() == 0 ? -1 : super.read(b, off, len); // like a file: end of data for now
            }
        };
        LineReader reader = new LineReader(growing, 0, 0, 100);
        writer.write("first\nsec".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(reader.next().value(), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(reader.next()).isNull();
        assertThat(reader.lineOffset()).isEqualTo(6);
        assertThat(reader.readOffset()).isEqualTo(9);

        writer.write("ond\n".getBytes(StandardCharsets.UTF_8));
        LineReader.Line second = reader.next();
        assertThat(new String(second.value(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(second.number()).isEqualTo(2);
        assertThat(reader.rest()).isNull();
    }

    @Test
    void anOversizedLineIsReportedWithoutItsContent() throws IOException {
        List<LineReader.Line> lines = readAll(new LineReader(new ByteArrayInputStream(
                "short\n0123456789ABCDEF\nok\n".getBytes(StandardCharsets.UTF_8)), 0, 0, 10));
        assertThat(lines).extracting(LineReader.Line::oversized).containsExactly(false, true, false);
        assertThat(lines.get(1).value()).isEmpty();
        assertThat(lines.get(1).toString()).doesNotContain("0123");
        assertThat(lines.get(2).startOffset()).isEqualTo(23);
    }

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0, 0, 1000);
    }

    private static List<LineReader.Line> readAll(LineReader reader) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        LineReader.Line rest = reader.rest();
        if (rest != null) {
            lines.add(rest);
        }
        return lines;
    }

    /** Random bytes rarely hold newlines; turn some into \n and \r\n so lines of every length occur. */
    private static byte[] sprinkleNewlines(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : input) {
            if ((b & 0x0f) == 0) {
                out.write('\n');
            } else if ((b & 0x1f) == 1) {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
