package dev.sightline.simulator;

/**
 * Writes ECS 9 proxy events as Filebeat ships them (nested objects): event, source, destination, url, http, user,
 * user_agent, tls, observer; for model calls through the organisation's instrumented gateways also {@code gen_ai.*}.
 */
final class EcsWriter {
    private final JsonOut json;
    private final TimeText time;
    private final StringBuilder sb = new StringBuilder(32);
    private final String netbios;

    EcsWriter(JsonOut json, TimeText time, String orgDomain) {
        this.json = json;
        this.time = time;
        this.netbios = Population.netbiosName(orgDomain);
    }

    byte[] write(WebTransaction t) {
        return json.write(g -> {
            long requestBytes = t.requestHeaderBytes() + t.requestBodyBytes();
            g.writeStartObject();
            sb.setLength(0);
            g.writeStringField("@timestamp", time.isoMillis(sb, t.endMillis()).toString());
            g.writeObjectFieldStart("ecs");
            g.writeStringField("version", "9.0.0");
            g.writeEndObject();
            g.writeObjectFieldStart("event");
            g.writeStringField("id", "sim-" + Long.toHexString(t.sequence()) + "-" + t.endMillis());
            g.writeStringField("kind", "event");
            g.writeArrayFieldStart("category");
            g.writeString("network");
            g.writeString("web");
            g.writeEndArray();
            g.writeArrayFieldStart("type");
            g.writeString(t.tunnel() ? "connection" : "access");
            g.writeString(t.blocked() ? "denied" : "allowed");
            g.writeEndArray();
            g.writeStringField("action", t.blocked() ? "block" : t.tunnel() ? "tunnel" : "proxy-request");
            g.writeStringField("outcome", t.blocked() || t.status() >= 400 || t.status() == 0 ? "failure" : "success");
            g.writeEndObject();
            g.writeObjectFieldStart("source");
            g.writeStringField("ip", t.clientIp());
            g.writeNumberField("bytes", requestBytes);
            g.writeEndObject();
            g.writeObjectFieldStart("destination");
            g.writeStringField("domain", t.host());
            g.writeNumberField("port", 443);
            g.writeNumberField("bytes", t.responseBytes());
            g.writeEndObject();
            if (!t.tunnel()) {
                g.writeObjectFieldStart("url");
                g.writeStringField("original", "https://" + t.host() + t.path());
                g.writeStringField("domain", t.host());
                int q = t.path().indexOf('?');
                g.writeStringField("path", q < 0 ? t.path() : t.path().substring(0, q));
                g.writeStringField("scheme", "https");
                g.writeEndObject();
                g.writeObjectFieldStart("http");
                g.writeObjectFieldStart("request");
                g.writeStringField("method", t.method());
                g.writeNumberField("bytes", requestBytes);
                g.writeObjectFieldStart("body");
                g.writeNumberField("bytes", t.requestBodyBytes());
                g.writeEndObject();
                g.writeEndObject();
                g.writeObjectFieldStart("response");
                if (t.status() != 0) {
                    g.writeNumberField("status_code", t.status());
                }
                g.writeNumberField("bytes", t.responseBytes());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeObjectFieldStart("user");
            String proxyName = t.member().user().proxyName();
            int slash = proxyName.indexOf('\\');
            if (slash > 0) {
                g.writeStringField("name", proxyName.substring(slash + 1));
                g.writeStringField("domain", netbios);
            } else {
                g.writeStringField("name", proxyName);
                g.writeStringField("email", t.member().user().upn());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("user_agent");
            g.writeStringField("original", t.userAgent());
            g.writeEndObject();
            g.writeObjectFieldStart("tls");
            g.writeObjectFieldStart("client");
            g.writeStringField("server_name", t.host());
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("observer");
            g.writeStringField("vendor", "Squid");
            g.writeStringField("product", "squid");
            g.writeStringField("type", "proxy");
            g.writeEndObject();
            Destination d = t.destination();
            if (t.intent() == Intent.API_CALL && d.model() != null && !t.blocked() && !t.tunnel()
                    && t.sequence() % 2 == 0) {
                // half the model calls pass an OpenTelemetry-instrumented gateway that adds gen_ai.*
                g.writeObjectFieldStart("gen_ai");
                g.writeStringField("system", d.app().equals("-") ? "openai" : d.app());
                g.writeObjectFieldStart("request");
                g.writeStringField("model", d.model());
                g.writeEndObject();
                g.writeObjectFieldStart("operation");
                g.writeStringField("name", "chat");
                g.writeEndObject();
                g.writeObjectFieldStart("usage");
                g.writeNumberField("input_tokens", t.requestBodyBytes() / 4);
                g.writeNumberField("output_tokens", t.responseBytes() / 5);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }
}
