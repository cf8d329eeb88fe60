package dev.sightline.pipeline.compliance;

import dev.sightline.config.InputFormat;
import dev.sightline.config.RawTopic;
import dev.sightline.ingest.chatgpt.ChatGptComplianceParser;
import dev.sightline.ingest.ecs.EcsParser;
import dev.sightline.ingest.gemini.GeminiAuditParser;
import dev.sightline.ingest.m365.M365AuditParser;
import dev.sightline.ingest.netskope.NetskopeParser;
import dev.sightline.ingest.squid.SquidParser;
import dev.sightline.ingest.zscaler.ZscalerParser;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The {@code sourceProduct} each input format's parser writes, so that configured sources can be expected. */
final class SourceProducts {
    private SourceProducts() {
    }

    static String of(InputFormat format) {
        return switch (format) {
            case SQUID, SQUID_EXT, SQUID_COMMON, SQUID_COMBINED -> SquidParser.SOURCE_PRODUCT;
            case ZSCALER -> ZscalerParser.PRODUCT;
            case NETSKOPE -> NetskopeParser.PRODUCT;
            case ECS -> EcsParser.PRODUCT;
            case M365_AUDIT -> M365AuditParser.PRODUCT;
            case CHATGPT_COMPLIANCE -> ChatGptComplianceParser.PRODUCT;
            case GEMINI_AUDIT -> GeminiAuditParser.PRODUCT;
        };
    }

    static Set<String> of(Collection<RawTopic> rawTopics) {
        Set<String> products = new TreeSet<>();
        rawTopics.forEach(raw -> products.add(of(raw.format())));
        return products;
    }
}
