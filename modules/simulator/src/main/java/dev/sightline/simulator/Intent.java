package dev.sightline.simulator;

/** What the simulated person did in one transaction (whatever the log can show of it). */
public enum Intent {
    BROWSE,
    PROMPT,
    UPLOAD,
    API_CALL,
    LOGIN,
    /** A form post or REST update that is none of the above. */
    OTHER
}
