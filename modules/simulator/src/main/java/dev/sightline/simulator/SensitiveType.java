package dev.sightline.simulator;

/**
 * The finding types of the ARCHITECTURE.md taxonomy that simulated content may carry: {@link #name()} is the
 * taxonomy's finding type, {@link #dataClass()} its data class. Used only as test labels, never with values.
 */
public enum SensitiveType {
    CREDIT_CARD("PCI"),
    IBAN("PII"),
    US_SSN("PII"),
    UK_NINO("PII"),
    EMAIL_ADDRESS("PII"),
    PHONE_NUMBER("PII"),
    US_NPI("PHI"),
    MEDICAL_RECORD_NUMBER("PHI"),
    ICD10_CODE("PHI"),
    AWS_ACCESS_KEY_ID("SECRET"),
    AWS_SECRET_ACCESS_KEY("SECRET"),
    GITHUB_TOKEN("SECRET"),
    OPENAI_API_KEY("SECRET"),
    PRIVATE_KEY("SECRET"),
    JWT("SECRET"),
    CONNECTION_STRING_PASSWORD("SECRET"),
    SOURCE_CODE("SOURCE_CODE"),
    PROPRIETARY_CODE("SOURCE_CODE");

    private final String dataClass;

    SensitiveType(String dataClass) {
        this.dataClass = dataClass;
    }

    /** The taxonomy's data class: PII, PCI, PHI, SECRET or SOURCE_CODE. */
    public String dataClass() {
        return dataClass;
    }
}
