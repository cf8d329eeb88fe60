package dev.sightline.ingest.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.ingest.RejectReason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one untrusted JSON message into a tree within fixed limits, so hostile input can exhaust neither the stack nor
 * the heap: the byte size is checked before anything is decoded, the bytes must be strict UTF-8 (Jackson would
 * otherwise guess UTF-16/32), and Jackson's {@link StreamReadConstraints} cap nesting, string, name, number and token
 * counts. Duplicate keys and trailing content are rejected: a record that means two things is not read at all.
 * Thread safe.
 */
public final class JsonRecordReader {
    /** Deeper than any audit or proxy record we know (M365 records nest about 5 levels). */
    public static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_NAME_LENGTH = 1024;
    static final int MAX_NUMBER_LENGTH = 64;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ObjectMapper mapper;
    private final int maxBytes;

    public JsonRecordReader(int maxBytes) {
        this.maxBytes = maxBytes;
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(maxBytes)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxDocumentLength(maxBytes)
                .maxTokenCount(maxBytes)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads a whole message as shipped. */
    public JsonNode read(byte[] bytes) throws RecordException {
        if (bytes.length > maxBytes) {
            throw new RecordException(RejectReason.TOO_LARGE,
                    "record of " + bytes.length + " bytes exceeds the limit of " + maxBytes);
        }
        return readText(decodeUtf8(bytes), "record");
    }

    /** Reads JSON embedded as a string value (e.g. an M365 {@code AuditData} column), under the same limits. */
    public JsonNode readEmbedded(String json, String field) throws RecordException {
        if (json.length() > maxBytes) {
            throw new RecordException(RejectReason.TOO_LARGE, "field '" + field + "' exceeds the size limit");
        }
        return readText(json, "field '" + field + "'");
    }

    private JsonNode readText(String text, String what) throws RecordException {
        String json = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        if (json.isBlank()) {
            throw new RecordException(RejectReason.MALFORMED, what + " is empty");
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new RecordException(RejectReason.MALFORMED, what + " is empty");
            }
            return node;
        } catch (JacksonException e) {
            if (exceedsLimit(e)) {
                throw new RecordException(RejectReason.TOO_LARGE, what + " exceeds a JSON limit (nesting depth "
                        + MAX_NESTING_DEPTH + ", string, name, number length or token count)");
            }
            // Jackson's own message quotes the offending input: report only the position.
            throw new RecordException(RejectReason.MALFORMED, what + " is not valid JSON" + position(e));
        }
    }

    /** Databind may wrap the core constraint violation, so look along the cause chain. */
    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String position(JacksonException e) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 0) {
            return "";
        }
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String decodeUtf8(byte[] bytes) throws RecordException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new RecordException(RejectReason.BAD_ENCODING, "record is not valid UTF-8");
        }
    }
}
