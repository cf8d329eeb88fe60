package dev.sightline.app.ship;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: a line ends at {@code \n}, and a {@code \r} right before it is
 * part of the terminator; neither is part of the value. Tracks byte offsets and 1-based line numbers so that a reader
 * can resume exactly where a previous one stopped.
 *
 * <p>At the end of the available input {@link #next()} returns null but keeps an unterminated rest: reading again after
 * the file grew continues that line (tail semantics). A finished input hands the rest out with {@link #rest()}.
 * Lines longer than the limit are not kept in memory: they come back {@link Line#oversized()} with an empty value.
 */
public final class LineReader {
    private static final int CHUNK = 64 * 1024;

    /**
     * One line.
     *
     * @param value       the bytes without the terminator; empty when oversized
     * @param number      1-based line number in the input
     * @param startOffset byte offset of the line's first byte
     * @param endOffset   byte offset just after its terminator: where the next line starts
     * @param oversized   true when the line exceeded the limit (its value was dropped)
     */
    public record Line(byte[] value, long number, long startOffset, long endOffset, boolean oversized) {
        /** Lines may hold sensitive data: never their content. */
        @Override
        public String toString() {
            return "Line[" + number + ", bytes " + startOffset + ".." + endOffset + (oversized ? ", oversized" : "") + "]";
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkEnd;

    private byte[] current = new byte[256];
    private int currentLength;
    private boolean currentOversized;
    private long lineStart;
    private long readOffset;
    private long lastLineNumber;

    /**
     * @param in              positioned at {@code startOffset}
     * @param startOffset     byte offset of {@code in}'s first byte in the file
     * @param lastLineNumber  the number of the line before {@code startOffset} (0 at the start of a file)
     * @param maxLineBytes    longer lines are reported as oversized
     */
    public LineReader(InputStream in, long startOffset, long lastLineNumber, int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineStart = startOffset;
        this.readOffset = startOffset;
        this.lastLineNumber = lastLineNumber;
    }

    /** The next complete line, or null when none is complete in the input available now. */
    public Line next() throws IOException {
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                return null;
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkEnd : newline;
            append(chunk, chunkPos, end - chunkPos);
            chunkPos = end;
            if (newline >= 0) {
                chunkPos++;
                return takeLine(1);
            }
        }
    }

    /** The unterminated last line of a finished input, or null when the input ended with a terminator. */
    public Line rest() {
        return currentLength == 0 && !currentOversized ? null : takeLine(0);
    }

    /** Offset where the next line starts: everything before it has been returned as lines. */
    public long lineOffset() {
        return lineStart;
    }

    /** Bytes read from the input so far, as an offset (includes an unterminated rest). */
    public long readOffset() {
        return readOffset;
    }

    /** Number of the last line returned. */
    public long lastLineNumber() {
        return lastLineNumber;
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk, 0, chunk.length);
        if (read <= 0) {
            return false;
        }
        chunkPos = 0;
        chunkEnd = read;
        readOffset += read;
        return true;
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(byte[] bytes, int from, int length) {
        if (currentOversized || length == 0) {
            return;
        }
        // one byte of slack: a '\r' that turns out to belong to the terminator does not count against the limit
        if (currentLength + length > maxLineBytes + 1) {
            currentOversized = true;
            currentLength = 0;
            current = new byte[256];
            return;
        }
        if (currentLength + length > current.length) {
            current = Arrays.copyOf(current, Math.max(current.length * 2, currentLength + length));
        }
        System.arraycopy(bytes, from, current, currentLength, length);
        currentLength += length;
    }

    private Line takeLine(int terminatorBytes) {
        int length = currentLength;
        if (terminatorBytes > 0 && length > 0 && current[length - 1] == '\r') {
            length--;
        }
        boolean oversized = currentOversized || length > maxLineBytes;
        long end = readOffset - (chunkEnd - chunkPos);
        Line line = new Line(oversized ? new byte[0] : Arrays.copyOf(current, length), ++lastLineNumber, lineStart, end,
                oversized);
        lineStart = end;
        currentLength = 0;
        currentOversized = false;
        return line;
    }
}
