package app.tinylytics.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/** Depth, complexity, planned and actual upstream calls, site aliases and batch sizes: refused before any call. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class OperationLimitsWireMockTest {

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    private static ValidatableResponse query(String document) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document)).post("/graphql").then().statusCode(200);
    }

    private static String repeated(int times, java.util.function.IntFunction<String> field) {
        return IntStream.range(0, times).mapToObj(field).collect(Collectors.joining(" ", "{ ", " }"));
    }

    @Test
    void graphiqlsIntrospectionQueryIsWithinTheDepthAndComplexityLimits() {
        query(IntrospectionQuery.INTROSPECTION_QUERY)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefused() {
        query("{ __schema { types { fields { type { " + "ofType { ".repeat(12) + "name" + " }".repeat(17))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
                .body("errors[0].message", containsString("GATEWAY_MAX_QUERY_DEPTH"));
    }

    @Test
    void aQueryMoreComplexThanTheLimitIsRefused() {
        query(repeated(150, i -> "s" + i + ": __schema { types { name kind description } }"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
                .body("errors[0].message", containsString("GATEWAY_MAX_QUERY_COMPLEXITY"));
    }

    @Test
    void aFragmentBombIsMeasuredAtOnceAndRefused() {
        // Each fragment spreads the next one twice: 2^40 fields if every spread were walked.
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 40; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1)
                    .append(" }");
        }
        document.append(" fragment F40 on Query { me { id } }");

        query(document.toString())
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOperationPlanningMoreUpstreamCallsThanTheLimitIsRefusedBeforeAnyCall() {
        query(repeated(51, i -> "me" + i + ": me { id }"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
                .body("errors[0].message", containsString("at most 50"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void siteFieldsUnderSiteAliasesCountAsUpstreamCalls() {
        query(repeated(6, i -> "s" + i + ": site(id: \"45" + i + "\") { id hits { __typename } kudos { nodes { id } }"
                + " leaderboard { entries { path } } journeys { __typename } insights { __typename }"
                + " uptime { __typename } signals { __typename } content { __typename } hitGroups(groupBy: PATH) { __typename } }"))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOperationAskingForMoreRowsThanTheLimitIsRefusedBeforeAnyCall() {
        // 11 pages of 1000 rows, within the call and site-field limits: 11,000 rows > 10,000.
        query("{ a: site(id: \"456\") { " + IntStream.range(0, 6).mapToObj(i -> "h" + i + ": hits(perPage: 1000, page: " + (i + 1)
                + ") { nodes { id } }").collect(Collectors.joining(" ")) + " } b: site(id: \"457\") { "
                + IntStream.range(0, 5).mapToObj(i -> "k" + i + ": kudos(perPage: 1000, page: " + (i + 1) + ") { nodes { id } }")
                        .collect(Collectors.joining(" ")) + " } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
                .body("errors[0].message", containsString("11000 rows"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void moreSiteAliasesThanTheLimitAreRefused() {
        query(repeated(11, i -> "s" + i + ": site(id: \"" + (400 + i) + "\") { id }"))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
                .body("errors[0].message", containsString("'site' fields"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void callsBeyondTheLimitFailWhenAListHasMoreSitesThanPlanned() {
        String sites = IntStream.range(0, 60).mapToObj(i -> "{\"id\": " + (1000 + i) + ", \"uid\": \"u" + i
                + "\", \"url\": \"https://s.example\", \"label\": null, \"lifetime_hits\": 0, \"lifetime_unique_hits\": 0,"
                + " \"lifetime_kudos\": 0, \"active\": true, \"public\": false, \"created_at\": \"2025-06-01T12:00:00Z\","
                + " \"updated_at\": \"2025-06-01T12:00:00Z\"}").collect(Collectors.joining(",", "{\"sites\": [", "]}"));
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(sites)));
        upstream.stubFor(get(urlPathMatching("/api/v1/sites/\\d+/kudos")).willReturn(okJson("{\"kudos\": []}")));

        GraphQL.document("limits-sites-kudos").post()
                .body("errors.extensions.code", hasItem("QUERY_TOO_EXPENSIVE"));

        upstream.verify(49, getRequestedFor(urlPathMatching("/api/v1/sites/\\d+/kudos")));
    }

    @Test
    void aBatchMutationWithMoreRowsThanTheLimitIsRefusedBeforeAnyCall() {
        List<Map<String, Object>> hits = IntStream.range(0, 5001).mapToObj(i -> Map.<String, Object>of("path", "/p")).toList();

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", hits).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("at most 5000 rows"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites")));
    }
}
