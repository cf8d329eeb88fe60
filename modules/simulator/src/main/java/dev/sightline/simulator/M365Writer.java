package dev.sightline.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes Microsoft 365 Unified Audit Log {@code CopilotInteraction} records (RecordType 261): the app Copilot ran in,
 * the document or meeting it was invoked from, the files it read with their sensitivity label GUIDs, SharePoint and
 * OneDrive URLs of the organisation's tenant. No prompt text: the audit log has none.
 */
final class M365Writer {
    private static final List<String> APP_HOSTS = List.of("bizchat", "bizchat", "bizchat", "Teams", "Teams",
            "Word", "Word", "Outlook", "Outlook", "Excel", "PowerPoint", "Loop");
    /** Label chosen per file: Public 15 %, General 40 %, Confidential 30 %, Highly Confidential 10 %, none 5 %. */
    private static final double[] LABEL_CUMULATIVE = {0.15, 0.55, 0.85, 0.95, 1.0};

    /** The record and the names of the labels it touched. */
    record Written(byte[] value, Set<String> labels) {
    }

    private final JsonOut json;
    private final TimeText time;
    private final String tenant;
    private final String organizationId;
    private final StringBuilder sb = new StringBuilder(64);

    M365Writer(JsonOut json, TimeText time, String orgDomain, long seed) {
        this.json = json;
        this.time = time;
        this.tenant = orgDomain.split("\\.")[0].replace("-", "");
        this.organizationId = guid(new SplittableRandom(seed ^ 0x0365L));
    }

    Written write(Population.Member member, String clientIp, long millis, SplittableRandom rng) {
        Set<String> touched = new LinkedHashSet<>();
        String appHost = SensitiveValues.pick(rng, APP_HOSTS);
        byte[] value = json.write(g -> {
            g.writeStartObject();
            sb.setLength(0);
            g.writeStringField("CreationTime", time.dateTime(sb, millis, 'T').toString());
            g.writeStringField("Id", guid(rng));
            g.writeStringField("Operation", "CopilotInteraction");
            g.writeStringField("OrganizationId", organizationId);
            g.writeNumberField("RecordType", 261);
            g.writeStringField("UserKey", member.accountKey());
            g.writeNumberField("UserType", 0);
            g.writeNumberField("Version", 1);
            g.writeStringField("Workload", "Copilot");
            g.writeStringField("ClientIP", clientIp);
            g.writeStringField("UserId", member.user().upn());
            g.writeObjectFieldStart("CopilotEventData");
            g.writeStringField("AppHost", appHost);
            g.writeArrayFieldStart("Contexts");
            String extension = switch (appHost) {
                case "Word" -> "docx";
                case "Excel" -> "xlsx";
                case "PowerPoint" -> "pptx";
                case "Loop" -> "loop";
                default -> null;
            };
            if (extension != null) {
                g.writeStartObject();
                g.writeStringField("Id", siteUrl(member, "Draft-" + Population.hex(rng, 6) + "." + extension, rng));
                g.writeStringField("Type", extension);
                g.writeEndObject();
            } else if (appHost.equals("Teams")) {
                g.writeStartObject();
                g.writeStringField("Id", "19:meeting_" + Population.hex(rng, 24) + "@thread.v2");
                g.writeStringField("Type", "TeamsMeeting");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("ThreadId", "19:" + Population.hex(rng, 20) + "@thread.v2");
            g.writeArrayFieldStart("Messages");
            g.writeStartObject();
            g.writeStringField("Id", Long.toString(millis - 2500));
            g.writeBooleanField("isPrompt", true);
            if (rng.nextDouble() < 0.003) {
                g.writeBooleanField("JailbreakDetected", true);
            }
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("Id", Long.toString(millis));
            g.writeBooleanField("isPrompt", false);
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("AccessedResources");
            int files = rng.nextInt(5);
            for (int i = 0; i < files; i++) {
                Department owner = rng.nextDouble() < 0.7 ? member.department()
                        : Department.values()[rng.nextInt(Department.values().length)];
                String name = SensitiveValues.pick(rng, owner.fileNames());
                int label = Sampling.index(LABEL_CUMULATIVE, rng.nextDouble());
                g.writeStartObject();
                g.writeStringField("Id", guid(rng));
                g.writeStringField("Name", name);
                g.writeStringField("Type", "File");
                g.writeStringField("SiteUrl", teamSiteUrl(owner, name));
                g.writeStringField("Action", "Read");
                if (label < SensitivityLabels.ALL.size()) {
                    SensitivityLabels.Label l = SensitivityLabels.ALL.get(label);
                    g.writeStringField("SensitivityLabelId", l.id());
                    touched.add(l.name());
                }
                g.writeArrayFieldStart("PolicyDetails");
                g.writeEndArray();
                g.writeBooleanField("XPIADetected", false);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (appHost.equals("bizchat") && rng.nextDouble() < 0.3) {
                g.writeArrayFieldStart("AISystemPlugin");
                g.writeStartObject();
                g.writeStringField("Id", "BingWebSearch");
                g.writeStringField("Name", "BingWebSearch");
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeArrayFieldStart("ModelTransparencyDetails");
            g.writeStartObject();
            g.writeStringField("ModelName", "gpt-4o");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
        return new Written(value, touched);
    }

    /** A file in the person's OneDrive or their department's SharePoint site. */
    private String siteUrl(Population.Member member, String file, SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return teamSiteUrl(member.department(), file);
        }
        String owner = member.user().upn().replace('.', '_').replace('@', '_');
        return "https://" + tenant + "-my.sharepoint.com/personal/" + owner + "/Documents/" + file;
    }

    private String teamSiteUrl(Department department, String file) {
        return "https://" + tenant + ".sharepoint.com/sites/" + department.displayName().replace(" ", "")
                + "/Shared%20Documents/" + file;
    }

    /** A version-4 GUID in the lower-case form M365 writes. */
    static String guid(SplittableRandom rng) {
        String hex = Population.hex(rng, 32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
                + "89ab".charAt(rng.nextInt(4)) + hex.substring(17, 20) + "-" + hex.substring(20);
    }
}
