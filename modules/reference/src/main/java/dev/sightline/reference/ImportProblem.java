package dev.sightline.reference;

/**
 * One reason an import was refused: where (file, 1-based line and column; 0 when unknown), which field (empty when the
 * problem is not about one field), and what is wrong. Printed as {@code file:line:column: field 'f': message}.
 */
public record ImportProblem(String file, long line, int column, String field, String message) {
    public ImportProblem {
        field = field == null ? "" : field;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(message).toString();
    }
}
