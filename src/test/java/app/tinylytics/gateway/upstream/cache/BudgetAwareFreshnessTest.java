package app.tinylytics.gateway.upstream.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.operation.Operation;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.operation.ReadUse;
import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamAuth;
import app.tinylytics.gateway.upstream.dto.SiteDto;
import app.tinylytics.testing.MovableClock;

/**
 * The freshest data the budget allows: more distinct reads than the key's hour can keep fresh stretch every read's
 * freshness evenly (and the answer says so), and a site already in the cached site list, or in the one being fetched,
 * costs no read of its own.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class BudgetAwareFreshnessTest {

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MovableClock clock;
    @Inject
    TinylyticsClient tinylytics;
    @Inject
    Operations operations;
    @Inject
    KeyIdentities identities;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson("{\"hits\": []}")));
    }

    @Test
    void moreReadsThanTheBudgetKeepsFreshStretchesTheirFreshnessAndTheAnswerSaysHowMuch() {
        // 20 distinct hits reads with a 60 s TTL would need 1,200 requests an hour; the budget is 950 past the reserve.
        for (int page = 1; page <= 20; page++) {
            GraphQL.document("hits").variable("id", "456").variable("page", page).post().body("errors", nullValue());
        }
        upstream.verify(20, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));

        clock.advance(Duration.ofSeconds(70)); // past the 60 s TTL, within 60 s x 1200/950

        GraphQL.document("hits").variable("id", "456").variable("page", 1).post()
                .body("errors", nullValue())
                .body("extensions.cache.freshnessFactor", greaterThan(1.2f));
        upstream.verify(20, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
        given().get("/q/metrics").then().body(containsString("gateway_freshness_factor{key=\"read\"} 1.2"));
    }

    @Test
    void aSiteInTheCachedSiteListIsAnsweredWithoutReadingIt() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": [" + SiteStubs.SITE_456_JSON + "]}")));

        GraphQL.document("sites-ids").post();
        GraphQL.document("site").variable("id", "456").post().body("data.site.label", equalTo("My Blog"));

        upstream.verify(0, getRequestedFor(urlEqualTo("/api/v1/sites/456")));
    }

    @Test
    void aSiteAskedWhileTheSiteListIsBeingFetchedIsAnsweredFromThatFetch() {
        // The dashboard's moment: the list is not fresh (here: not cached yet), and the same query asks for it too.
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": [" + SiteStubs.SITE_456_JSON + "]}")
                .withFixedDelay(300)));

        GraphQL.document("sites-and-site").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.label", equalTo("My Blog"));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
        upstream.verify(0, getRequestedFor(urlEqualTo("/api/v1/sites/456")));
    }

    @Test
    void aSiteAnsweredFromTheCachedSiteListIsAReadOfThatListWhichALiveSubscriptionWatches() {
        SiteStubs.siteList456(upstream);
        UpstreamAuth auth = UpstreamAuth.forwarded(identities.of(TestKeys.SERVER_READ));
        tinylytics.sites(auth).await().indefinitely(); // the list is cached (or already was)
        int listReads = upstream.findAll(getRequestedFor(urlEqualTo("/api/v1/sites"))).size();

        Operation subscription = operations.newOperation();
        List<String> watched = new CopyOnWriteArrayList<>();
        List<Function<Duration, Uni<Long>>> refreshes = new CopyOnWriteArrayList<>();
        subscription.watchReads((readId, refresh) -> {
            watched.add(readId);
            refreshes.add(refresh);
        });
        SiteDto site = operations.within(subscription, () -> tinylytics.site(auth, 456)).await().indefinitely();

        assertEquals("My Blog", site.label());
        upstream.verify(0, getRequestedFor(urlEqualTo("/api/v1/sites/456")));
        assertEquals(List.of(Endpoint.SITES.name()), subscription.reads().stream().map(ReadUse::endpoint).toList(),
                "the answer used the list: a cached answer lasts no longer than it");
        assertEquals(1, watched.size(), "the subscription watches the list, so a changed label or hit count reaches it");

        refreshes.get(0).apply(Duration.ZERO).await().indefinitely(); // a poll wanting data younger than now
        upstream.verify(listReads + 1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }
}
