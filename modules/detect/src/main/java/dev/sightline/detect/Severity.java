package dev.sightline.detect;

/** Alert severity, 1 (informational) to 5 (critical), as in Alert.severity. */
public final class Severity {
    public static final int INFO = 1;
    public static final int LOW = 2;
    public static final int MEDIUM = 3;
    public static final int HIGH = 4;
    public static final int CRITICAL = 5;

    private Severity() {
    }

    public static int clamp(int severity) {
        return Math.max(INFO, Math.min(CRITICAL, severity));
    }

    public static boolean isValid(int severity) {
        return severity >= INFO && severity <= CRITICAL;
    }
}
