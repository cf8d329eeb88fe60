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
 * @param after         how far after a trigger a match can end (numbers: how far after the number)
 * @param wordStart     anchors count only at the start of a word (not "aws" in "laws")
 * @param start         where, relative to its trigger, a match can start
 * @param startFilter   positions of a window worth a match attempt; null = every position (one {@code find()})
 * @param triggerCheck  a cheap necessary condition on the trigger (anchor or character shape) before a window is opened
 * @param validator     confidence in (0, 1], or 0 to reject; must check its own context (the prefilter is only a hint)
 * @param knownRejection where the regex's first match at a position is sure to be rejected, its end without running the
 *                      regex; null = always run it
 */
record Rule(FindingType type, Pattern pattern, int valueGroup, List<String> anchors, Set<CharTrigger> charTriggers,
            int minDigits, int before, int after, boolean wordStart, Start start, StartFilter startFilter,
            TriggerCheck triggerCheck, Validator validator, KnownRejection knownRejection) {

    /** Character shapes found by the single pass. */
    enum CharTrigger {
        /** an {@code @} */
        AT_SIGN,
        /** the start of a number (digits with separators) with at least {@code minDigits} digits */
        NUMBER,
        /** a word that starts with two letters and a digit (IBAN, NINO, DEA) */
        LETTER_PAIR_DIGIT
    }

    /** Where a match can start relative to the anchor that triggered the rule. */
    enum Start {
        /** exactly at the anchor: the anchor is the value's literal prefix (one match attempt per anchor) */
        AT_ANCHOR,
        /** at most {@code before} characters before the anchor, never after it ({@code postgres} of {@code ://}) */
        BEFORE_ANCHOR,
        /** anywhere from {@code before} characters before the trigger to {@code after} characters after it */
        IN_WINDOW
    }

    /** Returns the confidence of a match, or {@link #REJECT}. */
    @FunctionalInterface
    interface Validator {
        double confidence(String text, MatchResult match, int valueStart, int valueEnd);
    }

    /** Whether a match can start at {@code i}: lets the scanner try the regex at few positions instead of all. */
    @FunctionalInterface
    interface StartFilter {
        boolean canStart(String text, int i);
    }

    /**
     * A start filter that first asks whether the character at {@code i} can begin a match, by one read of a table the
     * scanner inlines in its window loop, and only then calls {@code rest}.
     *
     * @param firstChars per ASCII character: whether a match can start with it (a match never starts with non-ASCII)
     */
    record FirstChars(boolean[] firstChars, StartFilter rest) implements StartFilter {

        /** {@code chars} lists characters and ranges: {@code "A-Z0-9/+"}. */
        static FirstChars of(String chars, StartFilter rest) {
            boolean[] table = new boolean[128];
            for (int i = 0; i < chars.length(); i++) {
                boolean range = i + 2 < chars.length() && chars.charAt(i + 1) == '-';
                char last = range ? chars.charAt(i + 2) : chars.charAt(i);
                for (char c = chars.charAt(i); c <= last; c++) {
                    table[c] = true;
                }
                i += range ? 2 : 0;
            }
            return new FirstChars(table, rest);
        }

        boolean mayStartWith(char c) {
            return c < 128 && firstChars[c];
        }

        @Override
        public boolean canStart(String text, int i) {
            return mayStartWith(text.charAt(i)) && rest.canStart(text, i);
        }
    }

    /**
     * A necessary condition for a match near a character trigger spanning {@code [start, end)} (a number with
     * {@code digits} digits, or the letters of a letter-letter-digit word); false skips the window.
     */
    @FunctionalInterface
    interface TriggerCheck {
        boolean worthALook(String text, int start, int end, int digits);
    }

    /**
     * For common inputs, the end of the regex's first match at {@code start} (region end {@code to}) when that match is
     * sure to be rejected by the validator, or -1 when unsure: then the regex runs. Must agree with the regex exactly:
     * like a rejected match, the returned end hides the starts before it.
     */
    @FunctionalInterface
    interface KnownRejection {
        int matchEnd(String text, int start, int to);
    }

    static final double REJECT = 0;
    private static final TriggerCheck ALWAYS = (text, start, end, digits) -> true;

    Rule {
        Objects.requireNonNull(type);
        Objects.requireNonNull(start);
        Objects.requireNonNull(triggerCheck);
        anchors = List.copyOf(anchors);
        charTriggers = charTriggers.isEmpty() ? Set.of() : EnumSet.copyOf(charTriggers);
        if (anchors.isEmpty() && charTriggers.isEmpty()) {
            throw new IllegalArgumentException(type + " has no trigger");
        }
        if (!anchors.isEmpty() && !charTriggers.isEmpty() && triggerCheck != ALWAYS) {
            throw new IllegalArgumentException(type + ": one trigger check cannot serve anchors and character shapes");
        }
        if (knownRejection != null && start == Start.IN_WINDOW && startFilter == null) {
            throw new IllegalArgumentException(type + ": a known rejection needs starts tried one by one");
        }
        if (start != Start.IN_WINDOW && !charTriggers.isEmpty()) {
            throw new IllegalArgumentException(type + ": character triggers open windows");
        }
    }

    /** The value starts with one of the anchors (a key prefix or key word), at the start of a word. */
    static Rule prefixed(FindingType type, String regex, int valueGroup, int after, Validator validator, String... anchors) {
        return anchorRule(type, regex, valueGroup, 0, after, true, Start.AT_ANCHOR, null, validator, anchors);
    }

    /** The value starts with one of the anchors, also inside a word ({@code githubToken}, {@code db_password}). */
    static Rule prefixedAnywhere(FindingType type, String regex, int valueGroup, int after, Validator validator,
                                 String... anchors) {
        return anchorRule(type, regex, valueGroup, 0, after, false, Start.AT_ANCHOR, null, validator, anchors);
    }

    /** The value starts up to {@code before} characters before an anchor inside it ({@code ://}), where the filter allows. */
    static Rule beforeAnchor(FindingType type, String regex, int valueGroup, int before, int after, StartFilter filter,
                             Validator validator, String... anchors) {
        return anchorRule(type, regex, valueGroup, before, after, false, Start.BEFORE_ANCHOR, filter, validator, anchors);
    }

    /** Anchors are context words at the start of a word; the value lies anywhere in the window around them. */
    static Rule anchored(FindingType type, String regex, int valueGroup, int before, int after, Validator validator,
                         String... anchors) {
        return anchorRule(type, regex, valueGroup, before, after, true, Start.IN_WINDOW, null, validator, anchors);
    }

    /** Anchors count also inside a word ({@code ::} after a hex group); the value lies anywhere in the window. */
    static Rule anchoredAnywhere(FindingType type, String regex, int valueGroup, int before, int after, Validator validator,
                                 String... anchors) {
        return anchorRule(type, regex, valueGroup, before, after, false, Start.IN_WINDOW, null, validator, anchors);
    }

    private static Rule anchorRule(FindingType type, String regex, int valueGroup, int before, int after, boolean wordStart,
                                   Start start, StartFilter filter, Validator validator, String... anchors) {
        return new Rule(type, Pattern.compile(regex), valueGroup, List.of(anchors), Set.of(), 0, before, after, wordStart,
                start, filter, ALWAYS, validator, null);
    }

    static Rule shaped(FindingType type, String regex, int valueGroup, CharTrigger trigger, int minDigits, int before,
                       int after, Validator validator) {
        return new Rule(type, Pattern.compile(regex), valueGroup, List.of(), Set.of(trigger), minDigits, before, after, true,
                Start.IN_WINDOW, null, ALWAYS, validator, null);
    }

    /** The same rule, trying its regex only where {@code filter} allows. */
    Rule startingWhere(StartFilter filter) {
        return new Rule(type, pattern, valueGroup, anchors, charTriggers, minDigits, before, after, wordStart, start, filter,
                triggerCheck, validator, knownRejection);
    }

    /**
     * The same rule, opening a window at a trigger only when {@code check} holds: for a character trigger its span,
     * for an anchor the anchor's span.
     */
    Rule checkedBy(TriggerCheck check) {
        return new Rule(type, pattern, valueGroup, anchors, charTriggers, minDigits, before, after, wordStart, start,
                startFilter, check, validator, knownRejection);
    }

    /** The same rule, skipping the regex where {@code rejection} knows its first match is rejected. */
    Rule skippingKnownRejections(KnownRejection rejection) {
        return new Rule(type, pattern, valueGroup, anchors, charTriggers, minDigits, before, after, wordStart, start,
                startFilter, triggerCheck, validator, rejection);
    }
}
