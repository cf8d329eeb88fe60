package dev.sightline.app.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A {@link ChildApplication} started with this test JVM's class path; {@link #kill()} is SIGKILL, no shutdown hook runs. */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the child and waits until it says it runs; its output goes to {@code log} (appended). */
    static ChildProcess start(Map<String, String> overrides, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES"),
                "-cp", System.getProperty("java.class.path"), ChildApplication.class.getName()));
        overrides.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChildProcess child = new ChildProcess(process, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("child exited with " + process.exitValue() + ":\n" + child.output());
                }
                return child.output().contains(ChildApplication.READY);
            });
        } catch (RuntimeException e) {
            child.kill();
            throw e;
        }
        return child;
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL on Unix: the JVM gets no chance to flush, commit or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
