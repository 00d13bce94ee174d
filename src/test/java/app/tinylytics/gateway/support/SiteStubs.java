package app.tinylytics.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock answers for {@code GET /sites/:id}, which every {@code Site} field test needs before its own call, and the site list. */
public final class SiteStubs {

    /** Site 456 as in the API reference's example. */
    public static final String SITE_456_JSON = """
            {"id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog",
             "lifetime_hits": 12340, "lifetime_unique_hits": 8920, "lifetime_kudos": 87,
             "active": true, "public": false, "created_at": "2025-06-01T12:00:00Z",
             "updated_at": "2026-02-14T09:30:00Z"}""";

    private SiteStubs() {
    }

    public static void site456(WireMockServer upstream) {
        upstream.stubFor(get("/api/v1/sites/456").willReturn(okJson(SITE_456_JSON)));
    }

    /** The key's site list holding site 456 only: what a live subscription reads its site from. */
    public static void siteList456(WireMockServer upstream) {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": [" + SITE_456_JSON + "]}")));
    }
}
