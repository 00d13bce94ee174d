package app.tinylytics.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates the deterministic demo data (fixed random seed) relative to the day it runs: about four
 * months of visitor sessions per site up to yesterday, kudos, events, signals, weekly insight reports,
 * uptime history and content-monitoring results.
 */
final class DemoSeeder {

    static final int DAYS_OF_HISTORY = 120;
    private static final long RANDOM_SEED = 20260214L;

    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36");
    private static final List<String> COUNTRIES = List.of(
            "US", "US", "US", "DE", "DE", "PL", "PL", "GB", "FR", "NL", "CA", "IN", "BR", "SE", "XX");
    // null stands for a direct visit; each referrer carries the source Tinylytics would attribute it to.
    private static final List<String[]> REFERRERS = List.of(
            new String[] {null, null}, new String[] {null, null}, new String[] {null, null},
            new String[] {"https://google.com", "google"}, new String[] {"https://google.com", "google"},
            new String[] {"https://www.google.de", "google"}, new String[] {"https://duckduckgo.com", "duckduckgo"},
            new String[] {"https://news.ycombinator.com", "hackernews"}, new String[] {"https://www.reddit.com", "reddit"},
            new String[] {"https://t.co", "twitter"}, new String[] {"https://mastodon.social", "mastodon"});
    private static final List<String> CAMPAIGN_SOURCES = List.of("newsletter", "producthunt", "rss");

    private record Profile(List<String> paths, int minSessions, int maxSessions, List<String> eventNames) {
    }

    private static final Map<Long, Profile> PROFILES = Map.of(
            DemoAccounts.BLOG_SITE_ID, new Profile(List.of("/", "/blog", "/blog/hello-world", "/blog/rails-post",
                    "/blog/quarkus-native", "/blog/graphql-gateway", "/about", "/pricing", "/contact"), 9, 20,
                    List.of("newsletter.subscribed", "signup.started", "outbound.clicked")),
            DemoAccounts.DOCS_SITE_ID, new Profile(List.of("/", "/getting-started", "/api", "/api/hits", "/api/kudos",
                    "/guides/events", "/faq", "/changelog"), 6, 14, List.of("search.performed", "code.copied")),
            DemoAccounts.SHOP_SITE_ID, new Profile(List.of("/", "/products", "/products/mug", "/products/t-shirt",
                    "/products/stickers", "/cart", "/checkout", "/checkout/thank-you"), 8, 18,
                    List.of("cart.added", "checkout.started", "checkout.completed")),
            DemoAccounts.BOB_SITE_ID, new Profile(List.of("/", "/roses", "/tomatoes", "/about"), 2, 5,
                    List.of("gallery.opened")));

    /** Carol's sites (the benchmark's ten-site dashboard): a small site's worth of traffic each. */
    private static final Profile PLAIN_PROFILE = new Profile(List.of("/", "/about", "/blog", "/blog/first-post",
            "/blog/second-post", "/contact"), 4, 10, List.of("signup.started"));

    private final Instant now;
    private final LocalDate today;
    private final AtomicLong ids;
    private final Random random = new Random(RANDOM_SEED);

    DemoSeeder(Instant now, AtomicLong ids) {
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.ids = ids;
    }

    Map<Long, SiteData> seed() {
        Map<Long, SiteData> sites = new HashMap<>();
        for (SiteRow site : DemoAccounts.SITES) {
            SiteData data = new SiteData(site);
            seedTraffic(data, PROFILES.getOrDefault(site.id(), PLAIN_PROFILE));
            seedSignals(data);
            if (site.insightsEnabled()) {
                seedInsights(data);
            }
            if (site.uptimeEnabled()) {
                seedUptime(data);
            }
            if (site.contentMonitoringEnabled()) {
                seedContent(data, PROFILES.getOrDefault(site.id(), PLAIN_PROFILE).paths());
            }
            sites.put(site.id(), data);
        }
        return Map.copyOf(sites);
    }

    private void seedTraffic(SiteData data, Profile profile) {
        SiteRow site = data.site();
        for (int daysAgo = DAYS_OF_HISTORY; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            int sessions = profile.minSessions() + random.nextInt(profile.maxSessions() - profile.minSessions() + 1);
            for (int n = 0; n < sessions; n++) {
                seedSession(data, profile, site, day, "seed-" + site.id() + "-" + day + "-" + n);
            }
        }
    }

    private void seedSession(SiteData data, Profile profile, SiteRow site, LocalDate day, String visitorId) {
        String userAgent = pick(USER_AGENTS);
        UserAgentParser.Parsed agent = UserAgentParser.parse(userAgent);
        String country = pick(COUNTRIES);
        String identity = VisitorHashes.identity(visitorId, null, null);
        String visitorHash = VisitorHashes.visitorHash(site.id(), identity);
        String uniqueHash = VisitorHashes.uniqueHash(site.id(), identity, day);
        String[] referrer = pick(REFERRERS);
        String campaign = random.nextInt(8) == 0 ? pick(CAMPAIGN_SOURCES) : null;
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(24 * 3600));
        // Sessions mostly enter on the home page or a blog post and wander one to five pages.
        int pages = 1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(5));
        String path = random.nextBoolean() ? profile.paths().get(0) : pick(profile.paths());
        for (int p = 0; p < pages && at.isBefore(now); p++) {
            boolean entry = p == 0;
            String url = site.url() + path + (entry && campaign != null ? "?utm_source=" + campaign : "");
            String source = entry ? (campaign != null ? campaign : referrer[1]) : null;
            Visit visit = new Visit(url, path, entry ? referrer[0] : null, country, source, uniqueHash, visitorHash, at);
            data.addHit(new HitRow(ids.incrementAndGet(), site.id(), visit, agent.browserName(), agent.platformName(),
                    agent.mobile()));
            if (random.nextInt(25) == 0) {
                data.addKudo(new KudoRow(ids.incrementAndGet(), site.id(), "k" + Long.toHexString(random.nextLong() >>> 16),
                        path, at.plusSeconds(20)));
            }
            if (random.nextInt(12) == 0) {
                data.addEvent(new EventRow(ids.incrementAndGet(), site.id(), pick(profile.eventNames()), null,
                        new Visit(url, path, null, country, source, uniqueHash, visitorHash, at.plusSeconds(30))));
            }
            at = at.plusSeconds(40 + random.nextInt(360));
            path = nextPath(profile.paths(), path);
        }
    }

    private void seedSignals(SiteData data) {
        SiteRow site = data.site();
        if (!site.insightsEnabled()) {
            return;
        }
        record Seed(int daysAgo, String title, String description, String category, Map<String, Object> metadata,
                String externalId) {
        }
        List<Seed> seeds = site.id() == DemoAccounts.BLOG_SITE_ID
                ? List.of(
                        new Seed(2, "Newsletter #42 sent", "Featured the Rails post that is now breaking out.", "newsletter",
                                Map.of("path", "/blog/rails-post"), "newsletter-42"),
                        new Seed(9, "Shared the Quarkus post on Mastodon", null, "social",
                                Map.of("url", "https://mastodon.social/@alice/1"), null),
                        new Seed(16, "Newsletter #41 sent", "Monthly roundup.", "newsletter", Map.of(), "newsletter-41"),
                        new Seed(33, "Podcast guest appearance", "Talked about privacy-friendly analytics.", "podcast",
                                Map.of("campaign", "podcast-jan"), null),
                        new Seed(47, "New theme launched", null, "launch", Map.of("tags", List.of("design")), "theme-2"),
                        new Seed(75, "Hosting maintenance", "Planned 10 minute window.", "maintenance", Map.of(), null),
                        new Seed(101, "GraphQL gateway post published", null, "content",
                                Map.of("path", "/blog/graphql-gateway"), null))
                : List.of(
                        new Seed(4, "Spring sale launched", "20% off stickers.", "launch", Map.of("campaign", "spring"),
                                "spring-sale"),
                        new Seed(25, "Payment provider maintenance", null, "maintenance", Map.of(), null),
                        new Seed(60, "Product Hunt listing", null, "other", Map.of("url", "https://producthunt.com"), null));
        for (Seed seed : seeds) {
            Instant occurredAt = today.minusDays(seed.daysAgo()).atTime(9, 0).toInstant(ZoneOffset.UTC);
            data.upsertSignal(seed.externalId(), existing -> new SignalRow(ids.incrementAndGet(), site.id(), occurredAt,
                    seed.title(), seed.description(), seed.category(), seed.metadata(), seed.externalId(),
                    occurredAt.plus(Duration.ofMinutes(5))));
        }
    }

    /** Weekly reports for the last eight weeks, their numbers taken from the seeded hits so they agree with them. */
    private void seedInsights(SiteData data) {
        List<HitRow> hits = data.hits();
        List<SignalRow> signals = data.signals();
        // Reports are generated at 06:00 UTC for the previous day; before that hour today's is not out yet.
        boolean todaysReportOut = !now.isBefore(today.atTime(6, 0).toInstant(ZoneOffset.UTC));
        LocalDate newest = today.minusDays(todaysReportOut ? 1 : 2);
        for (int week = 7; week >= 0; week--) {
            LocalDate forDate = newest.minusDays(7L * week);
            Instant generatedAt = forDate.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC);
            Instant windowStart = forDate.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant();
            long current = countBetween(hits, windowStart, generatedAt);
            long previous = countBetween(hits, windowStart.minus(Duration.ofDays(7)), windowStart);
            long change = current - previous;
            double percentage = previous == 0 ? 0.0 : Json.round(100.0 * change / previous, 1);
            String direction = change >= 0 ? "increase" : "decrease";
            String topPath = topPath(hits, windowStart, generatedAt);
            List<Map<String, Object>> detected = List.of(
                    Json.object(
                            "type", "traffic_change",
                            "headline", "Traffic is " + (change >= 0 ? "up " : "down ") + Math.round(Math.abs(percentage))
                                    + "% this week",
                            "summary", "The site picked up " + current + " hits in the last 7 days, " + (change >= 0 ? "up" : "down")
                                    + " from " + previous + " the week before.",
                            "importance_score", (int) Math.min(100, 30 + Math.abs(percentage)),
                            "detected_at", Json.time(generatedAt),
                            "window", Json.object("started_at", Json.time(windowStart), "ended_at", Json.time(generatedAt)),
                            "payload_excerpt", Json.object(
                                    "direction", direction,
                                    "current_hits", current,
                                    "previous_hits", previous,
                                    "absolute_change", change,
                                    "change_percentage", percentage)),
                    Json.object(
                            "type", "top_content",
                            "headline", topPath + " led the week",
                            "summary", topPath + " was the most viewed page in the last 7 days.",
                            "importance_score", 40,
                            "detected_at", Json.time(generatedAt),
                            "window", Json.object("started_at", Json.time(windowStart), "ended_at", Json.time(generatedAt)),
                            "payload_excerpt", Json.object("path", topPath)));
            List<SignalRow> context = signals.stream()
                    .filter(s -> !s.occurredAt().isBefore(windowStart) && s.occurredAt().isBefore(generatedAt))
                    .toList();
            String weekday = forDate.format(DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH));
            data.addInsight(new InsightReportRow(ids.incrementAndGet(), forDate, generatedAt,
                    "Traffic " + (change >= 0 ? "rose" : "dipped") + " this week, with " + topPath + " doing most of the lifting.",
                    detected,
                    "Visits were spread across the week, peaking on " + weekday + "; afternoons (UTC) remain your strongest hours.",
                    topPath + " is one of the site's top pages this week.",
                    context.isEmpty() ? "Consider sharing " + topPath + " again while interest is high."
                            : "Your " + context.get(0).category() + " activity lines up with the change; keep the rhythm going.",
                    context));
        }
    }

    private void seedUptime(SiteData data) {
        SiteRow site = data.site();
        List<DowntimeRow> downtimes = new ArrayList<>();
        Instant base = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        downtimes.add(new DowntimeRow(ids.incrementAndGet(), "Connection timed out", base.minus(Duration.ofDays(4)).plusSeconds(3 * 3600),
                base.minus(Duration.ofDays(4)).plusSeconds(3 * 3600 + 900), false));
        downtimes.add(new DowntimeRow(ids.incrementAndGet(), "HTTP 502 Bad Gateway", base.minus(Duration.ofDays(41)).plusSeconds(22 * 3600),
                base.minus(Duration.ofDays(41)).plusSeconds(22 * 3600 + 180), true));
        downtimes.add(new DowntimeRow(ids.incrementAndGet(), "SSL handshake failed", base.minus(Duration.ofDays(90)).plusSeconds(11 * 3600),
                base.minus(Duration.ofDays(90)).plusSeconds(11 * 3600 + 2400), false));
        if (site.id() == DemoAccounts.SHOP_SITE_ID) {
            // The shop is down right now: an ongoing outage that began 25 minutes before seeding.
            downtimes.add(new DowntimeRow(ids.incrementAndGet(), "HTTP 503 Service Unavailable", now.minus(Duration.ofMinutes(25))
                    .truncatedTo(ChronoUnit.SECONDS), null, false));
        }
        downtimes.sort(Comparator.comparing(DowntimeRow::startedAt).reversed());
        data.uptimeMonitor(new UptimeMonitorRow(ids.incrementAndGet(), site.url(), site.createdAt(),
                base.plus(Duration.ofDays(site.id() == DemoAccounts.SHOP_SITE_ID ? 12 : 168)),
                base.plus(Duration.ofDays(472)), base, List.copyOf(downtimes)));
    }

    private void seedContent(SiteData data, List<String> paths) {
        SiteRow site = data.site();
        Instant checkedAt = today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(16));
        List<ContentIssueRow> links = new ArrayList<>();
        if (site.id() == DemoAccounts.BLOG_SITE_ID) {
            links.add(new ContentIssueRow(ids.incrementAndGet(), site.url() + "/old-page", 404, "Not Found", "broken_link", checkedAt, false));
            links.add(new ContentIssueRow(ids.incrementAndGet(), "https://gone.example.net/article", 0, "DNS resolution failed",
                    "broken_link", checkedAt, false));
            links.add(new ContentIssueRow(ids.incrementAndGet(), "http://images.example.com/header.png", 200,
                    "Insecure resource loaded over HTTP", "mixed_content", checkedAt, false));
            links.add(new ContentIssueRow(ids.incrementAndGet(), "https://twitter.com/alice", 403, "Forbidden", "broken_link",
                    checkedAt, true));
        }
        for (String path : paths) {
            links.add(new ContentIssueRow(ids.incrementAndGet(), site.url() + path, 200, null, null, checkedAt, false));
        }
        data.contentMonitor(new ContentMonitorRow(site.id() == DemoAccounts.BLOG_SITE_ID ? "/blog" : "/", checkedAt, List.copyOf(links)));
    }

    private static long countBetween(List<HitRow> hits, Instant from, Instant until) {
        return hits.stream().map(HitRow::visit)
                .filter(v -> !v.createdAt().isBefore(from) && v.createdAt().isBefore(until))
                .count();
    }

    private static String topPath(List<HitRow> hits, Instant from, Instant until) {
        Map<String, Long> counts = new HashMap<>();
        hits.stream().map(HitRow::visit).filter(v -> !v.createdAt().isBefore(from) && v.createdAt().isBefore(until))
                .forEach(v -> counts.merge(v.path(), 1L, Long::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("/");
    }

    /** Another page than the current one: reloads would make dull journeys. */
    private String nextPath(List<String> paths, String current) {
        String next = pick(paths);
        return next.equals(current) ? paths.get((paths.indexOf(next) + 1) % paths.size()) : next;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
