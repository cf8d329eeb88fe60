package dev.sightline.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run without one, it says which it has and exits with code 2. */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public final void run() {
        throw Options.missingSubcommand(spec);
    }
}
