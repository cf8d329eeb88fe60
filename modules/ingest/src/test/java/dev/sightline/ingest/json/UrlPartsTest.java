package dev.sightline.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.Activity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlPartsTest {
    @Test
    void schemeLessUrlWithPortAndQuery() {
        UrlParts url = UrlParts.parse("Chat.Example.com:8443/a%20b/c?token=x#f");
        assertThat(url.scheme()).isEmpty();
        assertThat(url.host()).contains("chat.example.com");
        assertThat(url.port()).contains(8443);
        assertThat(url.path()).isEqualTo("/a%20b/c");
    }

    @Test
    void fullUrlWithIpv6LiteralAndUserInfo() {
        UrlParts url = UrlParts.parse("https://user@[2001:db8::1]:444?q");
        assertThat(url.scheme()).contains("https");
        assertThat(url.host()).contains("2001:db8::1");
        assertThat(url.port()).contains(444);
        assertThat(url.path()).isEqualTo("/");
    }

    @Test
    void pathOnlyAndInvalidPorts() {
        assertThat(UrlParts.parse("/v1/models?x").host()).isEmpty();
        assertThat(UrlParts.parse("/v1/models?x").path()).isEqualTo("/v1/models");
        assertThat(UrlParts.parse("host.example:99999/x").port()).isEmpty();
        assertThat(UrlParts.parsePort("0")).isEmpty();
    }

    @Test
    void webActivityRulesApplyInOrder() {
        assertThat(WebActivity.infer(Optional.of("connect"), null, Optional.of("Upload"), true, true))
                .isEqualTo(Activity.TUNNEL);
        assertThat(WebActivity.infer(Optional.of("POST"), "/x", Optional.empty(), true, true))
                .isEqualTo(Activity.UPLOAD);
        assertThat(WebActivity.infer(Optional.of("POST"), "/v1/chat/completions", Optional.empty(), false, false))
                .isEqualTo(Activity.API_CALL);
        assertThat(WebActivity.infer(Optional.of("POST"), "/v1beta/models/gemini-2.5-pro:generateContent",
                Optional.empty(), false, false)).isEqualTo(Activity.API_CALL);
        assertThat(WebActivity.infer(Optional.of("GET"), "/", Optional.of("Login Successful"), false, false))
                .isEqualTo(Activity.LOGIN);
        assertThat(WebActivity.infer(Optional.of("GET"), "/", Optional.empty(), false, false))
                .isEqualTo(Activity.BROWSE);
        assertThat(WebActivity.infer(Optional.of("DELETE"), "/", Optional.empty(), false, false))
                .isEqualTo(Activity.OTHER);
    }

    @Test
    void dottedPathsResolveNestedFlatAndMixed() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String doc : new String[] {"{\"http\":{\"request\":{\"method\":\"GET\"}}}",
                "{\"http.request.method\":\"GET\"}", "{\"http\":{\"request.method\":\"GET\"}}",
                "{\"http.request\":{\"method\":\"GET\"}}"}) {
            assertThat(JsonPaths.find(json.readTree(doc), "http.request.method")).get()
                    .extracting(node -> node.asText()).isEqualTo("GET");
        }
    }
}
