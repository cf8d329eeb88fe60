package dev.sightline.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SquidLogFormatTest {
    /** The jsonl definition of the reference squid.conf, verbatim. */
    static final String JSONL = "logformat jsonl {\"ts\":%ts.%03tu,\"elapsed_ms\":%tr,\"client_ip\":\"%>a\","
            + "\"client_port\":\"%>p\",\"local_port\":\"%lp\",\"ident\":\"%\"ui\",\"auth_user\":\"%\"ul\","
            + "\"user\":\"%\"un\",\"squid_status\":\"%Ss\",\"http_status\":\"%03>Hs\",\"upstream_status\":\"%<Hs\","
            + "\"method\":\"%\"rm\",\"url\":\"%\"ru\",\"host\":\"%\">rd\",\"port\":\"%>rP\",\"bytes_in\":%>st,"
            + "\"bytes_out\":%<st,\"hier\":\"%Sh\",\"server_ip\":\"%<a\",\"mime\":\"%\"mt\","
            + "\"err_code\":\"%\"err_code\",\"err_detail\":\"%\"err_detail\",\"dns_ms\":\"%dt\","
            + "\"user_agent\":\"%\"{User-Agent}>h\",\"referer\":\"%\"{Referer}>h\"}";

    @Test
    void readsModifiersArgumentsAndWidths() {
        SquidLogFormat f = SquidLogFormat.compile("%ts.%03tu %6tr %[-12un %#ru %'rm %{User-Agent}>h %>h{Referer}");
        assertThat(f.fields()).extracting(SquidLogFormat.Field::code).containsExactly(SquidCode.TIME_SECONDS,
                SquidCode.TIME_MILLIS, SquidCode.ELAPSED_MS, SquidCode.USER, SquidCode.URL, SquidCode.METHOD,
                SquidCode.REQUEST_HEADER, SquidCode.REQUEST_HEADER);
        SquidLogFormat.Field millis = f.fields().get(1);
        assertThat(millis.zeroPadded()).isTrue();
        assertThat(millis.minWidth()).isEqualTo(3);
        SquidLogFormat.Field user = f.fields().get(3);
        assertThat(user.quoting()).isEqualTo(SquidQuoting.MIME_BLOB);
        assertThat(user.leftAligned()).isTrue();
        assertThat(user.minWidth()).isEqualTo(12);
        assertThat(f.fields().get(4).quoting()).isEqualTo(SquidQuoting.URL);
        assertThat(f.fields().get(6).argument()).isEqualTo("User-Agent");
        assertThat(f.fields().get(7).argument()).isEqualTo("Referer");
    }

    @Test
    void unknownCodeIsAnErrorNamingCodeAndPosition() {
        assertThatIllegalArgumentException().isThrownBy(() -> SquidLogFormat.compile("%ts %>a %bogus %ru"))
                .withMessageContaining("%bogus").withMessageContaining("position 9");
        assertThatIllegalArgumentException().isThrownBy(() -> SquidLogFormat.compile("%ts %icap::tr"))
                .withMessageContaining("%icap::tr");
        assertThatIllegalArgumentException().isThrownBy(() -> SquidLogFormat.compile("%{Referer %ts"))
                .withMessageContaining("unclosed");
        assertThatIllegalArgumentException().isThrownBy(() -> SquidLogFormat.compile("[%{%d/%b}tl] %ru"))
                .withMessageContaining("%tl").withMessageContaining("strftime");
        assertThatIllegalArgumentException().isThrownBy(() -> SquidLogFormat.compile("just text"))
                .withMessageContaining("no format code");
    }

    @Test
    void nativePaddingAndSpaceRunsAreAccepted() {
        SquidFields f = matched(SquidLogFormat.NATIVE, "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET"
                + " http://www.example.com/ alice HIER_DIRECT/127.0.0.1 application/json");
        assertThat(f.get(SquidCode.ELAPSED_MS)).contains("39");
        assertThat(f.get(SquidCode.TIME_MILLIS)).contains("485");
        assertThat(f.get(SquidCode.SERVER_IP)).contains("127.0.0.1");
    }

    @Test
    void dashIsAbsentAndMimeBlobIsDecoded() {
        SquidFields f = matched(SquidLogFormat.NATIVE, "1795805794.641      4 127.0.0.1 TCP_MISS/200 376 GET"
                + " http://intranet.corp.example/ corp\\\\frank%20x HIER_NONE/- -");
        assertThat(f.get(SquidCode.USER)).contains("corp\\frank x");
        assertThat(f.get(SquidCode.SERVER_IP)).isEmpty();
        assertThat(f.get(SquidCode.MIME_TYPE)).isEmpty();
    }

    @Test
    void ipv6ServerAddressBeforePortEndsAtTheLastColon() {
        SquidFields f = matched(SquidLogFormat.compile("%ts %ru %Sh/%<a:%<p"),
                "1795805792 http://x.example/ HIER_DIRECT/2001:db8::1:443");
        assertThat(f.get(SquidCode.SERVER_IP)).contains("2001:db8::1");
        assertThat(f.get(SquidCode.SERVER_PORT)).contains("443");
    }

    @Test
    void quotedHeadersMayHoldSpaces() {
        SquidFields f = matched(SquidLogFormat.COMBINED, "10.0.0.7 - bob [27/Nov/2026:18:56:33 +0000]"
                + " \"GET http://www.example.com/ HTTP/1.1\" 200 370 \"http://ref.example/a b\""
                + " \"Mozilla/5.0 (X11; Linux x86_64)\" TCP_MISS:HIER_DIRECT");
        assertThat(f.requestHeader("user-agent")).contains("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(f.requestHeader("Referer")).contains("http://ref.example/a b");
        assertThat(f.get(SquidCode.HIERARCHY)).contains("HIER_DIRECT");
    }

    @Test
    void jsonDefinitionOfTheReferenceConfigIsReadByTheSameCompiler() {
        SquidLogFormat jsonl = SquidLogFormat.compile(JSONL);
        assertThat(jsonl.definition()).startsWith("{\"ts\":");
        SquidFields f = matched(jsonl, jsonLine("carol \\\"c\\\\d\\\"", "Mozilla/5.0 \\\"quoted\\\" (X11)"));
        assertThat(f.get(SquidCode.USER)).contains("carol \"c\\d\"");
        assertThat(f.requestHeader("User-Agent")).contains("Mozilla/5.0 \"quoted\" (X11)");
        assertThat(f.get(SquidCode.CLIENT_URL_DOMAIN)).contains("api.openai.com");
        assertThat(f.get(SquidCode.BYTES_FROM_CLIENT)).contains("2427");
        assertThat(f.get(SquidCode.ERROR_CODE)).isEmpty();
    }

    @Test
    void mismatchNamesTheFieldAndColumnButNotTheValue() {
        String line = "1795805792.485     39 127.0.0.1 TCP_MISS/2x0 370 GET http://secret.example/ alice"
                + " HIER_DIRECT/127.0.0.1 application/json";
        SquidLogFormat.Match m = SquidLogFormat.NATIVE.match(line);
        assertThat(m).isInstanceOf(SquidLogFormat.Match.Mismatch.class);
        String reason = ((SquidLogFormat.Match.Mismatch) m).reason();
        assertThat(reason).contains("%>Hs").contains("column 42").doesNotContain("2x0").doesNotContain("secret");
    }

    @Test
    void literalPercentAndWholeLogformatLinesAreAccepted() {
        SquidLogFormat f = SquidLogFormat.compile("logformat pct %ts 100%% %ru");
        assertThat(f.definition()).isEqualTo("%ts 100%% %ru");
        assertThat(matched(f, "1795805792 100% http://x.example/").get(SquidCode.URL)).contains("http://x.example/");
        assertThat(f.match("1795805792 100 http://x.example/")).isInstanceOf(SquidLogFormat.Match.Mismatch.class);
    }

    @Test
    void builtInDefinitionsHaveTheDocumentedCodes() {
        assertThat(List.of(SquidLogFormat.NATIVE, SquidLogFormat.COMMON, SquidLogFormat.COMBINED))
                .noneMatch(f -> f.has(SquidCode.BYTES_FROM_CLIENT));
        assertThat(SquidLogFormat.EXT.has(SquidCode.BYTES_FROM_CLIENT)).isTrue();
        assertThat(SquidLogFormat.EXT.fields()).hasSize(31);
    }

    static String jsonLine(String user, String agent) {
        return "{\"ts\":1795805799.814,\"elapsed_ms\":1,\"client_ip\":\"127.0.0.1\",\"client_port\":\"57356\","
                + "\"local_port\":\"3128\",\"ident\":\"-\",\"auth_user\":\"bob\",\"user\":\"" + user + "\","
                + "\"squid_status\":\"TCP_MISS\",\"http_status\":\"200\",\"upstream_status\":\"200\","
                + "\"method\":\"POST\",\"url\":\"http://api.openai.com/v1/chat/completions\","
                + "\"host\":\"api.openai.com\",\"port\":\"80\",\"bytes_in\":2427,\"bytes_out\":373,"
                + "\"hier\":\"HIER_DIRECT\",\"server_ip\":\"127.0.0.1\",\"mime\":\"application/json\","
                + "\"err_code\":\"-\",\"err_detail\":\"-\",\"dns_ms\":\"-\",\"user_agent\":\"" + agent + "\","
                + "\"referer\":\"-\"}";
    }

    private static SquidFields matched(SquidLogFormat format, String line) {
        SquidLogFormat.Match m = format.match(line);
        assertThat(m).as("%s", m).isInstanceOf(SquidLogFormat.Match.Matched.class);
        return ((SquidLogFormat.Match.Matched) m).fields();
    }
}
