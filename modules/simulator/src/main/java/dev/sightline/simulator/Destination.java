package dev.sightline.simulator;

import java.util.List;

/**
 * A web destination and what people do there. Paths may contain {@code *}, replaced by a fresh random id per request
 * (conversation ids, file ids).
 *
 * @param host        the host name as the proxy sees it
 * @param app         the application name vendors' app catalogs use
 * @param category    the kind of destination
 * @param blocked     whether the organisation's proxy policy denies it
 * @param sanctioned  whether the organisation approved it (vendors' app tags and status)
 * @param browsePaths pages people GET
 * @param promptPath  where a prompt is POSTed (chat UIs, SaaS AI features), null when there is none
 * @param uploadPath  where files are POSTed, null when there is none
 * @param apiPath     the API endpoint programs POST to, null when there is none
 * @param loginPath   the sign-in page
 * @param model       the model an API call names, null when unknown
 */
record Destination(
        String host,
        String app,
        Category category,
        boolean blocked,
        boolean sanctioned,
        List<String> browsePaths,
        String promptPath,
        String uploadPath,
        String apiPath,
        String loginPath,
        String model) {

    boolean ai() {
        return category.ai();
    }

    Destination asBlocked() {
        return new Destination(host, app, category, true, false, browsePaths, promptPath, uploadPath, apiPath,
                loginPath, model);
    }

    Destination asSanctioned() {
        return new Destination(host, app, category, blocked, true, browsePaths, promptPath, uploadPath, apiPath,
                loginPath, model);
    }

    static Destination chat(String host, String app, String promptPath, String uploadPath, String... browsePaths) {
        return new Destination(host, app, Category.AI_CHAT, false, false, List.of(browsePaths), promptPath,
                uploadPath, null, "/auth/login", null);
    }

    static Destination api(String host, String app, Category category, String apiPath, String model) {
        return new Destination(host, app, category, false, false, List.of("/v1/models"), null,
                category == Category.AI_API ? "/v1/files" : null, apiPath, "/oauth/authorize", model);
    }

    static Destination site(String host, String app, Category category, String... browsePaths) {
        return new Destination(host, app, category, false, false, List.of(browsePaths), null,
                category == Category.AI_MEDIA || category == Category.AI_NOTES || category == Category.COLLABORATION
                        || category == Category.WEBMAIL || category == Category.AI_MODEL_HUB
                        || category == Category.DEVELOPER || category == Category.INTRANET
                        ? "/api/upload/*" : null,
                null, "/login", null);
    }

    static Destination media(String host, String app, String promptPath, String... browsePaths) {
        return new Destination(host, app, Category.AI_MEDIA, false, false, List.of(browsePaths), promptPath,
                "/api/upload/*", null, "/login", null);
    }

    /** An AI feature of a SaaS product: same host as the product, its own path. */
    static Destination feature(String host, String app, String promptPath) {
        return new Destination(host, app, Category.AI_SAAS_FEATURE, false, false, List.of("/"), promptPath, null,
                null, "/login", null);
    }
}
