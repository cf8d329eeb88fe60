package dev.sightline.classify;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One detector: a regex that finds candidates and a validator that accepts or rejects them.
 *
 * <p>The prefilter runs the regex only in windows of {@code reach} characters around a trigger (an anchor word or a
 * character shape); the naive benchmark runs the same regex over the whole text. Patterns use bounded quantifiers
 * only and no nested repetition, so one match attempt costs at most a constant and a scan stays linear.
 *
 * @param type          what a match is
 * @param pattern       candidate shape (bounded quantifiers only)
 * @param valueGroup    the group whose span is reported and hashed (0 = the whole match)
 * @param anchors       lower-case words that trigger the rule (key prefixes, key words, context words)
 * @param charTriggers  character shapes that trigger the rule
 * @param minDigits     for {@link CharTrigger#NUMBER}: fewest digits a number must have to be worth a look
 * @param before        how far before a trigger a match can start
 * @param after         how far after a trigger a match can end (numbers: the number itself bounds the window)
 * @param wordStart     anchors count only at the start of a word (not "aws" in "laws")
 * @param validator     confidence in (0, 1], or 0 to reject; must check its own context (the prefilter is only a hint)
 */
record Rule(FindingType type, Pattern pattern, int valueGroup, List<String> anchors, Set<CharTrigger> charTriggers,
            int minDigits, int before, int after, boolean wordStart, Validator validator) {

    /** Character shapes found by the single pass. */
    enum CharTrigger {
        /** an {@code @} */
        AT_SIGN,
        /** the start of a number (digits with separators) with at least {@code minDigits} digits */
        NUMBER,
        /** a word that starts with two letters and a digit (IBAN, NINO, DEA) */
        LETTER_PAIR_DIGIT
    }

    /** Returns the confidence of a match, or {@link #REJECT}. */
    @FunctionalInterface
    interface Validator {
        double confidence(String text, MatchResult match, int valueStart, int valueEnd);
    }

    static final double REJECT = 0;

    Rule {
        Objects.requireNonNull(type);
        anchors = List.copyOf(anchors);
        charTriggers = charTriggers.isEmpty() ? Set.of() : EnumSet.copyOf(charTriggers);
        if (anchors.isEmpty() && charTriggers.isEmpty()) {
            throw new IllegalArgumentException(type + " has no trigger");
        }
    }

    /** Triggered by anchor words at the start of a word. */
    static Rule anchored(FindingType type, String regex, int valueGroup, int before, int after, Validator validator,
                         String... anchors) {
        return new Rule(type, Pattern.compile(regex), valueGroup, List.of(anchors), Set.of(), 0, before, after, true, validator);
    }

    /** Triggered by anchor words anywhere, also inside a word ({@code githubToken}, {@code postgres://}). */
    static Rule anchoredAnywhere(FindingType type, String regex, int valueGroup, int before, int after,
                                 Validator validator, String... anchors) {
        return new Rule(type, Pattern.compile(regex), valueGroup, List.of(anchors), Set.of(), 0, before, after, false, validator);
    }

    static Rule shaped(FindingType type, String regex, int valueGroup, CharTrigger trigger, int minDigits, int before,
                       int after, Validator validator) {
        return new Rule(type, Pattern.compile(regex), valueGroup, List.of(), Set.of(trigger), minDigits, before, after, true,
                validator);
    }
}
