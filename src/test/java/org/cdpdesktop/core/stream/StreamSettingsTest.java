package org.cdpdesktop.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cdpdesktop.core.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamSettingsTest {

    @TempDir
    Path folder;

    private static StreamSettings withSecrets() {
        return new StreamSettings("broker-1:9093,broker-2:9093", List.of("user-profiles", "signups"), "desk-1", "latest", "SASL_SSL",
                "SCRAM-SHA-512", "ann", "s3cret-sasl", "/keys/trust.jks", "s3cret-trust", "/keys/me.p12", "s3cret-key",
                MessageFormat.CSV_LINE, "shop", true);
    }

    @Test
    void everythingButTheSecretsIsSavedAndReadBack() throws Exception {
        Path file = folder.resolve("settings.properties");
        withSecrets().save(Settings.load(file));

        StreamSettings loaded = StreamSettings.load(Settings.load(file));

        assertThat(Files.readString(file)).doesNotContain("s3cret");
        assertThat(loaded).isEqualTo(new StreamSettings("broker-1:9093,broker-2:9093", List.of("user-profiles", "signups"), "desk-1",
                "latest", "SASL_SSL", "SCRAM-SHA-512", "ann", "", "/keys/trust.jks", "", "/keys/me.p12", "", MessageFormat.CSV_LINE,
                "shop", true));
    }

    @Test
    void theSaslLoginGoesToTheClientAndNeverIntoToString() {
        StreamSettings settings = withSecrets();

        assertThat(settings.clientConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ann\""
                        + " password=\"s3cret-sasl\";")
                .containsEntry("ssl.truststore.location", "/keys/trust.jks");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void settingsThatCannotConnectSayWhatToFix() {
        StreamSettings defaults = StreamSettings.defaults();

        assertThat(defaults.problem()).isNull();
        assertThat(StreamSettings.plain("localhost", List.of("t"), "g", "earliest").problem())
                .isEqualTo("Bootstrap server \"localhost\" is not HOST:PORT");
        assertThat(StreamSettings.plain("localhost:9092", List.of(), "g", "earliest").problem()).isEqualTo("Enter at least one topic");
        assertThat(defaults.withFormat(MessageFormat.CSV_LINE, "").problem()).startsWith("Choose the import preset");
    }
}
