package dev.sightline.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** The catalog (or override file) was refused as a whole; {@link #problems()} says where and why. */
public final class CatalogLoadException extends RuntimeException {
    private static final int LISTED = 20;
    private final transient List<CatalogProblem> problems;

    public CatalogLoadException(List<CatalogProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String describe(List<CatalogProblem> problems) {
        String listed = problems.stream().limit(LISTED).map(CatalogProblem::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        String more = problems.size() > LISTED ? "\n  … and " + (problems.size() - LISTED) + " more" : "";
        return "catalog not loaded, " + problems.size() + " problem(s):" + listed + more;
    }
}
