package dev.sightline.simulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes prompts: everyday requests, requests with embedded sensitive values of the taxonomy (what the person's
 * department handles), and requests with look-alikes that are not sensitive.
 */
final class PromptComposer {
    private static final List<String> REQUESTS = List.of(
            "Summarise the following meeting notes in five bullets.",
            "Rewrite this paragraph so it sounds friendlier but stays professional.",
            "Draft a reply to the customer about the delayed shipment.",
            "Explain the difference between a left join and an inner join with an example.",
            "Give me ten subject lines for our spring newsletter.",
            "Translate this into German, keep the formatting.",
            "What are the main risks of migrating our reporting to a new vendor?",
            "Turn these notes into an agenda for Thursday's planning session.",
            "Write a polite reminder about the expense report deadline.",
            "Suggest a name for an internal tool that tracks onboarding tasks.",
            "Make this job description more inclusive.",
            "Create a checklist for a quarterly access review.",
            "How do I pivot a table in Excel by month and region?",
            "Proofread the text below and list the changes you made.");
    private static final List<String> FILLER = List.of(
            "The project kicked off in March and the first milestone slipped by two weeks.",
            "Stakeholders asked for a clearer timeline and fewer status meetings.",
            "We agreed to revisit the budget after the vendor demo.",
            "The team is split between the Berlin and Austin offices.",
            "Most of the feedback was positive, with some concern about response times.",
            "Please keep it under two hundred words.",
            "The audience is mostly non-technical managers.",
            "Use British spelling throughout.");
    private static final List<String> JAVA_SNIPPETS = List.of(
            "public BigDecimal applyDiscount(Invoice invoice, Customer customer) {\n"
                    + "    if (customer.tier() == Tier.GOLD && invoice.total().compareTo(THRESHOLD) > 0) {\n"
                    + "        return invoice.total().multiply(GOLD_RATE).setScale(2, RoundingMode.HALF_UP);\n"
                    + "    }\n    return invoice.total();\n}",
            "def reconcile(ledger, statements):\n    missing = []\n    for entry in ledger:\n"
                    + "        if entry.ref not in statements:\n            missing.append(entry)\n"
                    + "    return sorted(missing, key=lambda e: e.date)",
            "SELECT c.id, c.name, SUM(o.amount) AS revenue\nFROM customers c JOIN orders o ON o.customer_id = c.id\n"
                    + "WHERE o.created_at >= now() - interval '90 days'\nGROUP BY c.id, c.name ORDER BY revenue DESC;");
    private static final List<String> HARD_NEGATIVES = List.of(
            "Our payment docs use the test card 4111 1111 1111 1111 with any future expiry; is that still valid?",
            "In the sample config the key is AKIAIOSFODNN7EXAMPLE and the secret "
                    + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, explain each field.",
            "Write a welcome email template addressed to jane.doe@example.com.",
            "For the screenplay, the hotline number is 555-0142; suggest dialogue for the call.",
            "Set OPENAI_API_KEY=YOUR_API_KEY in the .env file, then run the script. Why does it fail?",
            "The Stripe docs say to use 4242 4242 4242 4242 in test mode. Write a test for the checkout.",
            "The build id is 3f2b7c1e-9a4d-4e8b-b1f0-6c2d8e9a7b10 and the hash is "
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855; what do they mean?",
            "The receipt shows the card as **** **** **** 1234, which is fine to store, right?");

    private final String orgDomain;
    private final String orgName;

    PromptComposer(String orgDomain) {
        this.orgDomain = orgDomain;
        this.orgName = Population.netbiosName(orgDomain).charAt(0)
                + Population.netbiosName(orgDomain).substring(1).toLowerCase(Locale.ROOT);
    }

    Prompt clean(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(256).append(SensitiveValues.pick(rng, REQUESTS));
        int sentences = 1 + rng.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            sb.append(' ').append(SensitiveValues.pick(rng, FILLER));
        }
        return new Prompt(sb.toString(), Set.of(), false);
    }

    Prompt hardNegative(SplittableRandom rng) {
        return new Prompt(SensitiveValues.pick(rng, HARD_NEGATIVES), Set.of(), true);
    }

    /** A prompt with one or two sensitive values of the kinds the department handles. */
    Prompt sensitive(SplittableRandom rng, Department department, long epochSeconds) {
        List<SensitiveType> typical = department.typicalSensitive();
        EnumSet<SensitiveType> types = EnumSet.noneOf(SensitiveType.class);
        StringBuilder sb = new StringBuilder(512);
        int count = rng.nextDouble() < 0.7 ? 1 : 2;
        for (int i = 0; i < count; i++) {
            SensitiveType type = SensitiveValues.pick(rng, typical);
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            types.add(type);
            append(sb, type, rng, epochSeconds, types);
        }
        return new Prompt(sb.toString(), types, false);
    }

    private void append(StringBuilder sb, SensitiveType type, SplittableRandom rng, long epochSeconds,
            Set<SensitiveType> types) {
        switch (type) {
            case CREDIT_CARD -> sb.append("The customer's refund failed. Card ")
                    .append(SensitiveValues.formatCard(SensitiveValues.creditCardNumber(rng), rng))
                    .append(", expiry 0").append(1 + rng.nextInt(9)).append('/').append(27 + rng.nextInt(4))
                    .append(". Draft an apology and explain the retry.");
            case IBAN -> sb.append("Please check this supplier payment instruction: pay EUR ")
                    .append(1000 + rng.nextInt(90_000)).append(" to IBAN ")
                    .append(rng.nextBoolean() ? SensitiveValues.iban(rng)
                            : SensitiveValues.formatIban(SensitiveValues.iban(rng)))
                    .append(" by Friday. Is the wording of the remittance note clear?");
            case US_SSN -> sb.append("Fill in the benefits form for the new hire, SSN ")
                    .append(SensitiveValues.usSsn(rng)).append(", start date next Monday.");
            case UK_NINO -> sb.append("Her National Insurance number is ").append(SensitiveValues.ukNino(rng))
                    .append(". Write the letter confirming her employment for the mortgage lender.");
            case EMAIL_ADDRESS -> sb.append("Write a follow-up to ").append(SensitiveValues.email(rng))
                    .append(" about the renewal; copy ").append(SensitiveValues.email(rng)).append('.');
            case PHONE_NUMBER -> sb.append("Summarise the call with the client (callback number ")
                    .append(SensitiveValues.phoneNumber(rng)).append(") and list the action items.");
            case US_NPI -> sb.append("Referring provider NPI ").append(SensitiveValues.npi(rng))
                    .append(". Draft the prior authorisation request.");
            case MEDICAL_RECORD_NUMBER, ICD10_CODE -> {
                types.add(SensitiveType.MEDICAL_RECORD_NUMBER);
                types.add(SensitiveType.ICD10_CODE);
                sb.append("Clinical note, MRN ").append(SensitiveValues.medicalRecordNumber(rng)).append(": patient, ")
                        .append(40 + rng.nextInt(45)).append(", diagnosis ").append(SensitiveValues.icd10Code(rng))
                        .append(", history of ").append(SensitiveValues.icd10Code(rng))
                        .append(". Summarise for the discharge letter.");
            }
            case AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY -> {
                types.add(SensitiveType.AWS_ACCESS_KEY_ID);
                types.add(SensitiveType.AWS_SECRET_ACCESS_KEY);
                sb.append("Why does this fail with AccessDenied?\naws_access_key_id = ")
                        .append(SensitiveValues.awsAccessKeyId(rng)).append("\naws_secret_access_key = ")
                        .append(SensitiveValues.awsSecretAccessKey(rng)).append("\nregion = eu-west-1");
            }
            case GITHUB_TOKEN -> sb.append("git clone https://").append(SensitiveValues.githubToken(rng))
                    .append("@github.com/").append(orgName.toLowerCase(Locale.ROOT))
                    .append("/billing-service.git returns 403, what is wrong?");
            case OPENAI_API_KEY -> sb.append("My script says invalid key: client = OpenAI(api_key=\"")
                    .append(SensitiveValues.openAiKey(rng)).append("\")");
            case PRIVATE_KEY -> sb.append("The deploy step rejects this key, is the format wrong?\n")
                    .append(SensitiveValues.privateKeyBlock(rng));
            case JWT -> sb.append("Decode this token and tell me why the API says it expired: Bearer ")
                    .append(SensitiveValues.jwt(rng, "svc-" + Population.hex(rng, 8), epochSeconds - 7200));
            case CONNECTION_STRING_PASSWORD -> sb.append("The app cannot connect with ")
                    .append(SensitiveValues.connectionString(rng, orgDomain)).append(" - any idea?");
            case SOURCE_CODE -> sb.append("Refactor this and add tests:\n")
                    .append(SensitiveValues.pick(rng, JAVA_SNIPPETS));
            case PROPRIETARY_CODE -> {
                types.add(SensitiveType.SOURCE_CODE);
                sb.append("Find the bug:\n/*\n * Copyright (c) 2025 ").append(orgName)
                        .append(" Inc. All rights reserved.\n * CONFIDENTIAL - internal use only.\n */\npackage com.")
                        .append(orgName.toLowerCase(Locale.ROOT)).append(".billing;\n\n")
                        .append(JAVA_SNIPPETS.get(0));
            }
        }
    }
}
