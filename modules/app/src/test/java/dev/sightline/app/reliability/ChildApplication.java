package dev.sightline.app.reliability;

import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.SightlineConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Sightline in a JVM of its own, for fault tests that kill it without warning: {@code key=value} arguments override
 * the configuration. It prints {@value #READY} and the HTTP URL once started, then runs until killed.
 */
public final class ChildApplication {
    static final String READY = "SIGHTLINE-CHILD-READY ";

    private ChildApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        SightlineConfig config = SightlineConfig.loader().environment(Map.of()).overrides(overrides).load();
        SightlineRuntime runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.CLUSTER);
        System.out.println(READY + runtime.httpUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
