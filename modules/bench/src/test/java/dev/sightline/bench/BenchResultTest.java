package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchResultTest {
    @Test
    void lastLineHasTheFourFiguresInTheDocumentedFormat() {
        BenchResult result = new BenchResult(6_123.4, 10_000.0, 412.6);

        assertThat(result.lastLine()).isEqualTo("pipeline_eps=6123 passthrough_eps=10000 ratio=0.61 p99_ms=413");
        assertThat(result.lastLine()).matches("pipeline_eps=\\d+ passthrough_eps=\\d+ ratio=\\d+\\.\\d{2} p99_ms=\\d+");
    }

    @Test
    void ratioIsPipelineOverPassthrough() {
        assertThat(new BenchResult(1_000, 4_000, 0).ratio()).isEqualTo(0.25);
    }

    @Test
    void refusesAZeroCeiling() {
        assertThatThrownBy(() -> new BenchResult(1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passthrough");
    }
}
