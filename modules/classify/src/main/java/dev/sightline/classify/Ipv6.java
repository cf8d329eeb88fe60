package dev.sightline.classify;

import java.util.Arrays;

/**
 * IPv6 literals (RFC 4291 text forms): structural parsing, which addresses are personal, canonical form and masked
 * preview. Pure string arithmetic: never name resolution.
 */
final class Ipv6 {

    private static final int GROUPS = 8;

    private Ipv6() {
    }

    /**
     * The eight 16-bit groups of the address written in {@code [from, to)}, or null when it is not one: at most eight
     * groups of 1-4 hex digits, at most one {@code ::} standing for at least one zero group, an optional dotted IPv4
     * tail counting as two groups. A zone id ({@code %eth0}) is not part of the span.
     */
    static int[] parse(CharSequence s, int from, int to) {
        int[] groups = new int[GROUPS];
        int count = 0;
        int gap = -1; // index of the group where "::" stands
        int i = from;
        if (i + 1 < to && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        } else if (i < to && s.charAt(i) == ':') {
            return null;
        }
        while (i < to) {
            if (count == GROUPS) {
                return null;
            }
            int groupEnd = i;
            int value = 0;
            while (groupEnd < to && groupEnd - i < 5 && Context.hexValue(s.charAt(groupEnd)) >= 0) {
                value = value << 4 | Context.hexValue(s.charAt(groupEnd));
                groupEnd++;
            }
            if (groupEnd < to && s.charAt(groupEnd) == '.') {
                // the dotted IPv4 tail ends the address and fills two groups
                int v4 = ipv4(s, i, to);
                if (v4 < 0 || count > GROUPS - 2) {
                    return null;
                }
                groups[count++] = v4 >>> 16;
                groups[count++] = v4 & 0xffff;
                i = to;
                break;
            }
            int digits = groupEnd - i;
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = value;
            i = groupEnd;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null; // a second "::"
                }
                gap = count;
                i++;
            } else if (i == to) {
                return null; // a single trailing ':'
            }
        }
        if (gap < 0) {
            return count == GROUPS ? groups : null;
        }
        if (count > GROUPS - 1) {
            return null; // "::" stands for at least one group
        }
        int zeros = GROUPS - count;
        System.arraycopy(groups, gap, groups, gap + zeros, count - gap);
        Arrays.fill(groups, gap, gap + zeros, 0);
        return groups;
    }

    /**
     * Whether the address can point at a person's device: global unicast (2000::/3) outside the documentation prefixes
     * 2001:db8::/32 and 3fff::/20, or an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) form of a public IPv4.
     * Loopback, unspecified, link-local, unique-local and multicast addresses are not, like private IPv4 ranges.
     */
    static boolean isPersonal(int[] g) {
        boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
        boolean nat64 = g[0] == 0x64 && g[1] == 0xff9b && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0;
        if (mapped || nat64) {
            return PersonalRules.isPublicIpv4(g[6] >>> 8, g[6] & 0xff, g[7] >>> 8);
        }
        boolean documentation = g[0] == 0x2001 && g[1] == 0x0db8 || g[0] == 0x3fff && g[1] < 0x1000;
        return (g[0] & 0xe000) == 0x2000 && !documentation;
    }

    /** The eight groups in lower-case hex without leading zeros, so that differently written forms hash alike. */
    static String canonical(String raw) {
        int[] g = parse(raw, 0, raw.length());
        if (g == null) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            sb.append(i == 0 ? "" : ":").append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /**
     * The first two groups as written ({@code 2a00:1450:*:*}; one when {@code ::} follows the first); an IPv4 tail is
     * masked as IPv4 is ({@code ::ffff:81.2.*.*}). Accepted addresses have at least three written groups or a tail.
     */
    static String preview(String raw) {
        int lastColon = raw.lastIndexOf(':');
        if (raw.indexOf('.', lastColon) >= 0) {
            return raw.substring(0, lastColon + 1) + Masking.ipv4Preview(raw.substring(lastColon + 1));
        }
        int first = raw.indexOf(':');
        int second = raw.indexOf(':', first + 1);
        return raw.substring(0, second == first + 1 ? first : second) + ":*:*";
    }

    /** How many groups are written out in the address (a dotted tail counts as two). */
    static int writtenGroups(CharSequence s, int from, int to) {
        int groups = 0;
        boolean inGroup = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                return groups + 1;
            }
            boolean groupChar = c != ':';
            groups += groupChar && !inGroup ? 1 : 0;
            inGroup = groupChar;
        }
        return groups;
    }

    /** The dotted quad {@code [from, to)} as a 32-bit value, or -1: four decimal octets 0-255. */
    private static int ipv4(CharSequence s, int from, int to) {
        int value = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int digits = 0;
            int octet = 0;
            while (i < to && digits < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
            octets++;
            if (octets < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }
}
