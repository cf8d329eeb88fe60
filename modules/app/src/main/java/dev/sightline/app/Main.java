package dev.sightline.app;

import dev.sightline.app.cli.SightlineCommand;
import picocli.CommandLine;

/** Entry point of {@code bin/sightline}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SightlineCommand.commandLine().execute(args));
    }
}
