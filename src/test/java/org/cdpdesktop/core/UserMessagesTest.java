package org.cdpdesktop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class UserMessagesTest {

    @Test
    void aWrapperWithoutItsOwnWordsShowsItsCausesMessage() {
        Exception wrapped = new ExecutionException(new RuntimeException(new IllegalArgumentException("Age must be 0 to 120")));

        assertThat(UserMessages.describe(wrapped)).isEqualTo("Age must be 0 to 120");
    }

    @Test
    void aWrapperThatSaysSomethingIsKept() {
        Exception wrapped = new UncheckedIOException("Cannot write the export: disk full", new IOException("disk full"));

        assertThat(UserMessages.describe(wrapped)).isEqualTo("Cannot write the export: disk full");
    }

    @Test
    void fileErrorsSayWhatWentWrongWithThePath() {
        assertThat(UserMessages.describe(new NoSuchFileException("/gone/out.csv"))).isEqualTo("No such file or folder: /gone/out.csv");
        assertThat(UserMessages.describe(new RuntimeException(new AccessDeniedException("/root/out.csv"))))
                .isEqualTo("Permission denied: /root/out.csv");
    }

    @Test
    void aFailureWithoutAnyMessageNamesItsKindAndTheLogButNoPackage() {
        assertThat(UserMessages.describe(new RuntimeException(new NullPointerException())))
                .isEqualTo("An unexpected error occurred (NullPointerException); the log file has the details.");
    }

    @Test
    void aMessageOverSeveralLinesBecomesOneLine() {
        assertThat(UserMessages.describe(new IllegalStateException("first line\n  second line\r\nthird")))
                .isEqualTo("first line second line third");
    }
}
