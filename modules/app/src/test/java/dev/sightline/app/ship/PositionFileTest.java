package dev.sightline.app.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionFileTest {
    private static final Instant NOW = Instant.parse("2026-11-27T18:56:32.485Z");
    private static final PositionFile.Entry ENTRY =
            new PositionFile.Entry("/var/log/squid/access.log", "(dev=803,ino=42)", "ship-1", 5000, 4000, 40, 38, NOW);

    @Test
    void entriesSurviveARoundTrip(@TempDir Path dir) throws Exception {
        PositionFile positions = PositionFile.open(dir.resolve("squid.position"));
        assertThat(positions.get(ENTRY.path())).isEmpty();
        positions.put(ENTRY);
        positions.save();

        PositionFile reread = PositionFile.open(dir.resolve("squid.position"));
        assertThat(reread.get(ENTRY.path())).contains(ENTRY);
        assertThat(Files.readString(dir.resolve("squid.position")))
                .contains("\"offset\" : 4000", "\"fileKey\" : \"(dev=803,ino=42)\"", "\"updatedAt\" : \"2026-11-27T18:56:32.485Z\"");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void savingReplacesTheEntryOfThePath(@TempDir Path dir) throws Exception {
        PositionFile positions = PositionFile.open(dir.resolve("p.json"));
        positions.put(ENTRY);
        positions.put(new PositionFile.Entry(ENTRY.path(), ENTRY.fileKey(), "ship-1", 6000, 6000, 60, 58, NOW.plusSeconds(5)));
        positions.save();
        assertThat(PositionFile.open(dir.resolve("p.json")).get(ENTRY.path())).get()
                .extracting(PositionFile.Entry::offset).isEqualTo(6000L);
    }

    @Test
    void aDamagedFileIsAClearError(@TempDir Path dir) throws Exception {
        Path damaged = Files.writeString(dir.resolve("p.json"), "{\"version\":1,\"files\":[{\"path\":");
        assertThatThrownBy(() -> PositionFile.open(damaged)).isInstanceOf(PositionFileException.class)
                .hasMessageContaining("p.json").hasMessageContaining("damaged");

        Path otherVersion = Files.writeString(dir.resolve("v2.json"), "{\"version\":2,\"files\":[]}");
        assertThatThrownBy(() -> PositionFile.open(otherVersion)).hasMessageContaining("not a version 1");

        Path badTime = Files.writeString(dir.resolve("t.json"), "{\"version\":1,\"files\":[{\"path\":\"/a\",\"fileKey\":\"k\","
                + "\"shipId\":\"s\",\"size\":1,\"offset\":1,\"line\":1,\"linesSent\":1,\"updatedAt\":\"yesterday\"}]}");
        assertThatThrownBy(() -> PositionFile.open(badTime)).hasMessageContaining("damaged");

        assertThatThrownBy(() -> PositionFile.open(dir)).hasMessageContaining("not a readable regular file");
    }

    @Test
    void theSavedPositionAppliesOnlyToTheSameUnshortenedFile() {
        assertThat(StartPoint.decide(Optional.empty(), "k", 10)).isEqualTo(new StartPoint.Fresh(null));
        assertThat(StartPoint.decide(Optional.of(ENTRY), ENTRY.fileKey(), 4000)).isEqualTo(new StartPoint.Resume(ENTRY));
        assertThat(StartPoint.decide(Optional.of(ENTRY), ENTRY.fileKey(), 9000)).isEqualTo(new StartPoint.Resume(ENTRY));
        assertThat(StartPoint.decide(Optional.of(ENTRY), "(dev=803,ino=43)", 9000))
                .isInstanceOfSatisfying(StartPoint.Fresh.class, fresh -> assertThat(fresh.reason()).contains("rotated"));
        assertThat(StartPoint.decide(Optional.of(ENTRY), ENTRY.fileKey(), 3999))
                .isInstanceOfSatisfying(StartPoint.Fresh.class, fresh -> assertThat(fresh.reason()).contains("truncated"));
    }
}
