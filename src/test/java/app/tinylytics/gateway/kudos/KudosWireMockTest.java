package app.tinylytics.gateway.kudos;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class KudosWireMockTest {

    static final String KUDOS_JSON = """
            {"kudos": [{"id": 321, "uid": "pricing-kudo-1", "path": "/pricing", "created_at": "2026-02-10T08:15:00Z"}],
             "pagination": {"current_page": 1, "per_page": 100, "total_count": 1, "total_pages": 1},
             "filters": {"start_date": "2026-02-01", "end_date": "2026-02-14", "time_zone": "utc",
                         "path": null, "uid": null}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(KUDOS_JSON)));
    }

    @Test
    void kudosMapsEveryUpstreamField() {
        GraphQL.document("kudos").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.kudos.nodes[0].id", equalTo("321"))
                .body("data.site.kudos.nodes[0].uid", equalTo("pricing-kudo-1"))
                .body("data.site.kudos.nodes[0].path", equalTo("/pricing"))
                .body("data.site.kudos.nodes[0].createdAt", equalTo("2026-02-10T08:15:00Z"))
                .body("data.site.kudos.pageInfo.page", equalTo(1))
                .body("data.site.kudos.pageInfo.perPage", equalTo(100))
                .body("data.site.kudos.pageInfo.totalCount", equalTo(1))
                .body("data.site.kudos.pageInfo.totalPages", equalTo(1))
                .body("data.site.kudos.pageInfo.hasNextPage", equalTo(false))
                .body("data.site.kudos.pageInfo.hasPreviousPage", equalTo(false));
    }

    @Test
    void kudosWithoutArgumentsSendNoQueryParameters() {
        GraphQL.document("kudos").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void kudosArgumentsBecomeUpstreamQueryParameters() {
        GraphQL.document("kudos").variable("id", "456").variable("start", "2026-02-01").variable("end", "2026-02-14")
                .variable("timeZone", "ACCOUNT").variable("path", "/pricing").variable("uid", "pricing-kudo-1")
                .variable("page", 1).variable("perPage", 1000).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/kudos?end_date=2026-02-14&page=1"
                + "&path=%2Fpricing&per_page=1000&start_date=2026-02-01&time_zone=user&uid=pricing-kudo-1")));
    }

    @Test
    void kudosStartAfterEndIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("kudos").variable("id", "456").variable("start", "2026-03-01").variable("end", "2026-02-01")
                .post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'start' must not be after 'end' (2026-03-01 > 2026-02-01)."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void kudosPerPageAboveThousandIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("kudos").variable("id", "456").variable("perPage", 1001).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 1000."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void kudosPageBelowOneIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("kudos").variable("id", "456").variable("page", -1).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'page' must be at least 1."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }
}
