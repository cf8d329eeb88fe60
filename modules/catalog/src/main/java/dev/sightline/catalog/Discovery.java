package dev.sightline.catalog;

import dev.sightline.catalog.MatchResult.Matched;

/** What {@link UnknownAiDiscovery} concluded about one request. */
public sealed interface Discovery permits Discovery.Catalogued, Discovery.Candidate, Discovery.NotAi {

    /** The host is already in the catalog; nothing to discover. */
    record Catalogued(Matched match) implements Discovery {
    }

    /** An uncatalogued host that speaks an AI API: a candidate for the catalog and for a shadow-AI alert. */
    record Candidate(String host, AiApiSignature signature, Confidence confidence) implements Discovery {
    }

    /** No AI signature (or no usable host). */
    record NotAi() implements Discovery {
        static final NotAi INSTANCE = new NotAi();
    }

    /** HIGH: a path only AI APIs use; MEDIUM: an AI path shape other APIs could share; LOW: a generic listing. */
    enum Confidence { LOW, MEDIUM, HIGH }
}
