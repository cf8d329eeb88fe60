package dev.sightline.pipeline.enrich;

import dev.sightline.model.AccessedAsset;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataAsset;
import dev.sightline.model.DataClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classification table of ref.data-assets, compiled: assets by id and by Purview sensitivity label id, and every
 * URI and file-name glob as a precompiled pattern. Immutable.
 */
final class AssetDirectory {
    static final String UPLOAD = "Upload";

    private record AssetGlob(Pattern pattern, DataAsset asset) {
        boolean matches(String text) {
            return text != null && pattern.matcher(text).matches();
        }
    }

    private final Map<String, DataAsset> byId;
    private final Map<String, DataAsset> byLabelId;
    private final List<AssetGlob> uriGlobs;
    private final List<AssetGlob> fileNameGlobs;

    /** @param assets ref.data-assets by key, in key order (the first asset wins where several match) */
    AssetDirectory(Map<String, DataAsset> assets) {
        Map<String, DataAsset> labels = new HashMap<>();
        List<AssetGlob> uris = new ArrayList<>();
        List<AssetGlob> fileNames = new ArrayList<>();
        for (DataAsset asset : assets.values()) {
            if (asset.getSensitivityLabelId() != null) {
                labels.putIfAbsent(labelKey(asset.getSensitivityLabelId()), asset);
            }
            asset.getUriPatterns().forEach(glob -> uris.add(new AssetGlob(Glob.compile(glob), asset)));
            asset.getFileNamePatterns().forEach(glob -> fileNames.add(new AssetGlob(Glob.compile(glob), asset)));
        }
        this.byId = Map.copyOf(assets);
        this.byLabelId = Map.copyOf(labels);
        this.uriGlobs = List.copyOf(uris);
        this.fileNameGlobs = List.copyOf(fileNames);
    }

    /**
     * Classifies the event's assets in place, first adding the uploaded file (fileName, or the URL path of an upload)
     * when the source did not list it; returns the union of their data classes.
     */
    Set<DataClass> classify(AiUsageEvent event) {
        List<AccessedAsset> assets = new ArrayList<>(event.getAssets());
        uploadOf(event, assets);
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        for (AccessedAsset accessed : assets) {
            DataAsset asset = find(accessed);
            if (asset != null) {
                apply(asset, accessed);
            }
            classes.addAll(accessed.getDataClasses());
        }
        event.setAssets(assets);
        return classes;
    }

    private static void uploadOf(AiUsageEvent event, List<AccessedAsset> assets) {
        String fileName = event.getFileName();
        String path = event.getActivity() == Activity.UPLOAD ? event.getUrlPath() : null;
        if (fileName == null && path == null
                || assets.stream().anyMatch(a -> fileName != null && fileName.equals(a.getName()))) {
            return;
        }
        assets.add(AccessedAsset.newBuilder()
                .setId(fileName != null ? fileName : path).setName(fileName).setUri(path)
                .setType(UPLOAD).setAction(UPLOAD)
                .build());
    }

    /** By the asset id a source gave, then the sensitivity label, then the location, then the file name. */
    private DataAsset find(AccessedAsset accessed) {
        DataAsset asset = byId.get(accessed.getAssetId() != null ? accessed.getAssetId() : accessed.getId());
        if (asset == null && accessed.getSensitivityLabelId() != null) {
            asset = byLabelId.get(labelKey(accessed.getSensitivityLabelId()));
        }
        if (asset == null) {
            asset = first(uriGlobs, accessed.getUri());
        }
        if (asset == null) {
            asset = first(fileNameGlobs, accessed.getName());
        }
        return asset;
    }

    private static DataAsset first(List<AssetGlob> globs, String text) {
        for (AssetGlob glob : globs) {
            if (glob.matches(text)) {
                return glob.asset();
            }
        }
        return null;
    }

    /** A labelled asset is a classified asset, whatever else it holds. */
    private static void apply(DataAsset asset, AccessedAsset accessed) {
        List<String> labels = new ArrayList<>(asset.getLabels());
        if (asset.getSensitivityLabelName() != null && !labels.contains(asset.getSensitivityLabelName())) {
            labels.add(asset.getSensitivityLabelName());
        }
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        classes.addAll(asset.getDataClasses());
        if (!labels.isEmpty()) {
            classes.add(DataClass.CLASSIFIED_ASSET);
        }
        accessed.setAssetId(asset.getId());
        accessed.setLabels(labels);
        accessed.setDataClasses(new ArrayList<>(classes));
    }

    /** Purview label GUIDs appear in either case. */
    private static String labelKey(String labelId) {
        return labelId.strip().toLowerCase(Locale.ROOT);
    }
}
