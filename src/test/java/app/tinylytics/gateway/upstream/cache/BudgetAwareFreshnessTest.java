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

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.testing.MovableClock;

/**
 * The freshest data the budget allows: more distinct reads than the key's hour can keep fresh stretch every read's
 * freshness evenly (and the answer says so), and a site already in the cached site list costs no read of its own.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class BudgetAwareFreshnessTest {

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MovableClock clock;

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
}
