package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSizesTest {
    @Test
    void filesCountForTheStoreTheyBelongTo(@TempDir Path stateDir) throws IOException {
        write(stateDir.resolve("app/0_0/rocksdb/seen-tools/000007.sst"), 100);
        write(stateDir.resolve("app/0_0/rocksdb/seen-tools/MANIFEST-000005"), 20);
        write(stateDir.resolve("app/0_1/rocksdb/seen-tools/000009.sst"), 5);
        write(stateDir.resolve("app/0_0/alerts-store/alerts-store.1764288000000/000012.sst"), 300);
        write(stateDir.resolve("app/0_0/.checkpoint"), 7);
        write(stateDir.resolve("app/kafka-streams-process-metadata"), 3);

        Map<String, Long> sizes = StoreSizes.of(stateDir);

        assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of("seen-tools", 125L, "alerts-store", 300L,
                StoreSizes.TASK_FILES, 10L));
        assertThat(StoreSizes.total(sizes)).isEqualTo(435);
    }

    @Test
    void aMissingDirectoryHoldsNothing(@TempDir Path parent) {
        assertThat(StoreSizes.of(parent.resolve("gone"))).isEmpty();
    }

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
