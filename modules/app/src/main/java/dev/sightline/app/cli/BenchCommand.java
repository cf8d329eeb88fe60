package dev.sightline.app.cli;

import dev.sightline.classify.ScanBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine; each prints its figures and a machine-readable last line.",
        subcommands = {BenchCommand.Scan.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing benchmark: give one of " + String.join(", ", spec.subcommands().keySet()));
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {
                "Measures the sensitive-content scanner on FILE (JSON lines {\"id\",\"text\"} or plain text) on one "
                    + "thread, against a naive one-regex-per-pattern scan of the same rules in the same run.",
                "Last line: scan_mib_per_s=<MiB/s per thread>."})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The text to scan.")
        String file;

        @Override
        public Integer call() throws Exception {
            LogFileArguments.requireReadable(List.of(file));
            ScanBenchmark.run(Path.of(file), System.out);
            return 0;
        }
    }
}
