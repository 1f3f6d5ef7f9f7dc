package org.cdpdesktop.core.stream;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.cdpdesktop.core.Settings;

/**
 * Where and how the stream consumes. Everything but the secrets is kept in the settings file; the secrets
 * ({@link #saslPassword}, {@link #sslKeystorePassword}, {@link #sslTruststorePassword}) live in memory for the session
 * only, so a plain-text file in the data folder never holds a password.
 *
 * @param autoOffsetReset where a group without committed offsets starts: {@code earliest} or {@code latest}
 * @param securityProtocol {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism   {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
 * @param preset          the saved import preset naming a CSV line's columns ({@link MessageFormat#CSV_LINE} only)
 * @param predict         whether the active cohort model predicts each new or changed profile
 */
public record StreamSettings(String bootstrapServers, List<String> topics, String groupId, String autoOffsetReset,
                             String securityProtocol, String saslMechanism, String saslUsername, String saslPassword,
                             String sslTruststorePath, String sslTruststorePassword, String sslKeystorePath, String sslKeystorePassword,
                             MessageFormat format, String preset, boolean predict) {

    /** The old service's topic and group. */
    public static final String DEFAULT_TOPIC = "user-profiles";
    public static final String DEFAULT_GROUP = "user-profile-group";
    public static final List<String> SECURITY_PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    public static final List<String> SASL_MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    public static final List<String> OFFSET_RESETS = List.of("earliest", "latest");

    private static final String PREFIX = "stream.";

    public StreamSettings {
        topics = List.copyOf(topics);
        format = format == null ? MessageFormat.LEGACY_JSON : format;
    }

    /** Plain text, local broker, the old service's topic and group, from the beginning. */
    public static StreamSettings defaults() {
        return new StreamSettings("localhost:9092", List.of(DEFAULT_TOPIC), DEFAULT_GROUP, "earliest", "PLAINTEXT", "PLAIN", "", "",
                "", "", "", "", MessageFormat.LEGACY_JSON, "", false);
    }

    /** A plain-text connection to one topic, e.g. for the command line. */
    public static StreamSettings plain(String bootstrapServers, List<String> topics, String groupId, String autoOffsetReset) {
        StreamSettings defaults = defaults();
        return new StreamSettings(bootstrapServers, topics, groupId, autoOffsetReset, "PLAINTEXT", "PLAIN", "", "", "", "", "", "",
                defaults.format(), "", false);
    }

    /** Topics typed as a comma-separated list, blanks dropped. */
    public static List<String> parseTopics(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).toList();
    }

    public StreamSettings withFormat(MessageFormat newFormat, String newPreset) {
        return new StreamSettings(bootstrapServers, topics, groupId, autoOffsetReset, securityProtocol, saslMechanism, saslUsername,
                saslPassword, sslTruststorePath, sslTruststorePassword, sslKeystorePath, sslKeystorePassword, newFormat, newPreset, predict);
    }

    public StreamSettings withPredict(boolean newPredict) {
        return new StreamSettings(bootstrapServers, topics, groupId, autoOffsetReset, securityProtocol, saslMechanism, saslUsername,
                saslPassword, sslTruststorePath, sslTruststorePassword, sslKeystorePath, sslKeystorePassword, format, preset, newPredict);
    }

    /** What is wrong with these settings for connecting, or {@code null} when nothing is. */
    public String problem() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            return "Enter the bootstrap servers, e.g. localhost:9092";
        }
        for (String server : bootstrapServers.split(",")) {
            if (!server.trim().matches("[^\\s:]+:\\d{1,5}")) {
                return "Bootstrap server \"" + server.trim() + "\" is not HOST:PORT";
            }
        }
        if (topics.isEmpty()) {
            return "Enter at least one topic";
        }
        if (groupId == null || groupId.isBlank()) {
            return "Enter a consumer group id";
        }
        if (!SECURITY_PROTOCOLS.contains(securityProtocol)) {
            return "Unknown security protocol " + securityProtocol;
        }
        if (securityProtocol.startsWith("SASL") && (saslUsername == null || saslUsername.isBlank())) {
            return "Enter the SASL user name and password";
        }
        if (format == MessageFormat.CSV_LINE && (preset == null || preset.isBlank())) {
            return "Choose the import preset that names the CSV line's columns";
        }
        return null;
    }

    /** The kafka-clients configuration shared by the consumer, the admin client and the producer. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.trim());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        config.put(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips");
        if (securityProtocol.startsWith("SASL")) {
            config.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            String module = saslMechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            config.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaasEscape(saslUsername)
                    + "\" password=\"" + jaasEscape(saslPassword == null ? "" : saslPassword) + "\";");
        }
        if (securityProtocol.endsWith("SSL")) {
            putIfSet(config, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, sslTruststorePath);
            putIfSet(config, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, sslTruststorePassword);
            putIfSet(config, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, sslKeystorePath);
            putIfSet(config, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, sslKeystorePassword);
        }
        return config;
    }

    private static void putIfSet(Map<String, Object> config, String key, String value) {
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The saved settings (secrets blank: they are never saved), or the defaults. */
    public static StreamSettings load(Settings settings) {
        StreamSettings defaults = defaults();
        MessageFormat format;
        try {
            format = MessageFormat.valueOf(settings.get(PREFIX + "format").orElse(defaults.format().name()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            format = defaults.format();
        }
        return new StreamSettings(
                settings.get(PREFIX + "bootstrap").orElse(defaults.bootstrapServers()),
                parseTopics(settings.get(PREFIX + "topics").orElse(String.join(",", defaults.topics()))),
                settings.get(PREFIX + "group").orElse(defaults.groupId()),
                settings.get(PREFIX + "offset-reset").filter(OFFSET_RESETS::contains).orElse(defaults.autoOffsetReset()),
                settings.get(PREFIX + "security").filter(SECURITY_PROTOCOLS::contains).orElse(defaults.securityProtocol()),
                settings.get(PREFIX + "sasl.mechanism").filter(SASL_MECHANISMS::contains).orElse(defaults.saslMechanism()),
                settings.get(PREFIX + "sasl.username").orElse(""), "",
                settings.get(PREFIX + "ssl.truststore").orElse(""), "",
                settings.get(PREFIX + "ssl.keystore").orElse(""), "",
                format, settings.get(PREFIX + "preset").orElse(""), settings.getBoolean(PREFIX + "predict"));
    }

    /** Saves everything but the secrets. */
    public void save(Settings settings) {
        Map<String, String> values = new HashMap<>();
        values.put(PREFIX + "bootstrap", bootstrapServers);
        values.put(PREFIX + "topics", String.join(",", topics));
        values.put(PREFIX + "group", groupId);
        values.put(PREFIX + "offset-reset", autoOffsetReset);
        values.put(PREFIX + "security", securityProtocol);
        values.put(PREFIX + "sasl.mechanism", saslMechanism);
        values.put(PREFIX + "sasl.username", saslUsername == null ? "" : saslUsername);
        values.put(PREFIX + "ssl.truststore", sslTruststorePath == null ? "" : sslTruststorePath);
        values.put(PREFIX + "ssl.keystore", sslKeystorePath == null ? "" : sslKeystorePath);
        values.put(PREFIX + "format", format.name());
        values.put(PREFIX + "preset", preset == null ? "" : preset);
        values.put(PREFIX + "predict", Boolean.toString(predict));
        settings.setAll(values);
    }

    /** Shown in logs and errors: never the secrets. */
    @Override
    public String toString() {
        return "StreamSettings[" + bootstrapServers + " " + topics + " group " + groupId + " " + securityProtocol + " " + format + "]";
    }
}
