package dev.sightline.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one import; {@link #throwIfAny()} refuses the import when there is one. */
final class Problems {
    private final List<ImportProblem> list = new ArrayList<>();

    void add(ImportProblem problem) {
        list.add(problem);
    }

    void add(String file, long line, int column, String field, String message) {
        list.add(new ImportProblem(file, line, column, field, message));
    }

    /**
     * A problem with one field of a record: reported under the name the file gives the field, at the value's own
     * position when the reader knows it.
     */
    void add(RawRecord record, String field, String message) {
        RawRecord.Value value = record.value(field);
        if (value != null) {
            add(record.file(), value.line(), value.column(), value.givenAs(), message);
        } else {
            add(record.file(), record.line(), 0, field, message);
        }
    }

    int size() {
        return list.size();
    }

    /** Refuses the import when there is a problem, listing them in file order: by file (as first met), then line. */
    void throwIfAny() {
        if (list.isEmpty()) {
            return;
        }
        List<String> files = list.stream().map(ImportProblem::file).distinct().toList();
        List<ImportProblem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt((ImportProblem p) -> files.indexOf(p.file()))
                .thenComparingLong(ImportProblem::line));
        throw new ImportException(sorted);
    }
}
