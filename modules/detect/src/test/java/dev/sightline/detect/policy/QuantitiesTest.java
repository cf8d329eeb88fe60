package dev.sightline.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void durationsInShortOrIsoForm() {
        assertThat(Quantities.durationMillis("90s")).hasValue(90_000);
        assertThat(Quantities.durationMillis("15m")).hasValue(900_000);
        assertThat(Quantities.durationMillis("7d")).hasValue(604_800_000);
        assertThat(Quantities.durationMillis("PT1H")).hasValue(3_600_000);
        assertThat(Quantities.durationMillis("3600")).isEqualTo(OptionalLong.empty());
        assertThat(Quantities.durationMillis("soon")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void sizesWithDecimalAndBinaryUnits() {
        assertThat(Quantities.bytes("1024")).hasValue(1024);
        assertThat(Quantities.bytes("500KB")).hasValue(500_000);
        assertThat(Quantities.bytes("10 MiB")).hasValue(10L << 20);
        assertThat(Quantities.bytes("2gib")).hasValue(2L << 30);
        assertThat(Quantities.bytes("999999999999999GiB")).isEqualTo(OptionalLong.empty());
        assertThat(Quantities.bytes("-1")).isEqualTo(OptionalLong.empty());
    }
}
