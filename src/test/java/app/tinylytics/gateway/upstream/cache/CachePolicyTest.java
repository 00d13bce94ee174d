package app.tinylytics.gateway.upstream.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.support.TestConfig;
import app.tinylytics.gateway.upstream.DateRange;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamQuery;
import app.tinylytics.gateway.upstream.dto.CacheInfoDto;
import app.tinylytics.gateway.upstream.dto.LeaderboardDto;

/** Which key a read is cached under and how long it stays fresh, per endpoint, without booting the app. */
class CachePolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final GatewayConfig config = TestConfig.gateway(Map.of());
    private final CachePolicy policy = new CachePolicy(config.cache().ttl(), config.cache().staleWindow(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private String key(Endpoint endpoint, UpstreamQuery query) {
        return policy.keyFor("id", endpoint, 456, query).encoded();
    }

    @Test
    void leavingTheRangeOutAndSpellingOutTodaysDefaultShareAnEntry() {
        UpstreamQuery explicit = UpstreamQuery.over(new DateRange(TODAY.minusDays(30), TODAY, false));

        assertEquals(key(Endpoint.HITS, UpstreamQuery.create()), key(Endpoint.HITS, explicit));
        assertEquals(key(Endpoint.HITS, UpstreamQuery.over(DateRange.DEFAULT)), key(Endpoint.HITS, explicit));
    }

    @Test
    void aMissingStartDefaultsToThirtyDaysBeforeTodayNotBeforeTheEnd() {
        LocalDate end = LocalDate.of(2026, 1, 1);
        UpstreamQuery endOnly = UpstreamQuery.over(new DateRange(null, end, false));
        UpstreamQuery thirtyDaysBeforeEnd = UpstreamQuery.over(new DateRange(end.minusDays(30), end, false));
        UpstreamQuery asUpstreamReadsIt = UpstreamQuery.over(new DateRange(TODAY.minusDays(30), end, false));

        assertNotEquals(key(Endpoint.HITS, thirtyDaysBeforeEnd), key(Endpoint.HITS, endOnly));
        assertEquals(key(Endpoint.HITS, asUpstreamReadsIt), key(Endpoint.HITS, endOnly));
    }

    @Test
    void aRangeInTheAccountsTimeZoneIsKeptAsSent() {
        UpstreamQuery account = UpstreamQuery.over(new DateRange(null, null, true));

        assertEquals("id|HITS|456|time_zone=user", key(Endpoint.HITS, account));
    }

    @Test
    void endpointsWithoutARangeGetNoDates() {
        assertEquals("id|LEADERBOARD|456|page=2", key(Endpoint.LEADERBOARD, UpstreamQuery.create().with("page", 2)));
    }

    @Test
    void eachFreshnessClassHasItsConfiguredTtl() {
        GatewayConfig.Ttl ttl = config.cache().ttl();
        Map<Endpoint, Duration> expected = Map.of(Endpoint.ME, ttl.account(), Endpoint.SITES, ttl.account(),
                Endpoint.SITE, ttl.account(), Endpoint.HITS, ttl.analytics(), Endpoint.KUDOS, ttl.analytics(),
                Endpoint.JOURNEYS, ttl.analytics(), Endpoint.INSIGHTS, ttl.insights(), Endpoint.SIGNALS, ttl.insights(),
                Endpoint.UPTIME, ttl.monitoring(), Endpoint.CONTENT, ttl.monitoring());

        expected.forEach((endpoint, duration) -> assertEquals(NOW.plus(duration),
                policy.freshUntil(endpoint, UpstreamQuery.create(), new Object(), NOW), endpoint.name()));
    }

    @Test
    void everyReadEndpointIsCachedAndEveryWriteIsNot() {
        for (Endpoint endpoint : Endpoint.values()) {
            Instant freshUntil = policy.freshUntil(endpoint, UpstreamQuery.create(), leaderboardExpiring(NOW.plusSeconds(60)), NOW);
            assertEquals(!endpoint.isWrite(), freshUntil.isAfter(NOW), endpoint.name());
        }
    }

    @Test
    void aRangeThatEndedBeforeTodayStaysFreshLonger() {
        UpstreamQuery closed = UpstreamQuery.over(new DateRange(null, TODAY.minusDays(1), false));
        UpstreamQuery closedInTheAccountZone = UpstreamQuery.over(new DateRange(null, TODAY.minusDays(1), true));

        assertEquals(NOW.plus(config.cache().ttl().analyticsClosedRange()), policy.freshUntil(Endpoint.HITS, closed, null, NOW));
        assertEquals(NOW.plus(config.cache().ttl().analytics()), policy.freshUntil(Endpoint.HITS, closedInTheAccountZone, null, NOW),
                "yesterday in UTC may still be today in the account's zone");
    }

    @Test
    void theLeaderboardIsFreshExactlyUntilItsOwnExpiryOrTheFallbackWithoutOne() {
        Instant expiresAt = NOW.plusSeconds(1234);

        assertEquals(expiresAt, policy.freshUntil(Endpoint.LEADERBOARD, UpstreamQuery.create(), leaderboardExpiring(expiresAt), NOW));
        assertEquals(NOW.plus(config.cache().ttl().leaderboardFallback()),
                policy.freshUntil(Endpoint.LEADERBOARD, UpstreamQuery.create(), new LeaderboardDto(List.of(), null, null), NOW));
    }

    @Test
    void anEntryIsKeptForTheStaleWindowPastItsFreshness() {
        CachedRead read = new CachedRead(new byte[0], NOW.toEpochMilli(), NOW.plusSeconds(60).toEpochMilli(), 0);

        assertEquals(NOW.plusSeconds(60).plus(config.cache().staleWindow()), policy.keepUntil(read));
    }

    @Test
    void aLiveSubscriberAskingMoreOftenThanTheTtlIsRefreshedAsOftenAsItAsked() {
        CachedRead fortySecondsOld = fetched(NOW.minusSeconds(40), NOW.plusSeconds(20)); // fresh by the 60 s TTL

        assertEquals(Duration.ofSeconds(30), policy.wantedAge(Endpoint.KUDOS, UpstreamQuery.create(), Duration.ofSeconds(30)));
        assertFalse(policy.isFreshFor(fortySecondsOld, Endpoint.KUDOS, UpstreamQuery.create(), Duration.ofSeconds(30), NOW, 1));
        assertTrue(policy.isFreshFor(fortySecondsOld, Endpoint.KUDOS, UpstreamQuery.create(), Duration.ofMinutes(1), NOW, 1));
    }

    @Test
    void theBudgetsFactorStretchesWhatASubscriberAskedFor() {
        CachedRead fiftySecondsOld = fetched(NOW.minusSeconds(50), NOW.plusSeconds(10));

        assertFalse(policy.isFreshFor(fiftySecondsOld, Endpoint.HITS, UpstreamQuery.create(), Duration.ofSeconds(30), NOW, 1));
        assertTrue(policy.isFreshFor(fiftySecondsOld, Endpoint.HITS, UpstreamQuery.create(), Duration.ofSeconds(30), NOW, 2));
    }

    @Test
    void anExpiryUpstreamDeclaresIsNeitherPolledNorPlannedSoonerThanItComes() {
        CachedRead tenMinutesOld = fetched(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(50)));

        assertEquals(policy.ttl(Endpoint.LEADERBOARD, UpstreamQuery.create()),
                policy.wantedAge(Endpoint.LEADERBOARD, UpstreamQuery.create(), Duration.ofSeconds(30)));
        assertTrue(policy.isFreshFor(tenMinutesOld, Endpoint.LEADERBOARD, UpstreamQuery.create(), Duration.ofSeconds(30), NOW, 1));
        assertFalse(policy.isFreshFor(fetched(NOW.minus(Duration.ofMinutes(61)), NOW.minusSeconds(60)), Endpoint.LEADERBOARD,
                UpstreamQuery.create(), Duration.ofHours(2), NOW, 3), "never past the expiry upstream declared");
    }

    @Test
    void aRangeThatHasEndedKeepsItsTtlWhateverASubscriberAsks() {
        UpstreamQuery closed = UpstreamQuery.over(new DateRange(TODAY.minusDays(7), TODAY.minusDays(1), false));

        assertEquals(config.cache().ttl().analyticsClosedRange(), policy.wantedAge(Endpoint.HITS, closed, Duration.ofSeconds(30)));
        assertEquals(config.cache().ttl().analytics(), policy.wantedAge(Endpoint.HITS, UpstreamQuery.create(), null),
                "without a subscriber, a read is wanted as fresh as its TTL");
    }

    private static CachedRead fetched(Instant at, Instant freshUntil) {
        return new CachedRead(new byte[0], at.toEpochMilli(), freshUntil.toEpochMilli(), 0);
    }

    private static LeaderboardDto leaderboardExpiring(Instant expiresAt) {
        return new LeaderboardDto(List.of(), null, new CacheInfoDto(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)));
    }
}
