package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsFileTest {

    @TempDir
    Path folder;

    @Test
    void noRejectedRowLeavesNoFile() throws Exception {
        RejectsFile rejects = new RejectsFile(folder.resolve("rejects").resolve("a.rejects.csv"));

        rejects.close();

        assertThat(rejects.path()).doesNotExist();
    }

    @Test
    void rejectedRowsAreWrittenWithLineReasonAndRawTextInTheirOwnFolder() throws Exception {
        RejectsFile rejects = new RejectsFile(folder.resolve("rejects").resolve("a.rejects.csv"));

        rejects.reject(3, "column 'age': not a number", "c-1,\"Oslo, Norway\",abc");
        rejects.reject(7, "the row has no values", ",,");
        rejects.close();

        try (Reader reader = Files.newBufferedReader(rejects.path(), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).get("line")).isEqualTo("3");
            assertThat(records.get(0).get("reason")).isEqualTo("column 'age': not a number");
            assertThat(records.get(0).get("raw")).isEqualTo("c-1,\"Oslo, Norway\",abc");
            assertThat(records.get(1).get("line")).isEqualTo("7");
        }
    }

    @Test
    void discardingAfterAFailureDeletesTheFile() throws Exception {
        RejectsFile rejects = new RejectsFile(folder.resolve("a.rejects.csv"));
        rejects.reject(2, "bad", "x");
        RuntimeException failure = new RuntimeException("import failed");

        rejects.discard(failure);

        assertThat(rejects.path()).doesNotExist();
        assertThat(failure.getSuppressed()).isEmpty();
    }
}
