package dev.sightline.catalog;

/** An attribute value that may be {@code unknown}; only known values must carry a source. */
public interface Knowable {
    boolean known();
}
