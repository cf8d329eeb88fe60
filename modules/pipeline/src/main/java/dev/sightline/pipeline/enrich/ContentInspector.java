package dev.sightline.pipeline.enrich;

import dev.sightline.classify.ContentScanner;
import dev.sightline.classify.ScanResult;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import java.util.List;

/** Runs the content scanner and turns its findings into the Avro model's: masked preview and keyed hash only. */
final class ContentInspector {

    /** What the scanner found in one event's content. */
    record Inspection(List<Finding> findings, boolean truncated) {
        static final Inspection NOTHING = new Inspection(List.of(), false);
    }

    private final ContentScanner scanner;

    ContentInspector(ContentScanner scanner) {
        this.scanner = scanner;
    }

    Inspection inspect(String content) {
        if (content == null || content.isEmpty()) {
            return Inspection.NOTHING;
        }
        ScanResult result = scanner.scan(content);
        return new Inspection(result.findings().stream().map(ContentInspector::toModel).toList(), result.truncated());
    }

    private static Finding toModel(dev.sightline.classify.Finding found) {
        return Finding.newBuilder()
                .setType(found.type().name())
                .setDataClass(DataClass.valueOf(found.dataClass().name()))
                .setStart(found.start())
                .setEnd(found.end())
                .setConfidence(found.confidence())
                .setMaskedPreview(found.maskedPreview())
                .setValueHash(found.keyedHash())
                .build();
    }
}
