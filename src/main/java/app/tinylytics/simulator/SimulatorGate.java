package app.tinylytics.simulator;

import java.time.Clock;

import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The before-actions every authenticated endpoint runs, in the order a Rails controller would: key check
 * (401), rate limit (429), write access (403), subscription (403), then the site lookup scoped to the
 * caller's account (404).
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Singleton
public class SimulatorGate {

    private static final String BEARER = "bearer ";

    private final SimulatorStore store;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    SimulatorGate(SimulatorStore store, RateLimiter rateLimiter, Clock clock) {
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** Authenticates a read of account-level data. */
    public KeyHolder read(String authorization) {
        KeyHolder caller = authenticate(authorization);
        rateLimiter.acquire(caller.secret());
        store.keyUsed(caller.secret(), clock.instant());
        return caller;
    }

    /** Authenticates a read of one site's core data and returns the site. */
    public SiteData readSite(SiteParams site) {
        return siteOf(read(site.authorization), site.id);
    }

    /** Authenticates a write (full-access key required) to one site. */
    public SiteData writeSite(SiteParams site) {
        KeyHolder caller = read(site.authorization);
        requireFullAccess(caller);
        return siteOf(caller, site.id);
    }

    /** Authenticates a premium read (subscription required) of one site. */
    public SiteData premiumSite(SiteParams site) {
        KeyHolder caller = read(site.authorization);
        requireSubscription(caller);
        return siteOf(caller, site.id);
    }

    /** Authenticates a premium write (full access and subscription required) to one site. */
    public SiteData premiumWriteSite(SiteParams site) {
        KeyHolder caller = read(site.authorization);
        requireFullAccess(caller);
        requireSubscription(caller);
        return siteOf(caller, site.id);
    }

    private KeyHolder authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw SimulatorException.of(401, "Missing API key");
        }
        String token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : "";
        DemoKey key = DemoAccounts.KEYS.get(token);
        if (key == null) {
            throw SimulatorException.of(401, "Invalid API key");
        }
        if (key.revoked()) {
            throw SimulatorException.of(401, "API key has been revoked");
        }
        return new KeyHolder(token, key, DemoAccounts.account(key.accountId()).orElseThrow());
    }

    private static void requireFullAccess(KeyHolder caller) {
        if (!caller.key().fullAccess()) {
            throw SimulatorException.of(403, "This endpoint requires a full access API key");
        }
    }

    private static void requireSubscription(KeyHolder caller) {
        if (!caller.account().subscribed()) {
            throw SimulatorException.of(403, "This endpoint requires an active subscription");
        }
    }

    private SiteData siteOf(KeyHolder caller, String siteId) {
        long id;
        try {
            id = Long.parseLong(siteId);
        } catch (NumberFormatException e) {
            throw SimulatorException.notFound("Site not found");
        }
        return store.site(id)
                .filter(data -> data.site().accountId() == caller.account().id())
                .orElseThrow(() -> SimulatorException.notFound("Site not found"));
    }
}
