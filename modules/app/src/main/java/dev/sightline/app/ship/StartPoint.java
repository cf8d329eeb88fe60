package dev.sightline.app.ship;

import java.util.Optional;

/** Where shipping a file begins: at its saved position, or at its first byte (and why). */
public sealed interface StartPoint {

    /** Continue after the saved position. */
    record Resume(PositionFile.Entry entry) implements StartPoint {
    }

    /**
     * Start at the first byte with a new ship id.
     *
     * @param reason why the saved position does not apply, or null when there is none
     */
    record Fresh(String reason) implements StartPoint {
    }

    /**
     * Decides from the saved entry and the file as it is now. A different file key means the path now names another
     * file (rotated: renamed away and recreated); a size below the saved offset means the file was truncated in place
     * (copytruncate). Either way the saved position belongs to content that is gone.
     */
    static StartPoint decide(Optional<PositionFile.Entry> saved, String fileKey, long size) {
        if (saved.isEmpty()) {
            return new Fresh(null);
        }
        PositionFile.Entry entry = saved.get();
        if (!entry.fileKey().equals(fileKey)) {
            return new Fresh("the file was replaced since the position was saved (rotated); starting at its beginning");
        }
        if (size < entry.offset()) {
            return new Fresh("the file is shorter (" + size + " bytes) than the saved position (" + entry.offset()
                    + "), so it was truncated; starting at its beginning");
        }
        return new Resume(entry);
    }
}
