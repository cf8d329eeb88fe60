package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a corporate instance of a tool is told apart from a personal one in proxy traffic, e.g.
 * {@code tenant-header: ChatGPT-Allowed-Workspace-Id}. The text before the first colon is the {@link Method};
 * the rest (optional) names the header, host or identifier.
 */
public record CorporateSignal(Method method, String detail) implements Knowable {
    public enum Method {
        /** A request header the proxy can inject or read (tenant restrictions). */
        TENANT_HEADER,
        /** Each organisation gets its own sub-domain (acme.example.ai). */
        WORKSPACE_SUBDOMAIN,
        /** Business plans use different hosts than personal plans. */
        DEDICATED_HOST,
        /** The login's SSO / e-mail domain identifies the organisation. */
        SSO_DOMAIN,
        /** An organisation or project id in API requests (header or key prefix). */
        API_ORGANISATION,
        /** Only a SASE vendor's instance id (Zscaler, Netskope) tells them apart. */
        SASE_INSTANCE_ID,
        /** Corporate and personal use cannot be told apart from traffic. */
        NONE,
        UNKNOWN;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final CorporateSignal UNKNOWN = new CorporateSignal(Method.UNKNOWN, "");

    public CorporateSignal {
        detail = detail == null ? "" : detail.strip();
    }

    @JsonCreator
    public static CorporateSignal parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        int colon = text.indexOf(':');
        String method = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        for (Method m : Method.values()) {
            if (m.id().equals(method)) {
                return new CorporateSignal(m, colon < 0 ? "" : text.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("unknown corporate-instance method '" + method + "' (allowed: tenant-header, "
                + "workspace-subdomain, dedicated-host, sso-domain, api-organisation, sase-instance-id, none, unknown)");
    }

    @Override
    public boolean known() {
        return method != Method.UNKNOWN;
    }

    @JsonValue
    @Override
    public String toString() {
        return detail.isEmpty() ? method.id() : method.id() + ": " + detail;
    }
}
