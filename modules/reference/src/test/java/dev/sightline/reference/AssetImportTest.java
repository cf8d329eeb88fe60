package dev.sightline.reference;

import static dev.sightline.reference.Samples.NOW;
import static dev.sightline.reference.Samples.OPTIONS;
import static dev.sightline.reference.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sightline.model.DataAsset;
import dev.sightline.model.DataClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetImportTest {
    private static final String HEADER = "asset_id,name,uri,labels,sensitivity_label_id,data_classes,owner\n";

    @TempDir
    Path dir;

    private final AssetImport assets = new AssetImport(OPTIONS);

    @Test
    void readsADspmCsvExport() {
        Map<String, DataAsset> byId = byId(assets.read(sample("assets.csv")));

        assertThat(byId).containsOnlyKeys("sp-finance", "sp-hr-records", "git-payments", "s3-card-vault", "wiki-public");
        DataAsset finance = byId.get("sp-finance");
        assertThat(finance.getName()).isEqualTo("Finance team site");
        assertThat(finance.getType()).isEqualTo("site");
        assertThat(finance.getUriPatterns()).containsExactly("https://acme.sharepoint.com/sites/Finance/**");
        assertThat(finance.getLabels()).containsExactly("Confidential");
        assertThat(finance.getSensitivityLabelId()).isEqualTo("9fbde396-1a24-4c79-8edf-9254a0f35055");
        assertThat(finance.getDataClasses()).containsExactly(DataClass.CLASSIFIED_ASSET);
        assertThat(finance.getOwner()).as("CORP\\mkeller with the CORP suffix").isEqualTo("mkeller@acme.example");
        assertThat(finance.getUpdatedAt()).isEqualTo(NOW);

        DataAsset hr = byId.get("sp-hr-records");
        assertThat(hr.getUriPatterns()).containsExactly("https://acme.sharepoint.com/sites/HR/Personnel Files/**",
                "\\\\fs01.corp.acme.example\\hr$\\**");
        assertThat(hr.getDataClasses()).containsExactly(DataClass.PII, DataClass.CLASSIFIED_ASSET);
        assertThat(byId.get("git-payments").getFileNamePatterns()).containsExactly("*.java", "*.kt");
        assertThat(byId.get("git-payments").getDataClasses())
                .containsExactly(DataClass.SOURCE_CODE, DataClass.CLASSIFIED_ASSET);
        assertThat(byId.get("wiki-public").getDataClasses()).isEmpty();
        assertThat(byId.get("wiki-public").getOwner()).isNull();
    }

    @Test
    void aLabelTableBecomesEntriesAndNamesTheLabelsOfAssets() {
        List<DataAsset> read = assets.read(Optional.of(sample("assets.json")), Optional.of(sample("labels.csv")));
        Map<String, DataAsset> byId = byId(read);

        DataAsset falcon = byId.get("purview-label-d9f23ae3-a239-45ea-bf23-f515f824c57b");
        assertThat(falcon.getType()).isEqualTo(AssetImport.LABEL_ENTRY_TYPE);
        assertThat(falcon.getSensitivityLabelName()).isEqualTo("Highly Confidential\\Project Falcon");
        assertThat(falcon.getDataClasses()).as("inherits its parent's class").containsExactly(DataClass.CLASSIFIED_ASSET);
        assertThat(byId.get("purview-label-0e1b7c2f-6f53-4c28-8a3b-5f1d2e9c4b70").getDataClasses()).isEmpty();

        DataAsset board = byId.get("onedrive-exec");
        assertThat(board.getSensitivityLabelId()).as("lower-cased").isEqualTo("d9f23ae3-a239-45ea-bf23-f515f824c57b");
        assertThat(board.getSensitivityLabelName()).isEqualTo("Highly Confidential\\Project Falcon");
        assertThat(board.getDataClasses()).containsExactly(DataClass.CLASSIFIED_ASSET);
        assertThat(board.getFileNamePatterns()).containsExactly("Board Pack *.pptx");

        DataAsset crm = byId.get("sql-crm");
        assertThat(crm.getUriPatterns()).containsExactly("sqlserver://crm-db01.corp.acme.example/CRM/**");
        assertThat(crm.getDataClasses()).containsExactly(DataClass.PII, DataClass.CLASSIFIED_ASSET);
        assertThat(crm.getOwner()).isEqualTo("mkeller@acme.example");
        assertThat(read).hasSize(6);
    }

    @Test
    void readsJsonLines() {
        Map<String, DataAsset> byId = byId(assets.read(sample("assets.jsonl")));
        assertThat(byId.get("gdrive-legal").getDataClasses()).containsExactly(DataClass.CLASSIFIED_ASSET);
        assertThat(byId.get("confluence-eng").getDataClasses()).containsExactly(DataClass.SOURCE_CODE);
    }

    @Test
    void everyBadRowIsReportedWithLineAndField() {
        Path file = write("bad.csv", HEADER
                + "a1,Good,https://x.example/**,,,,\n"
                + "a2,Bad class,https://x.example/a/**,,,SECRETS,\n"
                + ",No id,https://x.example/b/**,,,,\n"
                + "a4,Bad guid,,,not-a-guid,,\n"
                + "a5,Nothing to match,,,,,\n"
                + "a1,Duplicate,https://x.example/c/**,,,,\n"
                + "a7,Bad owner,https://x.example/d/**,,,,Frank Meyer\n"
                + "a8,Too many,https://x.example/e/**,,,,,extra\n");

        List<String> problems = problemsOf(() -> assets.read(file));

        assertThat(problems).containsExactly(
                file + ":3: field 'data_classes': unknown data class 'SECRETS' (allowed: PII, PCI, PHI, SECRET, SOURCE_CODE, CLASSIFIED_ASSET)",
                file + ":4: field 'asset_id': missing required value",
                file + ":5: field 'sensitivity_label_id': not a label GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                file + ":6: nothing identifies the asset: give a URI/path pattern, a file-name pattern or a sensitivity label id",
                file + ":7: field 'asset_id': duplicate asset id, first given at line 2",
                file + ":8: field 'owner': not a user id (a UPN, an e-mail address or DOMAIN\\name, without spaces)",
                file + ":9: the row has 8 value(s), the header 7 column(s) (check quoting of values that contain ',')");
    }

    @Test
    void jsonProblemsCarryLineAndColumn() {
        Path file = write("bad.json", "[\n  {\"id\": \"a\", \"name\": \"A\", \"uri\": \"https://a.example/**\"},\n"
                + "  {\"id\": \"b\", \"name\": {\"nested\": 1}, \"uri\": \"s3://b/**\", \"colour\": \"red\"}\n]\n");

        assertThat(problemsOf(() -> assets.read(file))).containsExactly(
                file + ":3:15: field 'name': expected a single value, found an object",
                file + ":3:58: field 'colour': unknown key (known: " + AssetImport.ASSET_FIELDS.describe() + ")");
    }

    @Test
    void unknownColumnsCanBeIgnored() {
        Path file = write("extra.csv", "id,name,path,last_scanned\nx,X,/srv/x/**,2026-11-01\n");
        assertThatThrownBy(() -> assets.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("field 'last_scanned': unknown column");
        assertThat(new AssetImport(OPTIONS.ignoringUnknownFields(true)).read(file))
                .extracting(DataAsset::getId).containsExactly("x");
    }

    @Test
    void wrongHeadersAreRefused() {
        assertThat(problemsOf(() -> assets.read(write("noid.csv", "name,uri\nX,/x/**\n"))))
                .anyMatch(p -> p.contains(":1: field 'asset_id': missing column: asset_id (or id, asset)"));
        assertThat(problemsOf(() -> assets.read(write("twice.csv", "id,asset_id,name,uri\na,a,X,/x/**\n"))))
                .anyMatch(p -> p.contains("field 'asset_id': names the same field as column 'id'"));
        assertThat(problemsOf(() -> assets.read(write("semi.csv", "asset_id;name;uri\na;X;/x/**\n"))))
                .anyMatch(p -> p.contains("the header reads as one column: values must be separated by ','"));
    }

    @Test
    void unusableFilesAreClearErrors() throws IOException {
        assertThat(problemsOf(() -> assets.read(dir))).containsExactly(dir + ": is a directory, not a file");
        assertThat(problemsOf(() -> assets.read(dir.resolve("absent.csv"))))
                .containsExactly(dir.resolve("absent.csv") + ": no such file");
        assertThat(problemsOf(() -> assets.read(write("empty.csv", "  \n"))))
                .containsExactly(dir.resolve("empty.csv") + ": no records (the file is empty)");
        assertThat(problemsOf(() -> assets.read(write("header-only.csv", HEADER))))
                .containsExactly(dir.resolve("header-only.csv") + ": no records");
        assertThat(problemsOf(() -> assets.read(write("unclosed.json", "[{\"id\": \"a\", \"name\": \"A\""))))
                .singleElement().asString().contains("unclosed.json:1:").contains("malformed");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "a1,Caf\u00e9,/x/**,,,,\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(problemsOf(() -> assets.read(latin1)))
                .containsExactly(latin1 + ":2: not valid UTF-8 (byte 0xE9 at offset 71); save the file as UTF-8");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeader() {
        Path file = write("bom.csv", "\uFEFF" + HEADER + "a1,Site,/x/**,,,,\n");
        assertThat(assets.read(file)).extracting(DataAsset::getId).containsExactly("a1");
    }

    @Test
    void aLabelNameThatContradictsTheTableIsAProblem() {
        Path file = write("contra.csv", "asset_id,name,label_id,label_name\n"
                + "a1,Site,9fbde396-1a24-4c79-8edf-9254a0f35055,Public\n");
        assertThat(problemsOf(() -> assets.read(Optional.of(file), Optional.of(sample("labels.csv")))))
                .containsExactly(file + ":2: field 'label_name': differs from the label table's name for this label id");
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> problemsOf(Runnable importing) {
        ImportException e = catchThrowableOfType(ImportException.class, importing::run);
        assertThat(e).as("an ImportException").isNotNull();
        return e.problems().stream().map(ImportProblem::toString).toList();
    }

    private static Map<String, DataAsset> byId(List<DataAsset> list) {
        return list.stream().collect(Collectors.toMap(DataAsset::getId, Function.identity()));
    }
}
