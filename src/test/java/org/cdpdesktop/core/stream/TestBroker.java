package org.cdpdesktop.core.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real Kafka broker for every stream test in the JVM: KRaft, combined broker and controller, listening on
 * loopback only, started on first use (about 1.5 s) and stopped when the JVM exits.
 */
public final class TestBroker {

    private static TestBroker shared;

    static {
        // A fatal fault in an in-process broker (a port taken between choosing it and binding it, say) makes Kafka end
        // the process through Exit, which would take the whole test JVM and every later test with it, unreported. The
        // fault fails the test that started the broker instead, saying what the broker met.
        Exit.Procedure refuse = (status, message) -> {
            throw new IllegalStateException("The test Kafka broker asked to end the process with status " + status + ": " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }

    private final Path logDir;
    private final KafkaConfig config;
    private final String bootstrap;
    private KafkaRaftServer server;

    private TestBroker() throws Exception {
        logDir = Files.createTempDirectory("cdp-test-kafka");
        int brokerPort = freePort();
        int controllerPort = freePort();
        String clusterId = Uuid.randomUuid().toString();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(clusterId)
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .run();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        config = KafkaConfig.fromProps(props, false);
        bootstrap = "127.0.0.1:" + brokerPort;
        start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndDelete, "test-kafka-stop"));
    }

    /** A broker of one test's own, e.g. to stop and restart it; stopped and deleted when the JVM exits. */
    public static TestBroker startPrivate() {
        try {
            return new TestBroker();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start a test Kafka broker", e);
        }
    }

    /** Starts the broker (again) on its ports and log folder. */
    public synchronized void start() {
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker as a crash or a network loss would look to its clients; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** The broker every test shares, started on first use. */
    public static synchronized TestBroker get() {
        if (shared == null) {
            try {
                shared = new TestBroker();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the test Kafka broker", e);
            }
        }
        return shared;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Creates a topic with a name no other test uses. */
    public String newTopic(String prefix, int partitions) {
        return createTopic(prefix + "-" + Uuid.randomUuid().toString().replaceAll("[^A-Za-z0-9]", "").substring(0, 10), partitions);
    }

    /**
     * Creates the topic {@code name} and waits until the broker leads each partition: an idempotent producer that
     * meets NOT_LEADER_OR_FOLLOWER on a partition's first batch can retry it forever as out of sequence. On a loaded
     * machine the admin client may resend a creation the controller already made, and the broker may not know the
     * new topic for a moment after the controller does; both are waited out, not failures.
     */
    public String createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!everyPartitionLed(admin, name, partitions)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No leader for every partition of " + name + " after 30 s");
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + name + ": " + e, e);
        }
        return name;
    }

    private static boolean everyPartitionLed(Admin admin, String topic, int partitions) throws Exception {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
        return description.partitions().size() == partitions
                && description.partitions().stream().allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    }

    /** Sends messages (null = an empty value) round-robin over the partitions and waits for each acknowledgement. */
    public void send(String topic, List<byte[]> values) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }

    private void stopAndDelete() {
        stop();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
