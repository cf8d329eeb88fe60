package dev.sightline.classify.eval;

import dev.sightline.classify.FindingType;
import java.util.List;

/** A generated document and the spans that should be found in it (char offsets, end exclusive). */
public record LabelledDocument(String id, String text, List<Label> labels) {

    public record Label(FindingType type, int start, int end) {
    }

    public LabelledDocument {
        labels = List.copyOf(labels);
    }
}
