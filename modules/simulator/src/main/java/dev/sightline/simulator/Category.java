package dev.sightline.simulator;

/**
 * Kinds of destination: how vendors categorise them, whether they are AI, whether a TLS-intercepting proxy decrypts
 * them, and the mix of intents people have there (weights for BROWSE, PROMPT, UPLOAD, API_CALL, LOGIN, OTHER).
 */
enum Category {
    AI_CHAT(true, "General AI/ML Applications", "Generative AI", true, 45, 35, 8, 0, 4, 8),
    AI_API(true, "General AI/ML Applications", "Generative AI", true, 0, 0, 4, 94, 0, 2),
    AI_CODE(true, "General AI/ML Applications", "Generative AI", true, 0, 0, 0, 97, 3, 0),
    AI_MEDIA(true, "General AI/ML Applications", "Generative AI", true, 50, 30, 15, 0, 5, 0),
    AI_NOTES(true, "General AI/ML Applications", "Generative AI", true, 40, 0, 40, 0, 20, 0),
    AI_MODEL_HUB(true, "General AI/ML Applications", "Generative AI", true, 85, 0, 5, 5, 5, 0),
    /** An AI feature inside a SaaS product, recognisable by path only. */
    AI_SAAS_FEATURE(true, "Professional Services", "Collaboration", true, 0, 100, 0, 0, 0, 0),
    SEARCH(false, "Web Search", "Search Engines", true, 95, 0, 0, 0, 0, 5),
    NEWS(false, "News and Media", "News & Media", true, 98, 0, 0, 0, 1, 1),
    COLLABORATION(false, "Professional Services", "Collaboration", true, 80, 0, 6, 0, 4, 10),
    WEBMAIL(false, "Web-based Email", "Webmail", true, 85, 0, 3, 0, 4, 8),
    SOCIAL(false, "Social Networking", "Social", true, 92, 0, 1, 0, 2, 5),
    DEVELOPER(false, "Professional Services", "Development Tools", true, 85, 0, 3, 5, 3, 4),
    CDN(false, "Content Server", "Content Delivery Networks", true, 100, 0, 0, 0, 0, 0),
    INTRANET(false, "Corporate Marketing", "Business", true, 85, 0, 3, 4, 2, 6),
    IDENTITY(false, "Professional Services", "Identity and Access Management", true, 20, 0, 0, 0, 80, 0),
    /** Banking and health sites: exempt from TLS interception by policy, so always a tunnel in Squid. */
    FINANCE_HEALTH(false, "Finance", "Finance/Accounting", false, 95, 0, 0, 0, 5, 0),
    SHOPPING(false, "Online Shopping", "Shopping", true, 95, 0, 0, 0, 2, 3);

    private final boolean ai;
    private final String zscalerCategory;
    private final String netskopeCategory;
    private final boolean intercepted;
    private final double[] intentCumulative;

    Category(boolean ai, String zscalerCategory, String netskopeCategory, boolean intercepted, int... intentWeights) {
        this.ai = ai;
        this.zscalerCategory = zscalerCategory;
        this.netskopeCategory = netskopeCategory;
        this.intercepted = intercepted;
        this.intentCumulative = new double[intentWeights.length];
        double sum = 0;
        for (int i = 0; i < intentWeights.length; i++) {
            sum += intentWeights[i];
            intentCumulative[i] = sum;
        }
    }

    boolean ai() {
        return ai;
    }

    String zscalerCategory() {
        return zscalerCategory;
    }

    String zscalerSuperCategory() {
        return ai ? "Information Technology" : switch (this) {
            case NEWS -> "News and Media";
            case SOCIAL -> "Internet Communication";
            case FINANCE_HEALTH -> "Business and Economy";
            case SHOPPING -> "Shopping and Auctions";
            default -> "Business and Economy";
        };
    }

    String netskopeCategory() {
        return netskopeCategory;
    }

    /** Whether a TLS-intercepting Squid decrypts this traffic (else it logs one CONNECT tunnel). */
    boolean intercepted() {
        return intercepted;
    }

    Intent intent(double uniform) {
        return Intent.values()[Sampling.index(intentCumulative, uniform * Sampling.total(intentCumulative))];
    }
}
