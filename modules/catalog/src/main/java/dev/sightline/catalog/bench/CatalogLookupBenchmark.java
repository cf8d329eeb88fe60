package dev.sightline.catalog.bench;

import dev.sightline.catalog.AiTool;
import dev.sightline.catalog.Catalog;
import dev.sightline.catalog.HostPattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Single-thread lookup throughput over a proxy-like mix of hosts: catalogued hosts, sub-domains under suffix and
 * wildcard rules, and uncatalogued hosts (the majority, as in real traffic). Prints the figure; last line
 * {@code catalog_lookups_per_s=<n>}. Optional argument: measuring seconds (default 5).
 */
public final class CatalogLookupBenchmark {
    private static final String[] UNCATALOGUED = {
        "www.google.com", "mail.google.com", "outlook.office365.com", "login.microsoftonline.com", "www.bing.com",
        "github.com", "api.github.com", "slack.com", "app.slack.com", "zoom.us", "www.linkedin.com", "cdn.jsdelivr.net",
        "fonts.gstatic.com", "s3.amazonaws.com", "ec2.us-east-1.amazonaws.com", "www.wikipedia.org", "www.bbc.co.uk",
        "update.googleapis.com", "safebrowsing.googleapis.com", "teams.microsoft.com", "www.salesforce.com",
        "acme.my.salesforce.com", "www.youtube.com", "i.ytimg.com", "www.amazon.com", "www.gptw.org",
        "docs.chatbot.com", "www.mailchimp.com", "ocsp.digicert.com", "clients4.google.com"
    };

    private CatalogLookupBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Catalog catalog = Catalog.loadDefault();
        String[] mix = mix(catalog, new Random(42));
        System.out.printf("catalog %s: %d tools, %d host patterns; mix of %d inputs%n",
                catalog.version(), catalog.tools().size(), catalog.hostPatternCount(), mix.length);
        run(catalog, mix, (long) 1e9);
        long ops = 0;
        long matched = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (String host : mix) {
                if (catalog.match(host).matched()) {
                    matched++;
                }
            }
            ops += mix.length;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d lookups in %.2f s, %.1f %% matched%n", ops, elapsed, 100.0 * matched / ops);
        System.out.println("catalog_lookups_per_s=" + Math.round(ops / elapsed));
    }

    private static void run(Catalog catalog, String[] mix, long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            for (String host : mix) {
                catalog.match(host);
            }
        }
    }

    /** About 30 % catalogued hosts, 15 % sub-domains and mixed forms, 55 % uncatalogued. */
    private static String[] mix(Catalog catalog, Random random) {
        List<String> catalogued = new ArrayList<>();
        List<String> derived = new ArrayList<>();
        for (AiTool tool : catalog.tools()) {
            for (HostPattern p : tool.hosts()) {
                switch (p.kind()) {
                    case EXACT -> catalogued.add(p.host());
                    case SUFFIX -> derived.add("static." + p.host());
                    case WILDCARD -> derived.add(p.host().replace("*", "acme"));
                }
            }
        }
        List<String> mix = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            mix.add(catalogued.get(random.nextInt(catalogued.size())));
        }
        for (int i = 0; i < 1500; i++) {
            String host = derived.get(random.nextInt(derived.size()));
            mix.add(i % 5 == 0 ? host.toUpperCase(java.util.Locale.ROOT) + ":443" : host);
        }
        for (int i = 0; i < 5500; i++) {
            String base = UNCATALOGUED[random.nextInt(UNCATALOGUED.length)];
            mix.add(i % 3 == 0 ? "node" + random.nextInt(500) + "." + base : base);
        }
        Collections.shuffle(mix, random);
        return mix.toArray(String[]::new);
    }
}
