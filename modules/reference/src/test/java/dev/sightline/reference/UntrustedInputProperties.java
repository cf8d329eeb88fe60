package dev.sightline.reference;

import static dev.sightline.reference.Samples.OPTIONS;
import static dev.sightline.reference.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a file holds, an import returns records or throws ImportException — never anything else. */
class UntrustedInputProperties {
    private static final String ASSET_HEADER = "asset_id,name,uri,labels,sensitivity_label_id,data_classes,owner";
    private static final String IDENTITY_HEADER = "user,email,aliases,groups,manager,active";
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("reference-props");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void randomCsvRowsOnlyEverFailWithAnImportException(@ForAll("rows") List<String> rows) throws IOException {
        Path assets = Files.writeString(dir.resolve("assets.csv"), ASSET_HEADER + "\n" + String.join("\n", rows));
        Path users = Files.writeString(dir.resolve("users.csv"), IDENTITY_HEADER + "\n" + String.join("\n", rows));
        importQuietly(() -> new AssetImport(OPTIONS).read(assets));
        importQuietly(() -> new IdentityImport(OPTIONS).read(users));
    }

    @Property(tries = 300)
    void mutatedSampleFilesOnlyEverFailWithAnImportException(
            @ForAll("samples") String name, @ForAll("mutations") List<Integer> mutations) throws IOException {
        byte[] bytes = Files.readAllBytes(sample(name));
        for (int i = 0; i + 1 < mutations.size(); i += 2) {
            bytes[Math.floorMod(mutations.get(i), bytes.length)] = (byte) (int) mutations.get(i + 1);
        }
        Path file = Files.write(dir.resolve(name), bytes);
        if (name.startsWith("identities")) {
            importQuietly(() -> new IdentityImport(OPTIONS).read(file));
        } else {
            importQuietly(() -> new AssetImport(OPTIONS).read(file));
        }
    }

    private static void importQuietly(Runnable importing) {
        try {
            importing.run();
        } catch (ImportException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019 ;,\"'\\\t\r\n*{}[]@.-_é\u0000\u200b\uFEFF").ofMaxLength(30),
                Arbitraries.of("PII", "secret", "9fbde396-1a24-4c79-8edf-9254a0f35055", "CORP\\frank", "a@b.example",
                        "https://x.example/**", "yes", "", "\"\"", "\"unclosed", "***"));
        return cell.list().ofMaxSize(9).map(cells -> String.join(",", cells)).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of("assets.csv", "assets.json", "assets.jsonl", "labels.csv", "identities.csv",
                "identities.jsonl");
    }

    @Provide
    Arbitrary<List<Integer>> mutations() {
        return Arbitraries.integers().between(-200, 100_000).list().ofMinSize(2).ofMaxSize(12);
    }

}
