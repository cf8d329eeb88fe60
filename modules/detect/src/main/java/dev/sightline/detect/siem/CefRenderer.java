package dev.sightline.detect.siem;

import dev.sightline.model.Alert;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An {@link Alert} as one ArcSight CEF line:
 * {@code CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|Extension}. Header fields escape {@code \} and
 * {@code |}; extension values escape {@code \}, {@code =} and line breaks. Upload bytes go in a labelled custom
 * number ({@code cn1}) because vendors disagree on what {@code in} and {@code out} mean.
 */
public final class CefRenderer {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Sightline severity 1-5 on CEF's 0-10 scale: Low 0-3, Medium 4-6, High 7-8, Very-High 9-10. */
    private static final int[] CEF_SEVERITY = {0, 1, 3, 5, 8, 10};

    private final SiemProduct product;

    public CefRenderer(SiemProduct product) {
        this.product = product;
    }

    public String render(Alert alert) {
        String header = String.join("|", "CEF:0", header(product.vendor()), header(product.name()),
                header(product.version()), header(alert.getRuleId()), header(alert.getTitle()),
                Integer.toString(cefSeverity(alert.getSeverity())));
        return header + "|" + extension(alert);
    }

    static int cefSeverity(int severity) {
        return CEF_SEVERITY[Math.max(1, Math.min(5, severity))];
    }

    private static String extension(Alert alert) {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("rt", Long.toString(alert.getCreatedAt().toEpochMilli()));
        ext.put("start", Long.toString(alert.getFirstSeen().toEpochMilli()));
        ext.put("end", Long.toString(alert.getLastSeen().toEpochMilli()));
        ext.put("externalId", alert.getAlertId());
        ext.put("cnt", Long.toString(alert.getEventCount()));
        putIfPresent(ext, "suser", alert.getUser());
        // CEF's src takes an IP address only; a proxy that logs client host names gets shost
        putIfPresent(ext, isIpLiteral(alert.getClientIp()) ? "src" : "shost", alert.getClientIp());
        putIfPresent(ext, "dhost", SiemJson.host(alert));
        ext.put("act", alert.getStatus().name().toLowerCase(Locale.ROOT));
        ext.put("msg", alert.getDescription().isEmpty() ? alert.getTitle() : alert.getDescription());
        labelled(ext, "cs1", "aiTool", alert.getToolId());
        labelled(ext, "cs2", "department", alert.getDepartment());
        labelled(ext, "cs3", "dataClasses", alert.getDataClasses().stream().map(Enum::name).collect(Collectors.joining(",")));
        labelled(ext, "cs4", "iso42001Controls", String.join(",", alert.getControls()));
        labelled(ext, "cs5", "maskedFindings", SiemJson.maskedFindingsText(alert));
        labelled(ext, "cs6", "recommendedAction", alert.getRecommendedAction());
        labelled(ext, "cn1", "uploadBytes", alert.getBytesOut() == null ? null : Long.toString(alert.getBytesOut()));
        labelled(ext, "cn2", "riskScore", Integer.toString(alert.getRiskScore()));
        labelled(ext, "cn3", "policyVersion", alert.getPolicyVersion() == null ? null : Integer.toString(alert.getPolicyVersion()));
        labelled(ext, "cfp1", "confidence", Double.toString(alert.getConfidence()));
        return ext.entrySet().stream().map(e -> e.getKey() + "=" + extensionValue(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static void labelled(Map<String, String> ext, String key, String label, String value) {
        if (value != null && !value.isEmpty()) {
            ext.put(key, value);
            ext.put(key + "Label", label);
        }
    }

    private static void putIfPresent(Map<String, String> ext, String key, String value) {
        if (value != null && !value.isEmpty()) {
            ext.put(key, value);
        }
    }

    /** Header: backslash and pipe escaped; a line break would end the record, so it becomes a space. */
    static String header(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** Extension value: backslash, equals sign and line breaks escaped; pipes stay as they are. */
    static String extensionValue(String value) {
        return value.replace("\\", "\\\\").replace("=", "\\=").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static boolean isIpLiteral(String value) {
        return value != null && (IPV4.matcher(value).matches()
                || value.indexOf(':') >= 0 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':'));
    }
}
