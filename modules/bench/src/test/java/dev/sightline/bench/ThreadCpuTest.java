package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void threadsAreGroupedByTheirTruncatedKernelNames() {
        assertThat(ThreadCpu.Group.of("sightline-bench")).isEqualTo(ThreadCpu.Group.STREAM_THREADS);
        assertThat(ThreadCpu.Group.of("kafka-producer-")).isEqualTo(ThreadCpu.Group.CLIENT_NETWORK);
        assertThat(ThreadCpu.Group.of("C2 CompilerThre")).isEqualTo(ThreadCpu.Group.JIT);
        assertThat(ThreadCpu.Group.of("GC Thread#1")).isEqualTo(ThreadCpu.Group.GC);
        assertThat(ThreadCpu.Group.of("data-plane-kafk")).isEqualTo(ThreadCpu.Group.BROKER);
        assertThat(ThreadCpu.Group.of("kafka-admin-cli")).isEqualTo(ThreadCpu.Group.OTHER);
        assertThat(ThreadCpu.Group.of("main")).isEqualTo(ThreadCpu.Group.OTHER);
    }

    @Test
    void perUnitIsTheDifferenceDividedByTheWork() {
        var before = new ThreadCpu.Snapshot(Map.of(ThreadCpu.Group.STREAM_THREADS, 1_000_000L));
        var after = new ThreadCpu.Snapshot(Map.of(ThreadCpu.Group.STREAM_THREADS, 3_000_000L,
                ThreadCpu.Group.BROKER, 1_000_000L));

        assertThat(after.perUnit(before, 100, "record"))
                .startsWith("CPU per record: 30 µs (stream threads 20, ")
                .contains("broker 10, JIT compilers 0");
    }

    @Test
    void thisProcessHasCpuToShowOnLinux() {
        ThreadCpu.snapshot().ifPresent(snapshot ->
                assertThat(snapshot.nanos().values().stream().mapToLong(Long::longValue).sum()).isPositive());
    }
}
