package dev.sightline.simulator;

import java.util.Set;

/**
 * Text a person sends to an AI tool, with what it holds. toString() never shows the text.
 *
 * @param text         the prompt
 * @param sensitive    the finding types of the values embedded in the text (empty for a clean prompt)
 * @param hardNegative whether the text holds look-alikes a detector must not report
 */
record Prompt(String text, Set<SensitiveType> sensitive, boolean hardNegative) {
    @Override
    public String toString() {
        return "Prompt[chars=" + text.length() + ", sensitive=" + sensitive + ", hardNegative=" + hardNegative + "]";
    }
}
