package org.cdpdesktop.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SampleDataGeneratorTest {

    @Test
    void filesShareCustomersExactlyWhereTheirRowNumbersOverlapWhateverTheirSeeds() throws IOException {
        Map<Long, String> first = cookiesByRow(100, 1, 1);
        Map<Long, String> second = cookiesByRow(100, 2, 51);

        for (long row = 51; row <= 100; row++) {
            if (first.containsKey(row) && second.containsKey(row)) {
                assertThat(second.get(row)).as("row %d", row).isEqualTo(first.get(row));
            }
        }
        assertThat(second.keySet()).filteredOn(row -> row <= 100).hasSizeGreaterThan(40);
        first.forEach((row, cookie) -> {
            if (row <= 50) {
                assertThat(second).doesNotContainValue(cookie);
            }
        });
        second.forEach((row, cookie) -> {
            if (row > 100) {
                assertThat(first).doesNotContainValue(cookie);
            }
        });
    }

    @Test
    void theFirstRowChangesOnlyWhoTheCustomersAreNotWhatTheSeedDraws() throws IOException {
        List<CSVRecord> fromOne = records(50, 42, 1);
        List<CSVRecord> fromTen = records(50, 42, 10);

        for (int i = 0; i < fromOne.size(); i++) {
            for (String column : SampleDataGenerator.LABELLED_HEADER.split(",")) {
                String one = fromOne.get(i).get(column);
                String ten = fromTen.get(i).get(column);
                if (column.equals("cookie")) {
                    assertThat(ten.isBlank()).as("row %d's cookie left blank", i + 1).isEqualTo(one.isBlank());
                    assertThat(one.isBlank() || !ten.equals(one)).as("row %d's cookie differs", i + 1).isTrue();
                } else if (column.equals("email")) {
                    assertThat(ten.replaceAll("\\d", "")).as("row %d's email but for its number", i + 1)
                            .isEqualTo(one.replaceAll("\\d", ""));
                } else {
                    assertThat(ten).as("row %d's %s", i + 1, column).isEqualTo(one);
                }
            }
        }
    }

    @Test
    void refusesRowsWhoseCookiesWouldRepeat() {
        assertThatThrownBy(() -> SampleDataGenerator.checkRows(10, 0)).hasMessageContaining("numbered from 1");
        assertThatThrownBy(() -> SampleDataGenerator.checkRows(10, SampleDataGenerator.LAST_ROW - 8))
                .hasMessageContaining("10 rows from row 4,294,967,287 do not fit");
        SampleDataGenerator.checkRows(10, SampleDataGenerator.LAST_ROW - 9);
    }

    /** Each row's cookie by the row's number, for the rows whose cookie was not left blank. */
    private static Map<Long, String> cookiesByRow(int rows, long seed, long firstRow) throws IOException {
        Map<Long, String> cookies = new HashMap<>();
        long row = firstRow;
        for (CSVRecord record : records(rows, seed, firstRow)) {
            String cookie = record.get("cookie").strip();
            if (!cookie.isEmpty()) {
                cookies.put(row, cookie);
            }
            row++;
        }
        return cookies;
    }

    private static List<CSVRecord> records(int rows, long seed, long firstRow) throws IOException {
        StringWriter out = new StringWriter();
        SampleDataGenerator.write(out, rows, seed, true, firstRow);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString()))) {
            return parser.getRecords();
        }
    }
}
