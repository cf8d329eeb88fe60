package dev.sightline.app.cli;

import dev.sightline.app.ship.FileStatus;
import dev.sightline.app.ship.PositionFile;
import dev.sightline.app.ship.PositionFileException;
import dev.sightline.app.ship.ShipException;
import dev.sightline.app.ship.ShipInput;
import dev.sightline.app.ship.ShipProducers;
import dev.sightline.app.ship.ShipSettings;
import dev.sightline.app.ship.ShipTopics;
import dev.sightline.app.ship.Shipper;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Sends log lines to a raw topic, resumably; see {@link Shipper} for how it avoids loss and duplicates. */
@Command(name = "ship", mixinStandardHelpOptions = true,
        description = {
            "Sends log files (or stdin) to a raw topic, one record per line: the line's bytes as written, without the "
                + "line terminator; JSON formats one JSON record per line (JSON Lines). The record key is --source-id "
                + "(none by default); headers carry the format, the file, a ship id and the line number.",
            "With --position-file a restart continues after the last line the broker acknowledged, and lines that "
                + "reached the topic just before an interruption are found on the topic (by their headers) and not "
                + "sent again. With --follow it keeps reading growing files like tail -F (rotation and truncation "
                + "included) until Ctrl-C.",
            "Kafka settings come from the configuration (--config, SIGHTLINE_* variables), including kafka.* "
                + "properties for SASL/SSL; the producer is always idempotent with acks=all."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every line was sent (or, with --follow, until Ctrl-C).",
            "1:The broker did not acknowledge records; the position file stays at the last acknowledged line.",
            "2:A usage error: unknown format, bad --logformat, a missing or unreadable FILE, a topic that is not raw.* "
                + "or does not exist, a damaged position file."})
final class ShipCommand implements Callable<Integer> {
    private static final String RAW_PREFIX = "raw.";
    private static final long STDIN_STOP_WAIT_SECONDS = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "Input format (recorded in the header sightline.format): ${COMPLETION-CANDIDATES}.")
    String format;

    @Option(names = "--logformat", paramLabel = "DEFINITION",
            description = "With --format squid: the squid.conf logformat definition (checked here; the topic's "
                    + "configuration decides how the pipeline parses).")
    String logformat;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "Topic to send to, e.g. raw.proxy.squid; the configured topic prefix is put in front unless "
                    + "the name already starts with it.")
    String topic;

    @Option(names = "--allow-any-topic", description = "Allow a topic whose name does not start with raw.")
    boolean allowAnyTopic;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers; overrides sightline.kafka.bootstrap.servers.")
    String bootstrapServers;

    @Option(names = "--source-id", paramLabel = "ID",
            description = "Record key for every line, e.g. the proxy's host name. Default: no key.")
    String sourceId;

    @Option(names = "--follow", description = "Keep reading the files as they grow (tail -F) until Ctrl-C.")
    boolean follow;

    @Option(names = "--position-file", paramLabel = "FILE",
            description = "Where to keep each file's position (JSON), to resume without loss or duplicates.")
    Path positionFile;

    @Option(names = "--progress", negatable = true,
            description = "Show a live progress line on stderr. Default: when the session is interactive.")
    Boolean progress;

    @Option(names = "--linger-ms", paramLabel = "MS", defaultValue = "50",
            description = "How long a batch may wait to fill. Default: ${DEFAULT-VALUE}.")
    int lingerMs;

    @Option(names = "--batch-size", paramLabel = "BYTES", defaultValue = "262144",
            description = "Largest batch per partition, in bytes. Default: ${DEFAULT-VALUE}.")
    int batchBytes;

    @Option(names = "--commit-lines", paramLabel = "N", defaultValue = "10000",
            description = "Save the position at least every N lines (and every second). Default: ${DEFAULT-VALUE}.")
    int commitLines;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files to send; '-' reads stdin (alone).")
    List<String> files;

    /** Where '-' reads from; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        SightlineConfig config = run.loadConfig(bootstrapServers == null ? Map.of()
                : Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers));
        String fullTopic = resolveTopic(config.topicPrefix());
        PositionFile positions = openPositions();
        ShipSettings settings = ShipSettings.of(fullTopic, format).withSourceId(sourceId).withFollow(follow)
                .withCommitLines(commitLines);
        List<ShipInput> inputs = files.stream().map(this::input).toList();
        ShipProgressDisplay display = new ShipProgressDisplay(spec.commandLine().getErr(),
                progress != null ? progress : System.console() != null);

        Map<String, Object> client = config.kafkaClientProperties();
        try (Shutdown shutdown = Shutdown.install();
             KafkaConsumer<byte[], byte[]> consumer = ShipProducers.consumer(client);
             KafkaProducer<byte[], byte[]> producer = ShipProducers.producer(client, lingerMs, batchBytes)) {
            try {
                ShipTopics.partitions(consumer, fullTopic, settings.timeout());
            } catch (ShipException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            Shipper shipper = new Shipper(settings, producer, consumer, positions, display, Clock.systemUTC());
            CountDownLatch done = new CountDownLatch(1);
            Thread stopper = stopOnSignal(shutdown, shipper, producer, done);
            try {
                List<FileStatus> result = shipper.ship(inputs);
                display.summary(result);
            } finally {
                done.countDown();
                stopper.interrupt();
            }
        }
        return 0;
    }

    private void checkOptions() {
        FormatOptions.parser(format, logformat); // ship does not parse, but a wrong name or definition is a mistake now
        requirePositive("--commit-lines", commitLines);
        requirePositive("--batch-size", batchBytes);
        if (lingerMs < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--linger-ms': " + lingerMs
                    + " (must be 0 or more milliseconds)");
        }
        LogFileArguments.requireReadable(files, follow);
        if (files.contains(LogFileArguments.STDIN)) {
            if (files.size() > 1) {
                throw new UserInputException("'-' (stdin) cannot be combined with files");
            }
            if (positionFile != null) {
                throw new UserInputException("--position-file needs files: stdin cannot be resumed");
            }
        }
    }

    private void requirePositive(String option, int value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value
                    + " (must be positive)");
        }
    }

    private String resolveTopic(String prefix) {
        String base = !prefix.isEmpty() && topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
        if (!allowAnyTopic && !base.startsWith(RAW_PREFIX)) {
            throw new UserInputException("topic " + topic + " is not a raw topic (raw.*); ship writes log lines as "
                    + "they are, which only raw topics expect. Use --allow-any-topic to send there anyway.");
        }
        return prefix + base;
    }

    private PositionFile openPositions() {
        if (positionFile == null) {
            return null;
        }
        try {
            return PositionFile.open(positionFile);
        } catch (PositionFileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private ShipInput input(String name) {
        return name.equals(LogFileArguments.STDIN) ? new ShipInput.Stream(name, stdin) : new ShipInput.File(Path.of(name));
    }

    /**
     * Ctrl-C asks the shipper to save its position and return. A read of stdin may block until more input comes,
     * so after a short wait the records sent so far are flushed and the process let go.
     */
    private static Thread stopOnSignal(Shutdown shutdown, Shipper shipper, KafkaProducer<?, ?> producer,
                                       CountDownLatch done) {
        Thread stopper = new Thread(() -> {
            try {
                shutdown.await(null);
                shipper.stop();
                if (!done.await(STDIN_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    producer.flush();
                    shutdown.close();
                }
            } catch (InterruptedException finished) {
                Thread.currentThread().interrupt();
            }
        }, "sightline-ship-stop");
        stopper.setDaemon(true);
        stopper.start();
        return stopper;
    }
}
