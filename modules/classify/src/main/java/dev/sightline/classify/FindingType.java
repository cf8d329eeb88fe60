package dev.sightline.classify;

/**
 * The finding types of the taxonomy. Declaration order is the precedence when two value findings overlap:
 * the earlier, more specific type wins (an OpenAI key inside {@code api_key=...} is OPENAI_API_KEY, not GENERIC_SECRET).
 * Code regions never compete with value findings.
 */
public enum FindingType {
    PRIVATE_KEY(DataClass.SECRET),
    JWT(DataClass.SECRET),
    AWS_ACCESS_KEY_ID(DataClass.SECRET),
    AWS_SECRET_ACCESS_KEY(DataClass.SECRET),
    GITHUB_TOKEN(DataClass.SECRET),
    SLACK_WEBHOOK_URL(DataClass.SECRET),
    SLACK_TOKEN(DataClass.SECRET),
    STRIPE_SECRET_KEY(DataClass.SECRET),
    ANTHROPIC_API_KEY(DataClass.SECRET),
    OPENAI_API_KEY(DataClass.SECRET),
    GOOGLE_API_KEY(DataClass.SECRET),
    CONNECTION_STRING_PASSWORD(DataClass.SECRET),
    GENERIC_SECRET(DataClass.SECRET),
    CREDIT_CARD(DataClass.PCI),
    IBAN(DataClass.PII),
    US_SSN(DataClass.PII),
    UK_NINO(DataClass.PII),
    US_DEA_NUMBER(DataClass.PHI),
    US_NPI(DataClass.PHI),
    MEDICAL_RECORD_NUMBER(DataClass.PHI),
    PASSPORT_NUMBER(DataClass.PII),
    EMAIL_ADDRESS(DataClass.PII),
    IP_ADDRESS(DataClass.PII),
    PHONE_NUMBER(DataClass.PII),
    ICD10_CODE(DataClass.PHI),
    SOURCE_CODE(DataClass.SOURCE_CODE),
    PROPRIETARY_CODE(DataClass.SOURCE_CODE);

    private final DataClass dataClass;

    FindingType(DataClass dataClass) {
        this.dataClass = dataClass;
    }

    public DataClass dataClass() {
        return dataClass;
    }

    /** Code regions span many values; they are reported next to value findings, not instead of them. */
    public boolean isRegion() {
        return dataClass == DataClass.SOURCE_CODE;
    }
}
