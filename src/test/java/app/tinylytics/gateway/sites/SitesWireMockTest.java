package app.tinylytics.gateway.sites;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class SitesWireMockTest {

    static final String SITE_JSON = """
            {"id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog",
             "lifetime_hits": 12340, "lifetime_unique_hits": 8920, "lifetime_kudos": 87,
             "active": true, "public": false, "created_at": "2025-06-01T12:00:00Z",
             "updated_at": "2026-02-14T09:30:00Z", "some_future_field": {"x": 1}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void sitesMapsEveryUpstreamField() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": [" + SITE_JSON + "]}")));

        GraphQL.document("sites").post()
                .body("errors", nullValue())
                .body("data.sites[0].id", equalTo("456"))
                .body("data.sites[0].uid", equalTo("abc123"))
                .body("data.sites[0].label", equalTo("My Blog"))
                .body("data.sites[0].lifetimeHits", equalTo(12340))
                .body("data.sites[0].lifetimeUniqueHits", equalTo(8920))
                .body("data.sites[0].lifetimeKudos", equalTo(87))
                .body("data.sites[0].active", equalTo(true))
                .body("data.sites[0].public", equalTo(false))
                .body("data.sites[0].createdAt", equalTo("2025-06-01T12:00:00Z"));
    }

    @Test
    void serverReadKeyAndJsonAcceptAreSentUpstream() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": []}")));

        GraphQL.document("sites").post().body("data.sites.size()", equalTo(0));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites"))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_READ)))
                .withHeader("Accept", WireMock.equalTo("application/json")));
    }

    @Test
    void callerKeyIsForwardedInsteadOfTheServerKey() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": []}")));

        GraphQL.document("sites").withKey(TestKeys.CALLER_READ).post();

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites"))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
    }

    @Test
    void unknownSiteIsNull() {
        upstream.stubFor(get("/api/v1/sites/999").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Site not found\"}")));

        GraphQL.document("site").variable("id", "999").post()
                .body("errors", nullValue())
                .body("data.site", nullValue());
    }

    @Test
    void nonNumericSiteIdIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("site").variable("id", "abc").post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'id' must be a numeric site id (a positive integer)."));

        upstream.verify(0, getRequestedFor(urlPathMatching(".*")));
    }
}
