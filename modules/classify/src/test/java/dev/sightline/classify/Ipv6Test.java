package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6Test {

    private static final ContentScanner SCANNER = DetectorTest.SCANNER;

    private static final String V4_OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String V4 = "(" + V4_OCTET + "\\." + V4_OCTET + "\\." + V4_OCTET + "\\." + V4_OCTET + ")";
    /** An independent oracle for the test only: the well-known RFC 4291 text-form regex (no zone id). */
    private static final Pattern RFC_4291 = Pattern.compile("(?i)("
            + "([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|([0-9a-f]{1,4}:){1,7}:|([0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}"
            + "|([0-9a-f]{1,4}:){1,5}(:[0-9a-f]{1,4}){1,2}|([0-9a-f]{1,4}:){1,4}(:[0-9a-f]{1,4}){1,3}"
            + "|([0-9a-f]{1,4}:){1,3}(:[0-9a-f]{1,4}){1,4}|([0-9a-f]{1,4}:){1,2}(:[0-9a-f]{1,4}){1,5}"
            + "|[0-9a-f]{1,4}:(:[0-9a-f]{1,4}){1,6}|:((:[0-9a-f]{1,4}){1,7}|:)"
            + "|::(ffff(:0{1,4})?:)?" + V4 + "|([0-9a-f]{1,4}:){1,4}:" + V4 + "|([0-9a-f]{1,4}:){6}" + V4 + ")");

    private static List<Finding> ips(String text) {
        return SCANNER.scan(text).findings().stream().filter(f -> f.type() == FindingType.IP_ADDRESS).toList();
    }

    private static String found(String text) {
        List<Finding> ips = ips(text);
        assertThat(ips).as(text).hasSize(1);
        return text.substring(ips.get(0).start(), ips.get(0).end());
    }

    @Test
    void findsFullCompressedMappedZonedAndBracketedForms() {
        assertThat(found("from 2a00:1450:4001:0824:0000:0000:0000:200E today")).isEqualTo("2a00:1450:4001:0824:0000:0000:0000:200E");
        assertThat(found("from 2a00:1450:4001:824::200e today")).isEqualTo("2a00:1450:4001:824::200e");
        assertThat(found("peer ::ffff:81.2.69.160 closed")).isEqualTo("::ffff:81.2.69.160");
        assertThat(found("nat64 64:ff9b::81.2.69.160 seen")).isEqualTo("64:ff9b::81.2.69.160");
        assertThat(found("iface 2600:1f18:abcd::17%eth0 up")).isEqualTo("2600:1f18:abcd::17");
        assertThat(found("curl https://[2a03:2880:f10c:83::25de:face]:8443/v1")).isEqualTo("2a03:2880:f10c:83::25de:face");
        assertThat(found("ip=2a03:2880:f10c:83:face:b00c:0:25de,")).isEqualTo("2a03:2880:f10c:83:face:b00c:0:25de");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "at 12:30:45.123 it failed", "MAC aa:bb:cc:dd:ee:ff and 00:1A:2B:3C:4D:5E:6F:70", "std::string s; std::vector<int>::iterator",
        "a::b and abc::def::0 and Foo::Bar", "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "fingerprint 43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8", "0000: 48 65 6c 6c 6f  de:ad:be:ef:ca:fe:ba:be",
        "the :: operator", "version 1.2.3 and 2.0.0:1", "loopback ::1 and unspecified ::", "doc 2001:db8::1 and 2001:0db8:0:0:0:0:0:1",
        "doc 3fff:0123::7", "link fe80::1ff:fe23:4567:890a%eth0", "ula fd00:ab:cd::12", "mcast ff02::1:ff00:1",
        "mapped private ::ffff:10.1.2.3", "prefix 2001:: and 2a00:1450::", "too many 1:2:3:4:5:6:7:8:9", "two gaps 2a00::1::2",
        "group too long 2a00:14500::1", "ratio 2:1 and 16:9 at 10:00"})
    void staysQuietOnLookAlikesAndNonPersonalAddresses(String text) {
        assertThat(ips(text)).as(text).isEmpty();
    }

    @Test
    void previewShowsAtMostTheFirstTwoGroupsAndHashesOneFormPerAddress() {
        Finding full = ips("x 2a00:1450:4001:0824:0000:0000:0000:200e y").get(0);
        Finding compressed = ips("x 2A00:1450:4001:824::200E y").get(0);
        assertThat(full.maskedPreview()).isEqualTo("2a00:1450:*:*");
        assertThat(compressed.maskedPreview()).isEqualTo("2A00:1450:*:*");
        assertThat(full.keyedHash()).isEqualTo(compressed.keyedHash());
        assertThat(ips("x 2a00::4001:200e y").get(0).maskedPreview()).isEqualTo("2a00:*:*");
        assertThat(ips("x ::ffff:81.2.69.160 y").get(0).maskedPreview()).isEqualTo("::ffff:81.2.*.*");
    }

    @Test
    void offsetsAreCodePoints() {
        String text = "😀 ip 2a00:1450:4001:824::200e";
        Finding f = ips(text).get(0);
        assertThat(f.start()).isEqualTo(text.codePointCount(0, text.indexOf("2a00")));
        assertThat(f.end()).isEqualTo(text.codePointCount(0, text.length()));
    }

    @Property(tries = 500)
    void findsRandomGlobalAddressesInFullAndCompressedForm(@ForAll @Size(16) byte[] bytes) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        g[0] = 0x2000 | g[0] & 0x1fff;  // global unicast 2000::/3
        g[0] = g[0] == 0x2001 || g[0] == 0x3fff ? 0x2a00 : g[0]; // outside the documentation prefixes
        g[1] |= 1;
        g[7] |= 1;                         // three written groups at least
        for (String form : List.of(full(g), compressed(g))) {
            assertThat(found("peer " + form + " closed")).isEqualTo(form);
        }
    }

    @Property(tries = 1000)
    void hexAndColonNoiseIsFoundOnlyWhenItIsAnAddress(@ForAll("noise") String noise) {
        List<Finding> ips = ips("see " + noise + " now");
        // the oracle knows dotted tails only after "::ffff:", six groups or up to four groups and "::"
        boolean oracleKnows = noise.indexOf('.') < 0;
        if (!ips.isEmpty()) {
            assertThat(ips).hasSize(1);
            assertThat(Ipv6.isPersonal(Ipv6.parse(noise, 0, noise.length()))).as(noise).isTrue();
            assertThat(!oracleKnows || RFC_4291.matcher(noise).matches()).as(noise).isTrue();
        }
        if (oracleKnows && !RFC_4291.matcher(noise).matches()) {
            assertThat(Ipv6.parse(noise, 0, noise.length())).as(noise).isNull();
        }
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> chars = Arbitraries.strings().withChars("0123456789abcdefABCDEF::::.").ofMinLength(1).ofMaxLength(45);
        Arbitrary<String> groups = Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(0).ofMaxLength(5)
                .list().ofMinSize(1).ofMaxSize(10).map(list -> String.join(":", list));
        return Arbitraries.oneOf(chars, groups, groups.map(s -> "2a00:" + s));
    }

    private static String full(int[] g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%04x", g[i]));
        }
        return sb.toString();
    }

    /** RFC 5952: the longest run of two or more zero groups (the first of equals) becomes "::". */
    private static String compressed(int[] g) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
