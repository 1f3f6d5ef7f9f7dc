package org.cdpdesktop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileIngestTest {

    @TempDir
    Path folder;

    @Test
    void concurrentRequestsCommittedTogetherEachGetTheirOwnRecordsOutcome() throws Exception {
        try (App app = App.open(folder); ProfileIngest ingest = new ProfileIngest(app.importer())) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<ProfileIngest.Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    List<Map<String, String>> records = n % 50 == 7
                            ? List.of(Map.of("cookie", "ok-" + n, "email", "ok" + n + "@example.com"), Map.of("cookie", "", "email", "broken-" + n))
                            : List.of(Map.of("cookie", "c-" + n, "email", "p" + n + "@example.com"));
                    outcomes.add(clients.submit(() -> ingest.ingest("bulk-json", records, false)));
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    ProfileIngest.Outcome outcome = outcomes.get(i).get(60, TimeUnit.SECONDS);
                    int n = i;
                    if (i % 50 == 7) {
                        assertThat(outcome.read()).isEqualTo(2);
                        assertThat(outcome.rejections()).singleElement().satisfies(rejection -> {
                            assertThat(rejection.position()).isEqualTo(2);
                            assertThat(rejection.reason()).contains("broken-" + n);
                        });
                    } else {
                        assertThat(outcome.stored()).isEqualTo(1);
                        assertThat(outcome.rejections()).isEmpty();
                    }
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(app.profiles().count()).isEqualTo(400);
        }
    }
}
