package dev.sightline.detect.siem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.model.Alert;
import dev.sightline.model.Finding;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.stream.Collectors;

/** JSON building blocks shared by the OCSF and ECS renderers. */
final class SiemJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Alert attribute naming the destination host, when a rule sets it. */
    static final String HOST_ATTRIBUTE = "host";

    private SiemJson() {
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree of plain values always serializes
            throw new UncheckedIOException(e);
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    static ArrayNode strings(Collection<?> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(v -> array.add(String.valueOf(v)));
        return array;
    }

    /** The findings as an analyst may see them: type, class, masked preview and keyed hash; never the value. */
    static ArrayNode maskedFindings(Alert alert) {
        ArrayNode findings = MAPPER.createArrayNode();
        for (Finding f : alert.getFindings()) {
            findings.addObject()
                    .put("type", f.getType())
                    .put("data_class", f.getDataClass().name())
                    .put("masked_preview", f.getMaskedPreview())
                    .put("value_hash", f.getValueHash())
                    .put("confidence", f.getConfidence());
        }
        return findings;
    }

    /** {@code TYPE masked-preview #hash} per finding, {@code ;}-separated, for flat formats (CEF, ECS labels). */
    static String maskedFindingsText(Alert alert) {
        return alert.getFindings().stream()
                .map(f -> f.getType() + " " + f.getMaskedPreview() + " #" + f.getValueHash())
                .collect(Collectors.joining("; "));
    }

    /** The destination host of the newest event, else the one a rule recorded in the attributes (older alerts). */
    static String host(Alert alert) {
        return alert.getHost() != null ? alert.getHost() : alert.getAttributes().get(HOST_ATTRIBUTE);
    }
}
