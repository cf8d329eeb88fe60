package dev.sightline.app.cli;

import dev.sightline.app.reference.ReferencePublisher;
import dev.sightline.detect.policy.PolicyLoad;
import dev.sightline.detect.policy.PolicyParser;
import dev.sightline.detect.policy.PolicyProblem;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;


/**
 * Validates a policy file and publishes it to ref.policies (key = policy id) in one Kafka transaction. A refused
 * policy prints every problem with the path of its key, exits with 2 and publishes nothing; the running policy stays.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Validates a policy YAML file (see deploy/policy.example.yaml) and publishes it to ref.policies,"
                + " where the running pipeline picks it up without a restart. A policy with problems is refused as a"
                + " whole: every problem is listed and nothing is published."})
final class PolicyImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReferenceImports.PublishOptions publish;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML).")
    Path file;

    @Override
    public Integer call() {
        PolicyLoad load = PolicyParser.parse(read(file), Instant.now(), System.getProperty("user.name"));
        if (load instanceof PolicyLoad.Rejected rejected) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s: policy refused, %d problem(s); nothing was published:%n", file, rejected.problems().size());
            rejected.problems().stream().map(PolicyProblem::toString).forEach(p -> err.println("  " + p));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Policy policy = ((PolicyLoad.Loaded) load).policy();
        ReferencePublisher.Published published = new ReferencePublisher(publish.loadConfig())
                .publish(Topic.REF_POLICIES, Policy.class, List.of(policy), Policy::getId);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("published policy %s version %d to %s (%d tools, %d thresholds, %d suppressions)%n",
                policy.getId(), policy.getVersion(), published.topic(), policy.getToolRules().size(),
                policy.getThresholds().size(), policy.getSuppressions().size());
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserInputException("cannot read policy file " + file
                    + (Files.isDirectory(file) ? " (it is a directory)" : " (missing or not readable)"));
        }
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new UserInputException("policy file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read policy file " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
