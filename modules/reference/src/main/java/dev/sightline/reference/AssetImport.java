package dev.sightline.reference;

import dev.sightline.model.DataAsset;
import dev.sightline.model.DataClass;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the data-classification table — an asset export of a DSPM or data catalog, and/or a Microsoft Purview
 * sensitivity-label table — into {@link DataAsset} records for {@code ref.data-assets}. All or nothing: any problem in
 * any file throws an {@link ImportException} listing every problem. Field names and the label-to-class mapping are in
 * this module's README.
 */
public final class AssetImport {
    /** Id prefix of the entries made from the label table: one entry per sensitivity label. */
    public static final String LABEL_ENTRY_PREFIX = "purview-label-";
    /** Type of the entries made from the label table. */
    public static final String LABEL_ENTRY_TYPE = "sensitivity-label";

    static final FieldSet ASSET_FIELDS = new FieldSet(List.of(
            Field.required("asset_id", "id", "asset"),
            Field.required("name", "asset_name", "display_name", "title"),
            Field.text("type", "asset_type", "kind"),
            Field.list("uri_patterns", "uri", "uris", "url", "urls", "path", "paths", "path_patterns", "location",
                    "locations"),
            Field.list("file_name_patterns", "file_name", "file_names", "filename_patterns", "file_patterns"),
            Field.list("labels", "label", "classification", "classifications", "tags"),
            Field.text("owner", "data_owner", "steward"),
            Field.text("sensitivity_label_id", "label_id", "purview_label_id", "sensitivity_label_guid"),
            Field.text("sensitivity_label_name", "label_name", "sensitivity_label"),
            Field.list("data_classes", "data_class", "classes")));

    static final FieldSet LABEL_FIELDS = new FieldSet(List.of(
            Field.required("label_id", "sensitivity_label_id", "guid", "id"),
            Field.required("label_name", "sensitivity_label_name", "display_name", "label"),
            Field.text("parent_label_id", "parent_id", "parent"),
            Field.list("data_classes", "data_class", "classes")));

    private final ImportOptions options;
    private final LabelMapping mapping;

    public AssetImport(ImportOptions options) {
        this(options, LabelMapping.defaults());
    }

    public AssetImport(ImportOptions options, LabelMapping mapping) {
        this.options = options;
        this.mapping = mapping;
    }

    /** The assets of one export file. */
    public List<DataAsset> read(Path assets) {
        return read(Optional.of(assets), Optional.empty());
    }

    /**
     * The entries of a label table (one per sensitivity label, id {@code purview-label-<guid>}) followed by the assets
     * of an export file; asset rows that give only a label id get the label's name from the table.
     *
     * @throws IllegalArgumentException when neither file is given
     */
    public List<DataAsset> read(Optional<Path> assets, Optional<Path> labelTable) {
        if (assets.isEmpty() && labelTable.isEmpty()) {
            throw new IllegalArgumentException("give an asset file, a label table or both");
        }
        Problems problems = new Problems();
        FieldChecks checks = new FieldChecks(problems, options);
        Instant now = options.clock().instant();
        Map<String, Label> labels = labelTable.map(path -> readLabels(path, checks, problems)).orElse(Map.of());
        List<Entry> entries = new ArrayList<>();
        labels.values().forEach(label -> entries.add(new Entry(label.record(), "label_id", label.entry(now, mapping))));
        assets.ifPresent(path -> {
            for (RawRecord record : RecordReader.read(path, ASSET_FIELDS, options.ignoreUnknownFields(), problems)) {
                toAsset(record, labels, now, checks, problems)
                        .ifPresent(asset -> entries.add(new Entry(record, "asset_id", asset)));
            }
        });
        Map<String, RawRecord> ids = new HashMap<>();
        for (Entry entry : entries) {
            RawRecord first = ids.putIfAbsent(entry.asset().getId(), entry.record());
            if (first != null) {
                problems.add(entry.record(), entry.idField(), "duplicate asset id, first given at "
                        + (first.file().equals(entry.record().file()) ? "line " + first.line()
                                : first.file() + ":" + first.line()));
            }
        }
        problems.throwIfAny();
        return entries.stream().map(Entry::asset).toList();
    }

    private record Entry(RawRecord record, String idField, DataAsset asset) {
    }

    /** One row of the label table; {@code displayName} is {@code Parent\Child} for a sub-label, as Purview shows it. */
    private record Label(RawRecord record, String id, String name, String parentId, Set<DataClass> classes,
                         String displayName) {
        Label withParent(Label parent) {
            return new Label(record, id, name, parentId, classes, parent.name() + "\\" + name);
        }

        DataAsset entry(Instant now, LabelMapping mapping) {
            Set<DataClass> all = EnumSet.noneOf(DataClass.class);
            all.addAll(classes);
            all.addAll(mapping.classesOf(displayName));
            return DataAsset.newBuilder()
                    .setId(LABEL_ENTRY_PREFIX + id)
                    .setName(displayName)
                    .setType(LABEL_ENTRY_TYPE)
                    .setLabels(List.of(displayName))
                    .setSensitivityLabelId(id)
                    .setSensitivityLabelName(displayName)
                    .setDataClasses(FieldChecks.sorted(all))
                    .setUpdatedAt(now)
                    .build();
        }
    }

    private Map<String, Label> readLabels(Path path, FieldChecks checks, Problems problems) {
        Map<String, Label> byId = new LinkedHashMap<>();
        for (RawRecord record : RecordReader.read(path, LABEL_FIELDS, options.ignoreUnknownFields(), problems)) {
            Optional<String> id = checks.guid(record, "label_id");
            Optional<String> name = checks.text(record, "label_name");
            Optional<String> parent = checks.guid(record, "parent_label_id");
            Set<DataClass> classes = checks.dataClasses(record, "data_classes");
            if (id.isEmpty() || name.isEmpty()) {
                continue;
            }
            Label label = new Label(record, id.get(), name.get(), parent.orElse(null), classes, name.get());
            Label earlier = byId.putIfAbsent(label.id(), label);
            if (earlier != null) {
                problems.add(record, "label_id", "the label id is already given at line " + earlier.record().line());
            }
        }
        Map<String, Label> resolved = new LinkedHashMap<>();
        for (Label label : byId.values()) {
            if (label.parentId() == null) {
                resolved.put(label.id(), label);
                continue;
            }
            Label parent = byId.get(label.parentId());
            if (parent == null) {
                problems.add(label.record(), "parent_label_id", "no label with this id in the table");
            } else if (parent.parentId() != null) {
                problems.add(label.record(), "parent_label_id", "the parent is itself a sub-label (labels have two levels)");
            } else {
                resolved.put(label.id(), label.withParent(parent));
            }
        }
        return resolved;
    }

    private Optional<DataAsset> toAsset(RawRecord record, Map<String, Label> labels, Instant now, FieldChecks checks,
                                        Problems problems) {
        Optional<String> id = checks.id(record, "asset_id");
        Optional<String> name = checks.text(record, "name");
        Optional<String> type = checks.text(record, "type");
        List<String> uris = patterns(record, "uri_patterns", checks, problems);
        List<String> fileNames = patterns(record, "file_name_patterns", checks, problems);
        List<String> assetLabels = checks.texts(record, "labels");
        Optional<String> owner = checks.userId(record, "owner");
        Optional<String> labelId = checks.guid(record, "sensitivity_label_id");
        Optional<String> labelName = checks.text(record, "sensitivity_label_name");
        Set<DataClass> classes = checks.dataClasses(record, "data_classes");

        Label known = labelId.map(labels::get).orElse(null);
        if (known != null && labelName.isPresent() && !labelName.get().equalsIgnoreCase(known.displayName())
                && !labelName.get().equalsIgnoreCase(known.name())) {
            problems.add(record, "sensitivity_label_name", "differs from the label table's name for this label id");
        }
        if (labelName.isEmpty() && known != null) {
            labelName = Optional.of(known.displayName());
        }
        if (uris.isEmpty() && fileNames.isEmpty() && record.text("sensitivity_label_id").isEmpty()) {
            problems.add(record.file(), record.line(), 0, "", "nothing identifies the asset: give a URI/path pattern, "
                    + "a file-name pattern or a sensitivity label id");
        }
        if (id.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        assetLabels.forEach(label -> classes.addAll(mapping.classesOf(label)));
        labelName.ifPresent(label -> classes.addAll(mapping.classesOf(label)));
        return Optional.of(DataAsset.newBuilder()
                .setId(id.get())
                .setName(name.get())
                .setType(type.orElse(null))
                .setUriPatterns(uris)
                .setFileNamePatterns(fileNames)
                .setLabels(assetLabels)
                .setSensitivityLabelId(labelId.orElse(null))
                .setSensitivityLabelName(labelName.orElse(null))
                .setDataClasses(FieldChecks.sorted(classes))
                .setOwner(owner.orElse(null))
                .setUpdatedAt(now)
                .build());
    }

    /** Location globs: '*' within a segment, '**' across segments; a longer run of stars is a typo. */
    private static List<String> patterns(RawRecord record, String field, FieldChecks checks, Problems problems) {
        List<String> valid = new ArrayList<>();
        for (String pattern : checks.texts(record, field)) {
            if (pattern.contains("***")) {
                problems.add(record, field, "a pattern has '***': use '*' within a path segment, '**' across segments");
            } else {
                valid.add(pattern);
            }
        }
        return valid;
    }
}
