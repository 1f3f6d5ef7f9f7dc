package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyIndexTest {

    @TempDir
    Path temp;

    @Test
    void answersTheLastIdRecordedForAKeyAndZeroForAnUnknownKey() {
        KeyIndex index = new KeyIndex(16, temp);
        index.put("ck_1", 7);
        index.put("ann@example.com", 8);
        index.put("ck_1", 9);

        assertThat(index.get("ck_1")).isEqualTo(9);
        assertThat(index.get(KeyIndex.hash("ann@example.com"))).isEqualTo(8);
        assertThat(index.get("ck_2")).isZero();
        assertThat(index.mapped()).isFalse();
    }

    @Test
    void growingPastTheHeapBudgetMovesTheKeysToAMappedFileThatLeavesNothingBehind() throws IOException {
        KeyIndex index = new KeyIndex(1024, temp);
        int keys = KeyIndex.HEAP_SLOTS / 2 + 1;
        for (int i = 1; i <= keys; i++) {
            index.put("ck_" + i, i);
        }

        assertThat(index.mapped()).isTrue();
        assertThat(index.get("ck_1")).isEqualTo(1);
        assertThat(index.get("ck_" + keys)).isEqualTo(keys);
        assertThat(index.get("ck_" + (keys + 1))).isZero();
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }
}
