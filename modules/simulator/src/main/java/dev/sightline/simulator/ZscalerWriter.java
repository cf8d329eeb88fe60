package dev.sightline.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes Zscaler NSS web-log records in the common SIEM JSON template: {@code {"sourcetype":"zscalernss-web",
 * "event":{...}}}, every value a string, {@code NA}/{@code None} for empty, {@code url} without scheme, the AI prompt in
 * {@code prompt_req} and the account instance in {@code inst_level1_*}.
 */
final class ZscalerWriter {
    private final JsonOut json;
    private final TimeText time;
    private final StringBuilder sb = new StringBuilder(64);
    private final long eventIdBase;

    ZscalerWriter(JsonOut json, TimeText time, long seed) {
        this.json = json;
        this.time = time;
        this.eventIdBase = 7_000_000_000L + Math.floorMod(seed, 1_000_000_000L);
    }

    byte[] write(WebTransaction t) {
        return json.write(g -> {
            Destination d = t.destination();
            boolean ai = d.ai();
            long requestSize = t.requestHeaderBytes() + t.requestBodyBytes();
            g.writeStartObject();
            g.writeStringField("sourcetype", "zscalernss-web");
            g.writeObjectFieldStart("event");
            sb.setLength(0);
            g.writeStringField("datetime", time.dateTime(sb, t.endMillis(), ' ').toString());
            g.writeStringField("event_id", Long.toString(eventIdBase + t.sequence()));
            g.writeStringField("protocol", t.tunnel() ? "SSL" : "HTTPS");
            g.writeStringField("action", t.blocked() ? "Blocked" : "Allowed");
            g.writeStringField("transactionsize", Long.toString(requestSize + t.responseBytes()));
            g.writeStringField("requestsize", Long.toString(requestSize));
            g.writeStringField("responsesize", Long.toString(t.responseBytes()));
            g.writeStringField("urlcategory", d.category().zscalerCategory());
            g.writeStringField("urlsupercategory", d.category().zscalerSuperCategory());
            g.writeStringField("requestmethod", t.tunnel() ? "CONNECT" : t.method());
            g.writeStringField("useragent", t.userAgent());
            g.writeStringField("ClientIP", t.clientIp());
            g.writeStringField("status", Integer.toString(t.tunnel() && !t.blocked() ? 0 : t.status()));
            g.writeStringField("user", t.member().user().upn());
            g.writeStringField("url", t.tunnel() ? t.host() + ":443" : t.host() + t.path());
            g.writeStringField("hostname", t.host());
            g.writeStringField("appname", d.app().equals("-") ? "General Browsing" : d.app());
            g.writeStringField("appclass", ai ? "AI & ML Applications" : "General Browsing");
            g.writeStringField("dlpengine", "None");
            g.writeStringField("dlpdictionaries", "None");
            g.writeStringField("app_risk_score", ai ? Integer.toString(d.sanctioned() ? 2 : 4) : "NA");
            g.writeStringField("app_status", d.sanctioned() ? "Sanctioned" : ai ? "Unsanctioned" : "NA");
            g.writeStringField("activity", ai && !t.tunnel() ? activity(t.intent()) : "NA");
            g.writeStringField("prompt_req", t.prompt() == null ? "None" : t.prompt().text());
            instance(g, t.account());
            g.writeStringField("upload_filename", t.fileName() == null ? "None" : t.fileName());
            g.writeStringField("ssldecrypted", t.tunnel() ? "No" : "Yes");
            g.writeStringField("srv_dport", "443");
            g.writeStringField("reason", t.blocked() ? "Not allowed to browse this category" : "Allowed");
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void instance(JsonGenerator g, WebTransaction.Account account) throws IOException {
        g.writeStringField("inst_level1_type", account == null ? "NA" : account.personal() ? "PERSONAL" : "ORG");
        g.writeStringField("inst_level1_id", account == null ? "NA" : account.instanceId());
        g.writeStringField("inst_level1_name", account == null ? "NA" : account.instanceName());
        for (int level = 2; level <= 3; level++) {
            g.writeStringField("inst_level" + level + "_type", "NA");
            g.writeStringField("inst_level" + level + "_id", "NA");
            g.writeStringField("inst_level" + level + "_name", "NA");
        }
    }

    /** Zscaler's cloud-app activity names. */
    private static String activity(Intent intent) {
        return switch (intent) {
            case BROWSE -> "Browse";
            case PROMPT -> "Post Message";
            case UPLOAD -> "Upload";
            case API_CALL -> "API Request";
            case LOGIN -> "Login";
            case OTHER -> "Edit";
        };
    }
}
