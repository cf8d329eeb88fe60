package dev.sightline.detect.policy;

/**
 * One reason a policy document was refused: the path of the offending key in the document (e.g.
 * {@code tools.chatgpt.approvals[1].expires}; empty for the document as a whole) and what is wrong with it. Messages
 * name the rule that was broken, never the refused value when it could be sensitive.
 */
public record PolicyProblem(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
