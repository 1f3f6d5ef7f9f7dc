package org.cdpdesktop.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportServiceTest {

    @TempDir
    Path folder;

    @Test
    void exportsAFilteredViewAsJsonAndCsvWithAttributesAndCohorts() throws Exception {
        DataDirectory data = DataDirectory.open(folder.resolve("data"));
        try (Database database = Database.open(data.database()); ProfileBrowser browser = new ProfileBrowser(database)) {
            Path file = folder.resolve("in.csv");
            Files.writeString(file, "id,email,age,zip,tier,cohort,interests\n1,a@x.com,30,07302,gold,VIP,music|art\n2,b@x.com,50,,,,\n",
                    StandardCharsets.UTF_8);
            CsvDialect dialect = CsvSniffer.sniff(file);
            ImportOptions options = new ImportOptions(dialect, ColumnMapping.auto(CsvPreviewer.preview(file, dialect, 0).headers()),
                    DuplicatePolicy.NEWEST, false, null);
            new ImportService(database, data, new FieldCleaner()).importJob(file, options).run(context());
            ExportService exporter = new ExportService(database, browser);

            StringWriter json = new StringWriter();
            ExportSummary summary = exporter.exportJob(ExportFormat.JSON, json, new ProfileQuery(RuleParser.parse("age < 40"), null, null, null)).run(context());
            assertThat(summary.profiles()).isEqualTo(1);
            JsonNode profile = new ObjectMapper().readTree(json.toString()).get(0);
            assertThat(profile.get("externalId").asText()).isEqualTo("1");
            assertThat(profile.get("postalCode").asText()).isEqualTo("07302");
            assertThat(profile.get("age").asInt()).isEqualTo(30);
            assertThat(profile.get("interests").toString()).isEqualTo("[\"music\",\"art\"]");
            assertThat(profile.get("attributes").toString()).isEqualTo("{\"tier\":\"gold\"}");
            assertThat(profile.get("cohorts").toString()).isEqualTo("[\"VIP\"]");

            Path csv = folder.resolve("out.csv");
            assertThat(exporter.exportJob(ExportFormat.CSV, csv, ProfileQuery.ALL).run(context()).profiles()).isEqualTo(2);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).isEqualTo("externalId,email,phone,firstName,lastName,age,gender,city,state,country,postalCode,"
                    + "income,education,interests,bio,signupDate,createdAt,updatedAt,tier,cohorts");
            assertThat(lines.get(1)).startsWith("1,a@x.com,,,,30,,,,,07302,,,music|art,,,").endsWith(",gold,VIP");
        }
    }

    private static JobContext context() {
        return JobContext.create("test", JobListener.NONE, new AtomicBoolean());
    }
}
