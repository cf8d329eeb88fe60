package dev.sightline.reference;

import dev.sightline.model.DataClass;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which data classes a classification label implies. Labels compare case-insensitively; a Microsoft Purview sub-label
 * written {@code Parent\Child} or {@code Parent/Child} also gets the classes of its parent, so
 * {@code Highly Confidential\Project Falcon} is a {@code CLASSIFIED_ASSET}.
 *
 * <p>The {@link #defaults()}:
 * <pre>
 * Confidential, Highly Confidential, Strictly Confidential,
 * Restricted, Highly Restricted, Secret, Top Secret          CLASSIFIED_ASSET
 * PII, Personal Data, Personal Information                   PII
 * PCI, Cardholder Data                                       PCI
 * PHI, Health Data, Protected Health Information             PHI
 * Source Code                                                SOURCE_CODE
 * Credentials                                                SECRET
 * </pre>
 * Any other label (Public, General, Internal, ...) implies no class; explicit data classes are added to what the
 * labels imply.
 */
public final class LabelMapping {
    private final Map<String, Set<DataClass>> byLabel;

    private LabelMapping(Map<String, Set<DataClass>> byLabel) {
        Map<String, Set<DataClass>> copy = new HashMap<>();
        byLabel.forEach((label, classes) -> copy.put(key(label), Set.copyOf(classes)));
        this.byLabel = Map.copyOf(copy);
    }

    public static LabelMapping defaults() {
        Map<String, Set<DataClass>> m = new HashMap<>();
        for (String label : new String[] {"Confidential", "Highly Confidential", "Strictly Confidential", "Restricted",
            "Highly Restricted", "Secret", "Top Secret"}) {
            m.put(label, Set.of(DataClass.CLASSIFIED_ASSET));
        }
        for (String label : new String[] {"PII", "Personal Data", "Personal Information"}) {
            m.put(label, Set.of(DataClass.PII));
        }
        m.put("PCI", Set.of(DataClass.PCI));
        m.put("Cardholder Data", Set.of(DataClass.PCI));
        for (String label : new String[] {"PHI", "Health Data", "Protected Health Information"}) {
            m.put(label, Set.of(DataClass.PHI));
        }
        m.put("Source Code", Set.of(DataClass.SOURCE_CODE));
        m.put("Credentials", Set.of(DataClass.SECRET));
        return new LabelMapping(m);
    }

    /** A mapping of the organisation's own: label name to the classes it implies. */
    public static LabelMapping of(Map<String, Set<DataClass>> byLabel) {
        return new LabelMapping(byLabel);
    }

    /** The classes {@code label} implies, its parent's included. */
    public Set<DataClass> classesOf(String label) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        String whole = key(label);
        classes.addAll(byLabel.getOrDefault(whole, Set.of()));
        int separator = indexOfSeparator(whole);
        if (separator > 0) {
            classes.addAll(byLabel.getOrDefault(whole.substring(0, separator).strip(), Set.of()));
        }
        return classes;
    }

    private static int indexOfSeparator(String label) {
        int backslash = label.indexOf('\\');
        int slash = label.indexOf('/');
        return backslash < 0 ? slash : slash < 0 ? backslash : Math.min(backslash, slash);
    }

    private static String key(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
