package dev.sightline.detect.siem;

import java.util.Objects;

/** The product that reports the alerts, as SIEM formats name it (OCSF metadata.product, ECS observer, CEF header). */
public record SiemProduct(String name, String vendor, String version) {
    public SiemProduct {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
    }

    public static SiemProduct sightline(String version) {
        return new SiemProduct("Sightline", "Sightline", version);
    }
}
