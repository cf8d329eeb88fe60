package dev.sightline.config;

/** Kafka Streams' {@code processing.guarantee}, limited to the two modes Kafka 4.x supports. */
public enum ProcessingGuarantee implements ConfigName {
    /** Each record affects state and output exactly once (transactions); needs brokers with transaction support. */
    EXACTLY_ONCE_V2("exactly_once_v2"),
    /** Records may be processed twice after a failure; lower latency, no transactions. */
    AT_LEAST_ONCE("at_least_once");

    private final String configName;

    ProcessingGuarantee(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
