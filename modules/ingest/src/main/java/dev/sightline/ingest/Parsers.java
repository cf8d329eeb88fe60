package dev.sightline.ingest;

import dev.sightline.ingest.chatgpt.ChatGptComplianceParser;
import dev.sightline.ingest.ecs.EcsParser;
import dev.sightline.ingest.gemini.GeminiAuditParser;
import dev.sightline.ingest.m365.M365AuditParser;
import dev.sightline.ingest.netskope.NetskopeParser;
import dev.sightline.ingest.squid.SquidParser;
import dev.sightline.ingest.zscaler.ZscalerParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The parser for each format name of ARCHITECTURE.md: the one place a format name meets its parser. */
public final class Parsers {
    private static final Map<String, BiFunction<String, ParserOptions, RecordParser>> FACTORIES = new LinkedHashMap<>();

    static {
        SquidParser.formatNames().forEach(name -> FACTORIES.put(name, SquidParser::of));
        FACTORIES.put("zscaler", (name, options) -> new ZscalerParser(options));
        FACTORIES.put("netskope", (name, options) -> new NetskopeParser(options));
        FACTORIES.put("ecs", (name, options) -> new EcsParser(options));
        FACTORIES.put("m365-audit", (name, options) -> new M365AuditParser(options));
        FACTORIES.put("chatgpt-compliance", (name, options) -> new ChatGptComplianceParser(options));
        FACTORIES.put("gemini-audit", (name, options) -> new GeminiAuditParser(options));
    }

    private Parsers() {
    }

    /**
     * A parser for the format.
     *
     * @throws IllegalArgumentException naming the known formats when the name is unknown, or when the options do not
     *                                  fit the format (a Squid logformat that does not compile, a logformat given
     *                                  for a format that takes none)
     */
    public static RecordParser create(String format, ParserOptions options) {
        BiFunction<String, ParserOptions, RecordParser> factory = FACTORIES.get(format);
        if (factory == null) {
            throw new IllegalArgumentException("unknown format '" + format + "'; known formats: " + String.join(", ", formats()));
        }
        if (options.logformat().isPresent() && !format.equals("squid")) {
            throw new IllegalArgumentException("a logformat definition applies to format squid only, not " + format);
        }
        return factory.apply(format, options);
    }

    /** Every format name, in documentation order. */
    public static List<String> formats() {
        return List.copyOf(FACTORIES.keySet());
    }
}
