package dev.sightline.app.ship;

import java.util.List;

/** What a running shipment tells its user. Called on the shipping thread. */
public interface ShipListener {
    /** A one-line message worth reading: resumed, rotated, truncated, an oversized line. Never holds line content. */
    void notice(String message);

    /** The state of every input; called about once a second while lines flow, and once at the end. */
    void progress(List<FileStatus> files);

    ShipListener SILENT = new ShipListener() {
        @Override
        public void notice(String message) {
        }

        @Override
        public void progress(List<FileStatus> files) {
        }
    };
}
