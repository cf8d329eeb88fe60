package dev.sightline.ingest.squid;

import dev.sightline.model.Activity;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Infers what the user did from what a proxy line shows: method, host, path, upload size and request content type.
 * The rules are generic (shapes of hosts and paths, not a list of AI services); the first that applies wins:
 * <ol>
 *   <li>{@code CONNECT} &rarr; TUNNEL: nothing inside the tunnel is visible.</li>
 *   <li>a path segment that names authentication ({@code login}, {@code signin}, {@code sign-in}, {@code logon},
 *       {@code oauth}, {@code oauth2}, {@code auth}, {@code authorize}, {@code sso}, {@code saml}) &rarr; LOGIN,
 *       whatever the method.</li>
 *   <li>a method that sends a body ({@code POST}, {@code PUT}, {@code PATCH}):
 *     <ol>
 *       <li>a request body of at least {@value #UPLOAD_MIN_BYTES} bytes, a {@code multipart/*} content type, or a path
 *           segment containing {@code upload}, {@code attachment} or {@code files} &rarr; UPLOAD;</li>
 *       <li>an API-shaped destination &rarr; API_CALL: the host's first label is {@code api} ({@code api.vendor.com}),
 *           or a path segment is a version ({@code v1}, {@code v1beta}, {@code v2alpha1}), or the path is an Azure
 *           OpenAI deployment ({@code /openai/deployments/...});</li>
 *       <li>a conversational path: a segment containing {@code chat}, {@code conversation}, {@code completion},
 *           {@code message}, {@code prompt}, {@code generate}, {@code ask}, {@code query}, {@code assistant},
 *           {@code converse} or {@code invoke} &rarr; PROMPT;</li>
 *       <li>else OTHER (a form post, a REST update).</li>
 *     </ol></li>
 *   <li>{@code GET} or {@code HEAD}: API-shaped as above &rarr; API_CALL (e.g. listing models), else BROWSE.</li>
 *   <li>anything else ({@code DELETE}, {@code OPTIONS}, unknown) &rarr; OTHER.</li>
 * </ol>
 * The request body size is {@code %>st} minus {@code %>sh} when the format logs both, else {@code %>st}; native,
 * common and combined log neither, so only the path and content type can reveal an upload there.
 */
public final class SquidActivity {
    /** Request bodies from this size on are uploads, not prompts: far above typed prompts, below small files. */
    public static final long UPLOAD_MIN_BYTES = 64 * 1024;

    private static final Set<String> AUTH_SEGMENTS = Set.of(
            "login", "signin", "sign-in", "logon", "oauth", "oauth2", "auth", "authorize", "sso", "saml");
    private static final Pattern UPLOAD_SEGMENT = Pattern.compile(".*(?:upload|attachment|files).*");
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(?:(?:alpha|beta)\\d*)?");
    private static final Pattern CONVERSATION_SEGMENT = Pattern.compile(
            ".*(?:chat|conversation|completion|message|prompt|generate|ask|query|assistant|converse|invoke).*");

    private SquidActivity() {
    }

    /**
     * @param method      upper-case method, empty when unknown
     * @param host        normalized destination host
     * @param path        URL path without query, empty when unknown (a CONNECT)
     * @param bodyBytes   request body size when known
     * @param contentType request content type when logged
     */
    public static Activity infer(String method, String host, String path, OptionalLong bodyBytes, String contentType) {
        if (method.equals("CONNECT")) {
            return Activity.TUNNEL;
        }
        String[] segments = path.toLowerCase(Locale.ROOT).split("/");
        if (anySegment(segments, s -> AUTH_SEGMENTS.contains(s))) {
            return Activity.LOGIN;
        }
        boolean apiShaped = host.startsWith("api.") || anySegment(segments, s -> VERSION_SEGMENT.matcher(s).matches())
                || path.startsWith("/openai/deployments/");
        switch (method) {
            case "POST", "PUT", "PATCH" -> {
                if (bodyBytes.orElse(0) >= UPLOAD_MIN_BYTES
                        || contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                        || anySegment(segments, s -> UPLOAD_SEGMENT.matcher(s).matches())) {
                    return Activity.UPLOAD;
                }
                if (apiShaped) {
                    return Activity.API_CALL;
                }
                return anySegment(segments, s -> CONVERSATION_SEGMENT.matcher(s).matches())
                        ? Activity.PROMPT : Activity.OTHER;
            }
            case "GET", "HEAD" -> {
                return apiShaped ? Activity.API_CALL : Activity.BROWSE;
            }
            default -> {
                return Activity.OTHER;
            }
        }
    }

    private static boolean anySegment(String[] segments, Predicate<String> test) {
        for (String s : segments) {
            if (!s.isEmpty() && test.test(s)) {
                return true;
            }
        }
        return false;
    }
}
