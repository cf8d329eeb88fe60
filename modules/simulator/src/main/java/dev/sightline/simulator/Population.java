package dev.sightline.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people of the simulated organisation, with how active each is: activity is heavy-tailed (a few people make a
 * large share of the traffic), as in real proxy logs.
 */
final class Population {
    private static final List<String> FIRST = List.of("James", "Mary", "Robert", "Patricia", "John", "Jennifer",
            "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Daniel", "Karen", "Priya", "Wei", "Aisha", "Mateo", "Sofia", "Lukas", "Chloe",
            "Hiroshi", "Fatima", "Olga", "Kwame", "Ingrid", "Rahul", "Mei", "Diego", "Hannah", "Omar", "Elena",
            "Noah", "Zara", "Liam", "Ava", "Ethan", "Isla", "Arjun", "Leila", "Finn", "Nadia", "Tomasz", "Yuki");
    private static final List<String> LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Jackson", "Martin", "Lee", "Patel", "Nguyen", "Kim", "Chen", "Okafor", "Schmidt",
            "Novak", "Kowalski", "Rossi", "Dubois", "Haddad", "Tanaka", "Singh", "Larsen", "OBrien", "Fischer",
            "Costa", "Ivanova", "Mensah", "Bergstrom", "Alvarez", "Nakamura", "Walsh", "Khan", "Moreau", "Silva");
    private static final List<String> PERSONAL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com",
            "icloud.com", "proton.me", "hotmail.com");

    /** A person and the simulator's private facts about them. */
    record Member(SimulatedUser user, Department department, String accountKey, String chatGptUserId,
            double activity) {
    }

    private final List<Member> members;
    private final double[] cumulativeActivity;
    private final double meanAiAffinity;

    Population(long seed, int size, String orgDomain) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EEDF00DL);
        String netbios = netbiosName(orgDomain);
        Department[] departments = Department.values();
        double[] departmentCumulative = new double[departments.length];
        double total = 0;
        for (int i = 0; i < departments.length; i++) {
            total += departments[i].share();
            departmentCumulative[i] = total;
        }
        Set<String> taken = new HashSet<>();
        List<Member> list = new ArrayList<>(size);
        cumulativeActivity = new double[size];
        double activitySum = 0;
        double affinitySum = 0;
        for (int i = 0; i < size; i++) {
            String first = SensitiveValues.pick(rng, FIRST);
            String last = SensitiveValues.pick(rng, LAST);
            String local = (first + "." + last).toLowerCase(Locale.ROOT);
            for (int n = 2; !taken.add(local); n++) {
                local = (first + "." + last).toLowerCase(Locale.ROOT) + n;
            }
            Department department = departments[Sampling.index(departmentCumulative, rng.nextDouble() * total)];
            int d = department.ordinal();
            List<String> ips = new ArrayList<>(2);
            ips.add("10." + (20 + d) + "." + (i / 250) + "." + (1 + i % 250));
            if (rng.nextDouble() < 0.35) {
                ips.add("172.16." + (100 + rng.nextInt(28)) + "." + (1 + rng.nextInt(254)));
            }
            double roll = rng.nextDouble();
            String upn = local + "@" + orgDomain;
            String proxyName = roll < 0.25 ? netbios + "\\" + local : upn;
            String personal = local.replace(".", rng.nextBoolean() ? "." : "") + (rng.nextBoolean()
                    ? Integer.toString(70 + rng.nextInt(30)) : "") + "@" + SensitiveValues.pick(rng, PERSONAL_DOMAINS);
            // log-normal activity: a heavy tail of busy people
            double activity = Math.exp(rng.nextGaussian() * 0.9);
            activitySum += activity;
            affinitySum += activity * department.aiAffinity();
            cumulativeActivity[i] = activitySum;
            String accountKey = String.format("1003%012X", rng.nextLong() & 0xFFFFFFFFFFFFL);
            String chatGptUser = "user-" + hex(rng, 16);
            list.add(new Member(new SimulatedUser(upn, first + " " + last, department.displayName(), ips, proxyName,
                    personal), department, accountKey, chatGptUser, activity));
        }
        members = List.copyOf(list);
        meanAiAffinity = affinitySum / activitySum;
    }

    /** A person, chosen in proportion to activity. */
    Member pick(SplittableRandom rng) {
        return members.get(Sampling.index(cumulativeActivity, rng.nextDouble() * cumulativeActivity[
                cumulativeActivity.length - 1]));
    }

    List<Member> members() {
        return members;
    }

    /** Activity-weighted mean of the departments' AI affinity: dividing by it keeps the overall AI share as set. */
    double meanAiAffinity() {
        return meanAiAffinity;
    }

    /** The NetBIOS domain name Windows derives from the DNS domain: first label, upper case, at most 15 characters. */
    static String netbiosName(String orgDomain) {
        String label = orgDomain.split("\\.")[0].replace("-", "").toUpperCase(Locale.ROOT);
        return label.length() > 15 ? label.substring(0, 15) : label;
    }

    static String hex(SplittableRandom rng, int length) {
        return SensitiveValues.appendRandom(new StringBuilder(length), rng, "0123456789abcdef", length).toString();
    }
}
