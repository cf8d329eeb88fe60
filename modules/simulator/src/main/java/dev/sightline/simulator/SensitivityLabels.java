package dev.sightline.simulator;

import java.util.List;

/**
 * The fixed Microsoft Purview sensitivity labels of the simulated tenant: the GUIDs M365 records carry in
 * {@code SensitivityLabelId}, so that a classification table can name them.
 */
public final class SensitivityLabels {
    /** One label: its GUID as M365 writes it and its display name. */
    public record Label(String id, String name) {
    }

    public static final Label PUBLIC = new Label("0e1f6b3a-2c4d-4e5f-8a9b-1c2d3e4f5a60", "Public");
    public static final Label GENERAL = new Label("5a8c2e71-9b3d-4f60-a1c2-d3e4f5a6b7c8", "General");
    public static final Label CONFIDENTIAL = new Label("b4e9d1c7-6a2f-4c83-9e10-7f6a5b4c3d21", "Confidential");
    public static final Label HIGHLY_CONFIDENTIAL =
            new Label("e7d3c2b1-8f4a-4b96-b5c0-3a2b1c0d9e8f", "Highly Confidential");

    /** All labels, least sensitive first. */
    public static final List<Label> ALL = List.of(PUBLIC, GENERAL, CONFIDENTIAL, HIGHLY_CONFIDENTIAL);

    private SensitivityLabels() {
    }
}
