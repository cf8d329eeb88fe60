package dev.sightline.catalog;

/** One reason a catalog or override file was refused: where (file, line, column; 0 when unknown), which field, what. */
public record CatalogProblem(String file, int line, int column, String field, String message) {
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
        if (field != null && !field.isEmpty()) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(message).toString();
    }
}
