package dev.sightline.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.model.AiUsageEvent;
import org.junit.jupiter.api.Test;

class ElementContextTest {

    /**
     * Avro resolves an enum field's default by loading the enum class through its trusted-packages check, which
     * fails in a JVM started without {@code org.apache.avro.SERIALIZABLE_PACKAGES} (a JMH run, a library user): an
     * event that relied on a default could not be built there. Every JSON parser starts from this builder.
     */
    @Test
    void theCommonEventBuilderLeavesNoEnumToItsSchemaDefault() {
        ElementContext context = new ElementContext(Samples.raw("ecs", new byte[] {'{', '}'}), "ecs",
                ParserOptions.defaults(), null);
        AiUsageEvent.Builder event = context.newEvent("id", Samples.RECEIVED_AT, "ecs");
        assertThat(event.hasProxyAction()).isTrue();
        assertThat(event.hasActivity()).isTrue();
        assertThat(event.hasAccountType()).isTrue();
    }
}
