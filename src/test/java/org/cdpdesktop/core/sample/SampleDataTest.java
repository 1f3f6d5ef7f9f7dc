package org.cdpdesktop.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @TempDir
    Path directory;

    @Test
    void extractsTheBundledCustomerFileByteForByteAsInTheRepository() throws Exception {
        Path extracted = SampleData.extractTo(directory.resolve("sample"));

        assertThat(extracted).hasFileName("customers.csv");
        assertThat(Files.readAllBytes(extracted)).isEqualTo(Files.readAllBytes(Path.of("sample-data", "customers.csv")));
        assertThat(Files.readAllLines(extracted, StandardCharsets.UTF_8)).hasSize(3001)
                .first().isEqualTo(SampleDataGenerator.HEADER);
    }

    @Test
    void extractingTwiceReplacesTheEarlierCopy() throws Exception {
        Files.writeString(directory.resolve("customers.csv"), "stale");

        Path extracted = SampleData.extractTo(directory);

        assertThat(Files.size(extracted)).isEqualTo(Files.size(Path.of("sample-data", "customers.csv")));
    }
}
