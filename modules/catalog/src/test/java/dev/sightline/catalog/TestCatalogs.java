package dev.sightline.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes small catalogs to a directory and loads them, for tests that need exact control over the rules. */
final class TestCatalogs {
    static final String INDEX = "version: test-1\ndate: 2026-01-01\nfiles: [tools.yaml]\n";

    private TestCatalogs() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalog load(Path dir, String tools) {
        write(dir, "tools.yaml", tools);
        return CatalogLoader.load(write(dir, "index.yaml", INDEX), Optional.empty());
    }

    static String tool(String id, String category, String hosts) {
        return "- {id: " + id + ", name: " + id + ", vendor: V, category: " + category
                + ", country: US, interface: ui, hosts: " + hosts + "}\n";
    }
}
