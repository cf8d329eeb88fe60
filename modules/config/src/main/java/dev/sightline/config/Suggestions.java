package dev.sightline.config;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?" for unknown keys: the known key (or family member) nearest by edit distance. */
final class Suggestions {

    private static final String NAMESPACE = "sightline.";

    private Suggestions() {
    }

    private record Candidate(String key, int distance) {
    }

    static Optional<String> nearestKey(String unknown) {
        // allow more edits in longer keys, but not so many that anything matches anything
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(3, unknown.length() / 4));
        // a key written without the namespace (e.g. YAML with top-level "http:") is also a near miss
        String qualified = unknown.startsWith(NAMESPACE) ? unknown : NAMESPACE + unknown;
        Stream<Candidate> fixed = ConfigKeys.ALL.stream().flatMap(key -> Stream.of(
                new Candidate(key.name(), distance.apply(unknown, key.name())),
                new Candidate(key.name(), distance.apply(qualified, key.name()))));
        Stream<Candidate> members = ConfigKeys.FAMILIES.stream()
                .flatMap(family -> Stream.of(unknown, qualified).distinct()
                        .flatMap(key -> familyCandidates(key, family.prefix(), distance)));
        return Stream.concat(fixed, members)
                .filter(candidate -> candidate.distance() >= 0)
                .min(Comparator.comparingInt(Candidate::distance))
                .map(Candidate::key);
    }

    /** Compares each dotted start of the key with the family prefix and keeps the rest: format.raw.x -> formats.raw.x. */
    private static Stream<Candidate> familyCandidates(String unknown, String prefix, LevenshteinDistance distance) {
        return IntStream.range(0, unknown.length() - 1)
                .filter(i -> unknown.charAt(i) == '.')
                .mapToObj(i -> new Candidate(prefix + unknown.substring(i + 1),
                        distance.apply(unknown.substring(0, i + 1), prefix)));
    }
}
