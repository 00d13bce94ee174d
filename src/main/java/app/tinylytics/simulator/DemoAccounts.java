package app.tinylytics.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The fixed demo accounts, keys and sites of the simulator; other tests and the dev setup rely on these
 * exact values, so change them only together with everything that uses them.
 */
public final class DemoAccounts {

    public static final String ALICE_READ_KEY = "tly-ro-demo-alice-read";
    public static final String ALICE_FULL_KEY = "tly-fa-demo-alice-full";
    public static final String ALICE_REVOKED_KEY = "tly-ro-demo-alice-revoked";
    public static final String BOB_READ_KEY = "tly-ro-demo-bob-read";
    public static final String BOB_FULL_KEY = "tly-fa-demo-bob-full";
    /** Carol's reader: the benchmark's economy scenario polls her ten sites. */
    public static final String CAROL_READ_KEY = "tly-ro-demo-carol-read";
    /** Carol's kudos button: the benchmark gives kudos with it, straight to the API, to see how soon dashboards show them. */
    public static final String CAROL_FULL_KEY = "tly-fa-demo-carol-full";

    public static final long ALICE_ID = 123;
    public static final long BOB_ID = 124;
    public static final long CAROL_ID = 125;

    /** Alice's main site: unique tracking, insights, uptime and content monitoring all on. */
    public static final long BLOG_SITE_ID = 456;
    /** Alice's bare site: no unique tracking, insights off, no uptime monitor, content monitoring off. */
    public static final long DOCS_SITE_ID = 457;
    /** Alice's shop: insights and content on, uptime monitor currently reporting an ongoing downtime. */
    public static final long SHOP_SITE_ID = 458;
    /** Bob's only site; Bob has no subscription. */
    public static final long BOB_SITE_ID = 900;
    /** Carol's ten plain sites are 601 to 610 (traffic only, no premium features): a ten-site dashboard. */
    public static final long CAROL_FIRST_SITE_ID = 601;
    public static final int CAROL_SITE_COUNT = 10;

    public static final AccountRow ALICE = new AccountRow(ALICE_ID, "alice@example.com", true,
            ZoneId.of("Europe/Warsaw"), Instant.parse("2025-06-01T12:00:00Z"));
    public static final AccountRow BOB = new AccountRow(BOB_ID, "bob@example.com", false,
            ZoneId.of("America/New_York"), Instant.parse("2025-09-15T08:30:00Z"));
    public static final AccountRow CAROL = new AccountRow(CAROL_ID, "carol@example.com", false,
            ZoneId.of("UTC"), Instant.parse("2025-10-01T10:00:00Z"));

    public static final Map<String, DemoKey> KEYS = Map.of(
            ALICE_READ_KEY, new DemoKey(ALICE_ID, "Dashboard", false, false),
            ALICE_FULL_KEY, new DemoKey(ALICE_ID, "Backend tracking", true, false),
            ALICE_REVOKED_KEY, new DemoKey(ALICE_ID, "Old laptop", false, true),
            BOB_READ_KEY, new DemoKey(BOB_ID, "Bob's reader", false, false),
            BOB_FULL_KEY, new DemoKey(BOB_ID, "Bob's tracker", true, false),
            CAROL_READ_KEY, new DemoKey(CAROL_ID, "Carol's wall dashboard", false, false),
            CAROL_FULL_KEY, new DemoKey(CAROL_ID, "Carol's kudos button", true, false));

    // Carol's sites come last so that seeding them leaves Alice's and Bob's (random, but fixed-seed) data unchanged.
    public static final List<SiteRow> SITES = Stream.concat(Stream.of(
            new SiteRow(BLOG_SITE_ID, "abc123", "https://example.com", "My Blog", ALICE_ID,
                    true, true, true, true, true, false, Instant.parse("2025-06-01T12:00:00Z")),
            new SiteRow(DOCS_SITE_ID, "def456", "https://docs.example.com", "Docs", ALICE_ID,
                    false, false, false, false, false, true, Instant.parse("2025-07-10T09:00:00Z")),
            new SiteRow(SHOP_SITE_ID, "ghi789", "https://shop.example.com", "Shop", ALICE_ID,
                    true, true, false, true, true, false, Instant.parse("2025-08-20T15:45:00Z")),
            new SiteRow(BOB_SITE_ID, "bob900", "https://bob.example.org", "Bob's Garden", BOB_ID,
                    true, false, false, false, false, true, Instant.parse("2025-09-15T08:45:00Z"))),
            LongStream.range(0, CAROL_SITE_COUNT).mapToObj(n -> new SiteRow(CAROL_FIRST_SITE_ID + n,
                    "carol" + (CAROL_FIRST_SITE_ID + n), "https://site" + (n + 1) + ".carol.example.net",
                    "Carol's site " + (n + 1), CAROL_ID, true, false, false, false, false, false,
                    Instant.parse("2025-10-01T10:15:00Z")))).toList();

    private DemoAccounts() {
    }

    public static Optional<AccountRow> account(long id) {
        return Optional.ofNullable(id == ALICE_ID ? ALICE : id == BOB_ID ? BOB : id == CAROL_ID ? CAROL : null);
    }

    public static Optional<SiteRow> site(long id) {
        return SITES.stream().filter(s -> s.id() == id).findFirst();
    }

    public static List<SiteRow> sitesOf(long accountId) {
        return SITES.stream().filter(s -> s.accountId() == accountId).toList();
    }
}
