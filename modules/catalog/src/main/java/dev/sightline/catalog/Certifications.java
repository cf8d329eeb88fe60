package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The certifications a vendor is attested to hold; {@link #UNKNOWN} when nobody has looked. An empty known set means none. */
public record Certifications(Set<Certification> held, boolean known) implements Knowable {
    public static final Certifications UNKNOWN = new Certifications(Set.of(), false);

    public Certifications {
        held = held.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(held));
    }

    @JsonCreator
    public static Certifications of(List<Certification> held) {
        return new Certifications(held == null ? Set.of() : Set.copyOf(held), true);
    }

    public boolean has(Certification c) {
        return held.contains(c);
    }

    @JsonValue
    public List<Certification> asList() {
        return held.stream().sorted().toList();
    }
}
