package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read is a problem that names the file and never quotes its content. */
class FilesTest {

    @TempDir
    Path dir;

    private static ConfigException failure(Path file) {
        return catchThrowableOfType(ConfigException.class,
                () -> SightlineConfig.loader().file(file).environment(Map.of()).load());
    }

    @Test
    void aMissingFile() {
        Path file = dir.resolve("absent.yaml");
        assertThat(failure(file).problems()).containsExactly("file " + file + ": no such file");
    }

    @Test
    void anUnsupportedFileType() throws IOException {
        Path file = Files.writeString(dir.resolve("sightline.conf"), "sightline.http.port=1\n");
        assertThat(failure(file).problems())
                .containsExactly("file " + file + ": unsupported file type; use .properties, .yaml or .yml");
    }

    @Test
    void malformedYamlIsLocatedButNotQuoted() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                sightline:
                  http.api.token: "s3cr3t-s3cr3t-s3cr3t
                  port: [
                """);
        ConfigException e = failure(file);
        assertThat(e.problems()).singleElement().asString()
                .startsWith("file " + file + ": not valid YAML at line ")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aYamlTopLevelThatIsNoMapping() throws IOException {
        Path file = Files.writeString(dir.resolve("list.yml"), "- sightline.http.port\n");
        assertThat(failure(file).problems())
                .containsExactly("file " + file + ": the top level must be a mapping of keys to values");
    }

    @Test
    void aDuplicateYamlKeyIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("dup.yaml"), "sightline:\n  http:\n    port: 1\n    port: 2\n");
        assertThat(failure(file).problems()).singleElement().asString()
                .startsWith("file " + file + ": not valid YAML at line 4")
                .contains("Duplicate field 'port'");
    }

    @Test
    void aKeySetNestedAndDottedIsAProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("twice.yaml"), "sightline:\n  http:\n    port: 1\n  http.port: 2\n");
        assertThat(failure(file).problems())
                .containsExactly("sightline.http.port (from file " + file + "): set twice (once nested, once dotted)");
    }

    @Test
    void aListOfMappingsIsAProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("nested.yaml"), "sightline.kafka.bootstrap.servers:\n  - host: a\n");
        assertThat(failure(file).problems()).containsExactly(
                "sightline.kafka.bootstrap.servers (from file " + file + "): a list may only hold plain values");
    }

    @Test
    void aMalformedPropertiesEscape() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "sightline.http.api.token=abc\\u12\n");
        assertThat(failure(file).problems())
                .containsExactly("file " + file + ": not a valid properties file (malformed \\u escape)");
    }

    @Test
    void fileProblemsAreReportedWithValueProblemsOfOtherSources() throws IOException {
        Path file = dir.resolve("absent.properties");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SightlineConfig.loader().file(file)
                .environment(Map.of("SIGHTLINE_HTTP_PORT", "x")).load());
        assertThat(e.problems()).hasSize(2);
    }
}
