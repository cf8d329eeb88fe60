package dev.sightline.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void findsMetricNamesButNotFunctionsLabelsOrKeywords() {
        assertThat(PromQl.metricNames("sum by (format, reason) (rate(sightline_dead_letters_total[5m]))"))
                .containsExactly("sightline_dead_letters_total");
        assertThat(PromQl.metricNames("time() - max by (source) (sightline_source_last_seen_timestamp_seconds) > 900"))
                .containsExactly("sightline_source_last_seen_timestamp_seconds");
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(x_bucket{rule=\"a b\"}[15m] offset 1h)))"))
                .containsExactly("x_bucket");
        assertThat(PromQl.metricNames("(sum(rate(a_total{outcome=\"parsed\"}[10m])) > 0) unless on () (b_total > 0)"
                + " or vector(0)")).containsExactly("a_total", "b_total");
        assertThat(PromQl.metricNames("count by (control) ({__name__=~\"sightline_.+\", control!=\"\"})")).isEmpty();
        assertThat(PromQl.metricNames("sum(jvm_memory_used_bytes{area=\"heap\"}) / 1e6")).containsExactly("jvm_memory_used_bytes");
    }
}
