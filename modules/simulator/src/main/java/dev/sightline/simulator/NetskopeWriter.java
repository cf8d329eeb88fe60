package dev.sightline.simulator;

/**
 * Writes Netskope web-transaction records: W3C-style keys as JSON, every value a string, {@code -} for empty, the app
 * instance in {@code x-cs-app-instance-id} and corporate or consumer use in {@code x-cs-app-tags}.
 */
final class NetskopeWriter {
    private final JsonOut json;
    private final TimeText time;
    private final StringBuilder sb = new StringBuilder(16);
    private final long transactionBase;

    NetskopeWriter(JsonOut json, TimeText time, long seed) {
        this.json = json;
        this.time = time;
        this.transactionBase = 3_829_104_000_000_000_000L + Math.floorMod(seed, 1_000_000_000_000L) * 1000;
    }

    byte[] write(WebTransaction t) {
        return json.write(g -> {
            Destination d = t.destination();
            WebTransaction.Account account = t.account();
            g.writeStartObject();
            g.writeStringField("date", time.date(t.endMillis()));
            sb.setLength(0);
            g.writeStringField("time", TimeText.timeOfDay(sb, t.endMillis()).toString());
            g.writeStringField("x-transaction-id", Long.toString(transactionBase + t.sequence()));
            g.writeStringField("cs-username", t.member().user().upn());
            g.writeStringField("c-ip", t.clientIp());
            g.writeStringField("cs-method", t.tunnel() ? "CONNECT" : t.method());
            g.writeStringField("cs-host", t.host());
            g.writeStringField("cs-uri", t.tunnel() ? "-" : t.path());
            g.writeStringField("cs-uri-scheme", "https");
            g.writeStringField("cs-uri-port", "443");
            g.writeStringField("cs-user-agent", t.userAgent());
            g.writeStringField("x-cs-sni", t.host());
            g.writeStringField("cs-bytes", Long.toString(t.requestHeaderBytes() + t.requestBodyBytes()));
            g.writeStringField("sc-bytes", Long.toString(t.responseBytes()));
            g.writeStringField("sc-status", Integer.toString(t.tunnel() && !t.blocked() ? 0 : t.status()));
            g.writeStringField("x-cs-app", d.app());
            g.writeStringField("x-cs-app-activity", d.ai() && !t.tunnel() ? activity(t.intent()) : "-");
            g.writeStringField("x-cs-app-category", d.category().netskopeCategory());
            g.writeStringField("x-cs-app-instance-id", account == null || account.personal() ? "-"
                    : account.instanceId());
            g.writeStringField("x-cs-app-cci", d.app().equals("-") ? "-" : Integer.toString(d.sanctioned() ? 82 : 58));
            g.writeStringField("x-cs-app-ccl", d.app().equals("-") ? "-" : d.sanctioned() ? "high" : "medium");
            g.writeStringField("x-cs-app-tags", tags(d, account));
            g.writeStringField("x-policy-action", t.blocked() ? "block" : "allow");
            g.writeEndObject();
        });
    }

    private static String tags(Destination d, WebTransaction.Account account) {
        String sanction = d.sanctioned() ? "Sanctioned" : "Unsanctioned";
        if (account == null) {
            return d.app().equals("-") ? "-" : sanction;
        }
        return account.personal() ? "Consumer," + sanction : sanction + ",Corporate";
    }

    /** Netskope's app activity names. */
    private static String activity(Intent intent) {
        return switch (intent) {
            case BROWSE -> "Browse";
            case PROMPT -> "Post";
            case UPLOAD -> "Upload";
            case API_CALL -> "-";
            case LOGIN -> "Login Successful";
            case OTHER -> "Edit";
        };
    }
}
