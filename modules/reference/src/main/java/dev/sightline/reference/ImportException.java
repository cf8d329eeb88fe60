package dev.sightline.reference;

import java.util.List;
import java.util.stream.Collectors;

/** An import was refused as a whole; {@link #problems()} lists every problem found, in file order. */
public final class ImportException extends RuntimeException {
    private static final int LISTED = 20;
    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an ImportException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static String describe(List<ImportProblem> problems) {
        String listed = problems.stream().limit(LISTED).map(ImportProblem::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        String more = problems.size() > LISTED ? "\n  … and " + (problems.size() - LISTED) + " more" : "";
        return "nothing imported, " + problems.size() + " problem(s):" + listed + more;
    }
}
