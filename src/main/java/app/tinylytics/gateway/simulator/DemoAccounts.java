package app.tinylytics.gateway.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public static final long ALICE_ID = 123;
    public static final long BOB_ID = 124;

    /** Alice's main site: unique tracking, insights, uptime and content monitoring all on. */
    public static final long BLOG_SITE_ID = 456;
    /** Alice's bare site: no unique tracking, insights off, no uptime monitor, content monitoring off. */
    public static final long DOCS_SITE_ID = 457;
    /** Alice's shop: insights and content on, uptime monitor currently reporting an ongoing downtime. */
    public static final long SHOP_SITE_ID = 458;
    /** Bob's only site; Bob has no subscription. */
    public static final long BOB_SITE_ID = 900;

    public static final Account ALICE = new Account(ALICE_ID, "alice@example.com", true,
            ZoneId.of("Europe/Warsaw"), Instant.parse("2025-06-01T12:00:00Z"));
    public static final Account BOB = new Account(BOB_ID, "bob@example.com", false,
            ZoneId.of("America/New_York"), Instant.parse("2025-09-15T08:30:00Z"));

    public static final Map<String, DemoKey> KEYS = Map.of(
            ALICE_READ_KEY, new DemoKey(ALICE_ID, "Dashboard", false, false),
            ALICE_FULL_KEY, new DemoKey(ALICE_ID, "Backend tracking", true, false),
            ALICE_REVOKED_KEY, new DemoKey(ALICE_ID, "Old laptop", false, true),
            BOB_READ_KEY, new DemoKey(BOB_ID, "Bob's reader", false, false),
            BOB_FULL_KEY, new DemoKey(BOB_ID, "Bob's tracker", true, false));

    public static final List<Site> SITES = List.of(
            new Site(BLOG_SITE_ID, "abc123", "https://example.com", "My Blog", ALICE_ID,
                    true, true, true, true, true, false, Instant.parse("2025-06-01T12:00:00Z")),
            new Site(DOCS_SITE_ID, "def456", "https://docs.example.com", "Docs", ALICE_ID,
                    false, false, false, false, false, true, Instant.parse("2025-07-10T09:00:00Z")),
            new Site(SHOP_SITE_ID, "ghi789", "https://shop.example.com", "Shop", ALICE_ID,
                    true, true, false, true, true, false, Instant.parse("2025-08-20T15:45:00Z")),
            new Site(BOB_SITE_ID, "bob900", "https://bob.example.org", "Bob's Garden", BOB_ID,
                    true, false, false, false, false, true, Instant.parse("2025-09-15T08:45:00Z")));

    private DemoAccounts() {
    }

    public static Optional<Account> account(long id) {
        return Optional.ofNullable(id == ALICE_ID ? ALICE : id == BOB_ID ? BOB : null);
    }

    public static Optional<Site> site(long id) {
        return SITES.stream().filter(s -> s.id() == id).findFirst();
    }

    public static List<Site> sitesOf(long accountId) {
        return SITES.stream().filter(s -> s.accountId() == accountId).toList();
    }
}
