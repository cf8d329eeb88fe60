package dev.sightline.app.runtime;

/** The version of this build, from the jar manifest (set by Maven); "dev" when run from classes. */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
