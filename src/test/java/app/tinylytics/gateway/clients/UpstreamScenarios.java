package app.tinylytics.gateway.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * The Tinylytics upstream of the client suite: every answer the Node tests rely on, each produced by one
 * specific site id or forwarded key, so every code of the error table can be asked for on purpose.
 * {@code src/test/js/clients/support/scenarios.js} names the same sites and keys for the Node side.
 */
final class UpstreamScenarios {

    /** Server keys handed to the jar (fake). */
    static final String SERVER_READ_KEY = "tly-ro-client-suite-server-read";
    static final String SERVER_WRITE_KEY = "tly-fa-client-suite-server-write";

    /** A healthy site: reads answer, kudos and hits can be written, one kudo uid is unknown. */
    static final int SITE_OK = 456;
    /** Answers its own reads, but the account has no subscription: insights are 403. */
    static final int SITE_NO_SUBSCRIPTION = 4031;
    /** Answers its own reads, but insights are off for it: signals are 403 mentioning insights. */
    static final int SITE_INSIGHTS_OFF = 4032;
    /** Answers its own reads; hits answer 500, kudos 429 and the leaderboard an HTML page. */
    static final int SITE_FAILING = 5000;
    /** Answers its own reads; the connection of every hits request is reset. */
    static final int SITE_UNREACHABLE_HITS = 5030;
    /** Refuses every kudo with upstream's 422 and its {@code errors[]}. */
    static final int SITE_REJECTING_KUDOS = 4220;

    /** The kudo uid that {@code DELETE /sites/456/kudos/:uid} does not know (404). */
    static final String UNKNOWN_KUDO_UID = "no-such-kudo";
    /** Seconds in the 429s' {@code Retry-After}: far beyond the gateway's retry ceiling, so never waited out. */
    static final int RETRY_AFTER_SECONDS = 3600;

    /** Forwarded keys starting so are revoked: 401 everywhere. */
    static final String REVOKED_KEY_PREFIX = "tly-ro-client-suite-revoked";
    /** Forwarded keys starting so have spent upstream's hourly limit: 429 everywhere. */
    static final String SPENT_KEY_PREFIX = "tly-ro-client-suite-spent";
    /** Forwarded keys starting so are read-only: every write is 403. */
    static final String READ_ONLY_KEY_PREFIX = "tly-ro-client-suite-reader";
    /** Forwarded keys starting so are full-access: hits written to site 456 are created. */
    static final String FULL_ACCESS_KEY_PREFIX = "tly-fa-client-suite-writer";

    /** Key stubs win over site stubs: a revoked key is refused whatever it asks for. */
    private static final int KEY_PRIORITY = 1;
    private static final int SITE_PRIORITY = 5;
    private static final int FALLBACK_PRIORITY = 10;
    /** The 429 of the failing site answers late, so the site's other reads have been sent before the key is blocked. */
    private static final int LATE_MILLIS = 500;

    private UpstreamScenarios() {
    }

    static void stubAll(WireMockServer upstream) {
        stubKeys(upstream);
        stubHealthySite(upstream);
        stubPremiumRefusals(upstream);
        stubFailures(upstream);
        stubWrites(upstream);
        // Like the real API, anything else is a JSON 404 (an unknown site resolves to null), and WireMock has
        // no unmatched request to report with its headers.
        upstream.stubFor(any(anyUrl()).atPriority(FALLBACK_PRIORITY).willReturn(json(404, "{\"error\": \"Not found\"}")));
    }

    private static void stubKeys(WireMockServer upstream) {
        upstream.stubFor(any(anyUrl()).atPriority(KEY_PRIORITY)
                .withHeader("Authorization", matching("Bearer " + REVOKED_KEY_PREFIX + ".*"))
                .willReturn(json(401, "{\"error\": \"Invalid API key\"}")));
        upstream.stubFor(any(anyUrl()).atPriority(KEY_PRIORITY)
                .withHeader("Authorization", matching("Bearer " + SPENT_KEY_PREFIX + ".*"))
                .willReturn(json(429, "{\"error\": \"Rate limit exceeded\"}")
                        .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))));
        upstream.stubFor(post(urlPathEqualTo("/api/v1/sites/" + SITE_OK + "/hits")).atPriority(KEY_PRIORITY)
                .withHeader("Authorization", matching("Bearer " + READ_ONLY_KEY_PREFIX + ".*"))
                .willReturn(json(403, "{\"error\": \"Full access API key required\"}")));
    }

    private static void stubHealthySite(WireMockServer upstream) {
        upstream.stubFor(get("/api/v1/sites").atPriority(SITE_PRIORITY).willReturn(json(200, """
                {"sites": [%s, %s]}""".formatted(site(SITE_OK, "My Blog"), site(SITE_NO_SUBSCRIPTION, "Side project")))));
        stubSite(upstream, SITE_OK, "My Blog");
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_OK + "/hits")).atPriority(SITE_PRIORITY)
                .withQueryParam("per_page", equalTo("2"))
                .willReturn(json(200, """
                        {"hits": [
                          {"id": 789, "url": "https://example.com/pricing", "path": "/pricing", "country": "US",
                           "is_mobile": false, "created_at": "2026-02-13T14:22:00Z"},
                          {"id": 790, "url": "https://example.com/blog", "path": "/blog", "country": "PL",
                           "is_mobile": true, "created_at": "2026-02-13T15:01:00Z"}],
                         "pagination": {"current_page": 1, "per_page": 2, "total_count": 57, "total_pages": 29}}""")));
    }

    private static void stubPremiumRefusals(WireMockServer upstream) {
        stubSite(upstream, SITE_NO_SUBSCRIPTION, "Side project");
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_NO_SUBSCRIPTION + "/insights")).atPriority(SITE_PRIORITY)
                .willReturn(json(403, "{\"error\": \"This endpoint requires an active subscription\"}")));
        stubSite(upstream, SITE_INSIGHTS_OFF, "Quiet site");
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_INSIGHTS_OFF + "/signals")).atPriority(SITE_PRIORITY)
                .willReturn(json(403, "{\"error\": \"Insights are not enabled for this site\"}")));
    }

    private static void stubFailures(WireMockServer upstream) {
        stubSite(upstream, SITE_FAILING, "Flaky shop");
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_FAILING + "/hits")).atPriority(SITE_PRIORITY)
                .willReturn(json(500, "{\"error\": \"Internal Server Error\"}")));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_FAILING + "/kudos")).atPriority(SITE_PRIORITY)
                .willReturn(json(429, "{\"error\": \"Rate limit exceeded\"}")
                        .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).withFixedDelay(LATE_MILLIS)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_FAILING + "/leaderboard")).atPriority(SITE_PRIORITY)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Please sign in</body></html>")));
        stubSite(upstream, SITE_UNREACHABLE_HITS, "Far away");
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/" + SITE_UNREACHABLE_HITS + "/hits")).atPriority(SITE_PRIORITY)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static void stubWrites(WireMockServer upstream) {
        // Created records echo what was sent, so a client sees its own values come back.
        upstream.stubFor(post(urlPathEqualTo("/api/v1/sites/" + SITE_OK + "/kudos")).atPriority(SITE_PRIORITY)
                .willReturn(json(201, """
                        {"status": "created", "kudo": {"id": 321, "uid": "{{jsonPath request.body '$.custom_uid'}}",
                         "path": "{{jsonPath request.body '$.path'}}", "created_at": "2026-02-14T10:00:00Z"}}""")
                        .withTransformers("response-template")));
        upstream.stubFor(post(urlPathEqualTo("/api/v1/sites/" + SITE_OK + "/hits")).atPriority(SITE_PRIORITY)
                .withHeader("Authorization", matching("Bearer " + FULL_ACCESS_KEY_PREFIX + ".*"))
                .willReturn(json(201, """
                        {"status": "created", "hit": {"id": 991, "url": "https://example.com{{jsonPath request.body '$.path'}}",
                         "path": "{{jsonPath request.body '$.path'}}", "country": "{{jsonPath request.body '$.country'}}",
                         "is_mobile": false, "unique_hash": "a1b2c3", "visitor_hash": "d4e5f6",
                         "created_at": "2026-02-14T10:00:00Z"}}""")
                        .withTransformers("response-template")));
        upstream.stubFor(delete("/api/v1/sites/" + SITE_OK + "/kudos/" + UNKNOWN_KUDO_UID).atPriority(SITE_PRIORITY)
                .willReturn(json(404, "{\"error\": \"Kudo not found\"}")));
        upstream.stubFor(post(urlPathEqualTo("/api/v1/sites/" + SITE_REJECTING_KUDOS + "/kudos")).atPriority(SITE_PRIORITY)
                .willReturn(json(422, "{\"status\": \"error\", \"errors\": [\"Custom uid has already been taken\"]}")));
    }

    private static void stubSite(WireMockServer upstream, int id, String label) {
        upstream.stubFor(get("/api/v1/sites/" + id).atPriority(SITE_PRIORITY).willReturn(json(200, site(id, label))));
    }

    private static String site(int id, String label) {
        return """
                {"id": %d, "uid": "uid-%d", "url": "https://site-%d.example.com", "label": "%s",
                 "lifetime_hits": 12340, "lifetime_unique_hits": 8920, "lifetime_kudos": 87,
                 "active": true, "public": false, "created_at": "2025-06-01T12:00:00Z",
                 "updated_at": "2026-02-14T09:30:00Z"}""".formatted(id, id, id, label);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
