package dev.sightline.classify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/** The check-digit and structure rules of the formats that have one. Inputs are compact (no separators). */
final class Checksums {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** IBAN length per country (SWIFT IBAN registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    private Checksums() {
    }

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** Length for the country, then ISO 7064 mod 97-10 over the rearranged number. */
    static boolean iban(String compactUpper) {
        if (compactUpper.length() < 15) {
            return false;
        }
        Integer expected = IBAN_LENGTHS.get(compactUpper.substring(0, 2));
        if (expected == null || expected != compactUpper.length()) {
            return false;
        }
        String rearranged = compactUpper.substring(4) + compactUpper.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /** SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000. */
    static boolean ssn(String nineDigits) {
        int area = Integer.parseInt(nineDigits.substring(0, 3));
        int group = Integer.parseInt(nineDigits.substring(3, 5));
        int serial = Integer.parseInt(nineDigits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** HMRC: first letter not D F I Q U V, second not D F I O Q U V, and not an unallocated pair. */
    static boolean ninoPrefix(char first, char second) {
        if ("DFIQUV".indexOf(first) >= 0 || "DFIOQUV".indexOf(second) >= 0) {
            return false;
        }
        String pair = "" + first + second;
        return !(pair.equals("BG") || pair.equals("GB") || pair.equals("KN") || pair.equals("NK")
                || pair.equals("NT") || pair.equals("TN") || pair.equals("ZZ"));
    }

    /** NPI: Luhn over the number prefixed with the card issuer prefix 80840. */
    static boolean npi(String tenDigits) {
        return tenDigits.length() == 10 && (tenDigits.charAt(0) == '1' || tenDigits.charAt(0) == '2')
                && luhn("80840" + tenDigits);
    }

    /** DEA: (d1+d3+d5) + 2*(d2+d4+d6) ends in d7. */
    static boolean dea(String nineChars) {
        int[] d = new int[7];
        for (int i = 0; i < 7; i++) {
            d[i] = nineChars.charAt(i + 2) - '0';
        }
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    /** New-format GitHub tokens: the last 6 characters are base62(CRC32(the 30 characters after the prefix)). */
    static boolean githubCrc(String token) {
        int underscore = token.indexOf('_');
        String body = token.substring(underscore + 1);
        if (body.length() != 36) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(body.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6).equals(body.substring(30));
    }

    static String base62(long value, int width) {
        StringBuilder sb = new StringBuilder();
        long v = value;
        while (v > 0) {
            sb.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (sb.length() < width) {
            sb.append('0');
        }
        return sb.reverse().toString();
    }

    /** Shannon entropy in bits per character. */
    static double entropy(CharSequence s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        int n = s.length();
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }
}
