package dev.sightline.simulator;

import java.util.List;

/**
 * Departments of the simulated organisation: share of head count, how much its people use AI tools, the files they
 * handle and the sensitive data their prompts tend to carry.
 */
enum Department {
    ENGINEERING("Engineering", 0.26, 1.8,
            List.of("Main.java", "BillingService.kt", "schema.sql", "docker-compose.yml", "app-prod.log",
                    "payment_gateway.py", "terraform.tfvars"),
            List.of(SensitiveType.AWS_ACCESS_KEY_ID, SensitiveType.GITHUB_TOKEN, SensitiveType.PRIVATE_KEY,
                    SensitiveType.JWT, SensitiveType.CONNECTION_STRING_PASSWORD, SensitiveType.SOURCE_CODE,
                    SensitiveType.PROPRIETARY_CODE, SensitiveType.OPENAI_API_KEY)),
    IT_OPERATIONS("IT Operations", 0.06, 1.3,
            List.of("firewall-rules.csv", "ad_users_export.csv", "vpn-config.ovpn", "incident-4471.docx"),
            List.of(SensitiveType.AWS_ACCESS_KEY_ID, SensitiveType.CONNECTION_STRING_PASSWORD,
                    SensitiveType.PRIVATE_KEY, SensitiveType.EMAIL_ADDRESS)),
    FINANCE("Finance", 0.08, 0.8,
            List.of("q3-forecast.xlsx", "customers_export.csv", "invoice_batch_2025-10.pdf", "payroll_oct.xlsx",
                    "board-pack-fy26.pptx"),
            List.of(SensitiveType.CREDIT_CARD, SensitiveType.IBAN, SensitiveType.EMAIL_ADDRESS)),
    HR("HR", 0.04, 0.6,
            List.of("employee_roster.xlsx", "offer_letter_draft.docx", "salary_review_2025.xlsx",
                    "performance_notes.docx"),
            List.of(SensitiveType.US_SSN, SensitiveType.UK_NINO, SensitiveType.EMAIL_ADDRESS,
                    SensitiveType.PHONE_NUMBER, SensitiveType.IBAN)),
    LEGAL("Legal", 0.03, 0.6,
            List.of("NDA_draft_v3.docx", "contract_redline.pdf", "litigation_hold_notice.docx"),
            List.of(SensitiveType.EMAIL_ADDRESS, SensitiveType.PHONE_NUMBER, SensitiveType.US_SSN)),
    SALES("Sales", 0.15, 1.0,
            List.of("pipeline_q4.xlsx", "customers_export.csv", "pricing_proposal.pptx", "crm_contacts.csv"),
            List.of(SensitiveType.EMAIL_ADDRESS, SensitiveType.PHONE_NUMBER, SensitiveType.CREDIT_CARD)),
    MARKETING("Marketing", 0.08, 1.5,
            List.of("campaign_brief.pptx", "logo_final.png", "launch_video_cut2.mp4", "newsletter_list.csv"),
            List.of(SensitiveType.EMAIL_ADDRESS, SensitiveType.PHONE_NUMBER)),
    SUPPORT("Customer Support", 0.17, 0.9,
            List.of("ticket_export.csv", "error_screenshot.png", "call_recording_0412.mp3", "refund_requests.xlsx"),
            List.of(SensitiveType.EMAIL_ADDRESS, SensitiveType.PHONE_NUMBER, SensitiveType.CREDIT_CARD,
                    SensitiveType.UK_NINO)),
    CLINICAL_RESEARCH("Clinical Research", 0.13, 0.7,
            List.of("trial_results_phase2.csv", "patient_cohort.xlsx", "adverse_events_q3.docx",
                    "protocol_amendment_4.pdf"),
            List.of(SensitiveType.ICD10_CODE, SensitiveType.MEDICAL_RECORD_NUMBER, SensitiveType.US_NPI,
                    SensitiveType.US_SSN, SensitiveType.PHONE_NUMBER));

    private final String displayName;
    private final double share;
    private final double aiAffinity;
    private final List<String> fileNames;
    private final List<SensitiveType> typicalSensitive;

    Department(String displayName, double share, double aiAffinity, List<String> fileNames,
            List<SensitiveType> typicalSensitive) {
        this.displayName = displayName;
        this.share = share;
        this.aiAffinity = aiAffinity;
        this.fileNames = fileNames;
        this.typicalSensitive = typicalSensitive;
    }

    String displayName() {
        return displayName;
    }

    double share() {
        return share;
    }

    /** Relative likelihood that a member's web transaction goes to an AI tool (1 = organisation average). */
    double aiAffinity() {
        return aiAffinity;
    }

    List<String> fileNames() {
        return fileNames;
    }

    List<SensitiveType> typicalSensitive() {
        return typicalSensitive;
    }
}
