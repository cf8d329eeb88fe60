package dev.sightline.catalog;

import java.util.Optional;

/** The outcome of looking a host or URL up in the catalog. */
public sealed interface MatchResult permits MatchResult.Matched, MatchResult.NoMatch, MatchResult.InvalidInput {

    /** The host belongs to a catalogued tool: which rule matched and the organisation's policy for the tool. */
    record Matched(AiTool tool, HostPattern pattern, ToolPolicy policy) implements MatchResult {
        public Sanction sanction() {
            return policy.sanction();
        }
    }

    /** A well-formed host that no catalog rule claims. */
    record NoMatch() implements MatchResult {
        static final NoMatch INSTANCE = new NoMatch();
    }

    /** Input that names no host (empty, bad port, invalid IDN); the reason does not repeat the input. */
    record InvalidInput(String reason) implements MatchResult {
    }

    default Optional<AiTool> matchedTool() {
        return this instanceof Matched m ? Optional.of(m.tool()) : Optional.empty();
    }

    default boolean matched() {
        return this instanceof Matched;
    }
}
