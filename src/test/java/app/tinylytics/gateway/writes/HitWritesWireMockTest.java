package app.tinylytics.gateway.writes;

import static app.tinylytics.gateway.writes.UpstreamAnswers.allCreated;
import static app.tinylytics.gateway.writes.UpstreamAnswers.created;
import static app.tinylytics.gateway.writes.UpstreamAnswers.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class HitWritesWireMockTest {

    static final String HIT_URL = "/api/v1/sites/456/hits";
    static final String BATCH_URL = "/api/v1/sites/456/hits/batch";

    static final String CREATED_HIT = """
            {"status": "created", "hit": {"id": 789, "url": "https://example.com/pricing", "path": "/pricing",
             "referrer": null, "country": "US", "browser_name": null, "platform_name": null, "is_mobile": false,
             "source": null, "unique_hash": "a1b2c3", "visitor_hash": "d4e5f6", "created_at": "2026-02-14T10:00:00Z"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void trackHitSendsEveryFieldSnakeCasedWithTheServerWriteKey() {
        upstream.stubFor(post(HIT_URL).willReturn(created(CREATED_HIT)));
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("path", "/pricing");
        hit.put("country", "PL");
        hit.put("ipAddress", "8.8.8.8");
        hit.put("url", "https://example.com/pricing");
        hit.put("referrer", "https://google.com");
        hit.put("userAgent", "Mozilla/5.0");
        hit.put("visitorId", "user-123");
        hit.put("source", "newsletter");

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", hit).post()
                .body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(HIT_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE)))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"path": "/pricing", "country": "PL", "ip_address": "8.8.8.8", "url": "https://example.com/pricing",
                         "referrer": "https://google.com", "user_agent": "Mozilla/5.0", "visitor_id": "user-123",
                         "source": "newsletter"}""", false, false)));
    }

    @Test
    void trackHitOmitsAbsentOptionalFields() {
        upstream.stubFor(post(HIT_URL).willReturn(created(CREATED_HIT)));

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "/pricing")).post()
                .body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(HIT_URL))
                .withRequestBody(equalToJson("{\"path\": \"/pricing\"}", false, false)));
    }

    @Test
    void createdHitIsReturnedWithItsHashes() {
        upstream.stubFor(post(HIT_URL).willReturn(created(CREATED_HIT)));

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "/pricing")).post()
                .body("errors", nullValue())
                .body("data.trackHit.status", equalTo("CREATED"))
                .body("data.trackHit.reason", nullValue())
                .body("data.trackHit.hit.id", equalTo("789"))
                .body("data.trackHit.hit.path", equalTo("/pricing"))
                .body("data.trackHit.hit.country", equalTo("US"))
                .body("data.trackHit.hit.isMobile", equalTo(false))
                .body("data.trackHit.hit.uniqueHash", equalTo("a1b2c3"))
                .body("data.trackHit.hit.visitorHash", equalTo("d4e5f6"))
                .body("data.trackHit.hit.createdAt", equalTo("2026-02-14T10:00:00Z"));
    }

    @Test
    void ignoredHitIsIgnoredWithTheReason() {
        upstream.stubFor(post(HIT_URL).willReturn(json(202, "{\"status\": \"ignored\", \"reason\": \"Path matches ignore rule\"}")));

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "/admin")).post()
                .body("errors", nullValue())
                .body("data.trackHit.status", equalTo("IGNORED"))
                .body("data.trackHit.reason", equalTo("Path matches ignore rule"))
                .body("data.trackHit.hit", nullValue());
    }

    @Test
    void aSuccessWithNoBodyIsAnsweredFromItsStatus() {
        upstream.stubFor(post(HIT_URL).willReturn(aResponse().withStatus(201)));

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "/pricing")).post()
                .body("errors", nullValue())
                .body("data.trackHit.status", equalTo("CREATED"))
                .body("data.trackHit.hit", nullValue());
    }

    @Test
    void aBatchSuccessWithNoBodyIsACodedErrorNotASystemError() {
        upstream.stubFor(post(BATCH_URL).willReturn(aResponse().withStatus(201)));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", List.of(Map.of("path", "/a"))).post()
                .body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"))
                .body("errors[0].message", containsString("POST /sites/:id/hits/batch"));
    }

    @Test
    void upstreamValidationErrorIsBadUserInputWithTheMessages() {
        upstream.stubFor(post(HIT_URL).willReturn(json(422, "{\"status\": \"error\", \"errors\": [\"Path can't be blank\"]}")));

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "/x")).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.validationErrors", contains("Path can't be blank"));
    }

    @Test
    void lowerCaseCountryIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-track-hit").variable("siteId", "456")
                .variable("hit", Map.of("path", "/x", "country", "pl")).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'hit.country' must be 2 upper-case letters"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void blankPathIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "  ")).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'hit.path' must not be blank."));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aHitThatGotNoAnswerIsNotSentAgain() {
        upstream.stubFor(post(HIT_URL).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        GraphQL.document("writes-track-hit").variable("siteId", "456").variable("hit", Map.of("path", "/x")).post()
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));

        upstream.verify(1, postRequestedFor(urlEqualTo(HIT_URL)));
    }

    @Test
    void trackHitsSendsTheRowsAsATopLevelArray() {
        upstream.stubFor(post(BATCH_URL).willReturn(created(allCreated(2))));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", List.of(
                Map.of("path", "/valid", "country", "PL"),
                Map.of("path", "/from-ip", "ipAddress", "8.8.8.8"))).post()
                .body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(BATCH_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE)))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        [{"path": "/valid", "country": "PL"}, {"path": "/from-ip", "ip_address": "8.8.8.8"}]""", false, false)));
    }

    @Test
    void batchRowsCarryTheirStatusErrorsAndReason() {
        upstream.stubFor(post(BATCH_URL).willReturn(created("""
                {"created_count": 1, "ignored_count": 1, "error_count": 1, "results": [
                  {"index": 0, "status": "created"},
                  {"index": 1, "status": "ignored", "reason": "Path matches ignore rule"},
                  {"index": 2, "status": "error", "errors": ["Country must be 2 uppercase letters"]}]}""")));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", List.of(
                Map.of("path", "/a"), Map.of("path", "/admin"), Map.of("path", "/c"))).post()
                .body("errors", nullValue())
                .body("data.trackHits.createdCount", equalTo(1))
                .body("data.trackHits.ignoredCount", equalTo(1))
                .body("data.trackHits.errorCount", equalTo(1))
                .body("data.trackHits.results.index", contains(0, 1, 2))
                .body("data.trackHits.results.status", contains("CREATED", "IGNORED", "ERROR"))
                .body("data.trackHits.results[0].errors.size()", equalTo(0))
                .body("data.trackHits.results[1].reason", equalTo("Path matches ignore rule"))
                .body("data.trackHits.results[2].errors", contains("Country must be 2 uppercase letters"));
    }

    @Test
    void batchOf1200RowsIsSentAs500And500And200WithOriginalIndices() {
        stubChunk(0, 500, created(allCreated(500)));
        stubChunk(500, 500, created(allCreated(500)));
        stubChunk(1000, 200, created(allCreated(200)));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", rows(1200)).post()
                .body("errors", nullValue())
                .body("data.trackHits.createdCount", equalTo(1200))
                .body("data.trackHits.errorCount", equalTo(0))
                .body("data.trackHits.results.size()", equalTo(1200))
                .body("data.trackHits.results[500].index", equalTo(500))
                .body("data.trackHits.results[1199].index", equalTo(1199))
                .body("data.trackHits.results[1199].status", equalTo("CREATED"));

        upstream.verify(3, postRequestedFor(urlEqualTo(BATCH_URL)));
        upstream.verify(1, postRequestedFor(urlEqualTo(BATCH_URL)).withRequestBody(equalToJson(chunkBody(0, 500), false, false)));
        upstream.verify(1, postRequestedFor(urlEqualTo(BATCH_URL)).withRequestBody(equalToJson(chunkBody(500, 500), false, false)));
        upstream.verify(1, postRequestedFor(urlEqualTo(BATCH_URL)).withRequestBody(equalToJson(chunkBody(1000, 200), false, false)));
    }

    @Test
    void whenALaterChunkFailsTheWrittenRowsAreReportedAndTheRestAreErrorsToResend() {
        stubChunk(0, 500, created(allCreated(500)));
        stubChunk(500, 500, json(429, "{\"error\": \"Rate limit exceeded\"}").withHeader("Retry-After", "30"));
        stubChunk(1000, 200, created(allCreated(200)));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", rows(1200)).post()
                .body("errors", nullValue())
                .body("data.trackHits.createdCount", equalTo(500))
                .body("data.trackHits.errorCount", equalTo(700))
                .body("data.trackHits.results.size()", equalTo(1200))
                .body("data.trackHits.results[499].status", equalTo("CREATED"))
                .body("data.trackHits.results[500].index", equalTo(500))
                .body("data.trackHits.results[500].status", equalTo("ERROR"))
                .body("data.trackHits.results[500].errors[0]", startsWith("Not recorded: the request for rows 500-999 was refused"))
                .body("data.trackHits.results[1199].index", equalTo(1199))
                .body("data.trackHits.results[1199].errors[0]", startsWith("Not sent:"));

        upstream.verify(2, postRequestedFor(urlEqualTo(BATCH_URL)));
    }

    @Test
    void whenALaterChunkGetsAServerErrorItsRowsAreReportedAsOutcomeUnknown() {
        stubChunk(0, 500, created(allCreated(500)));
        stubChunk(500, 100, json(500, "{\"error\": \"Internal server error\"}"));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", rows(600)).post()
                .body("errors", nullValue())
                .body("data.trackHits.createdCount", equalTo(500))
                .body("data.trackHits.errorCount", equalTo(100))
                .body("data.trackHits.results[599].index", equalTo(599))
                .body("data.trackHits.results[599].status", equalTo("ERROR"))
                .body("data.trackHits.results[599].errors[0]", startsWith("Outcome unknown: the upstream request for rows 500-599 failed"));
    }

    @Test
    void whenTheFirstChunkFailsTheMutationFailsWithItsError() {
        upstream.stubFor(post(BATCH_URL).willReturn(json(422, "{\"status\": \"error\", \"errors\": [\"Body must be a top-level JSON array\"]}")));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", rows(3)).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.validationErrors", contains("Body must be a top-level JSON array"));
    }

    @Test
    void emptyBatchIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", List.of()).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'hits' must contain at least one row."));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void oneBadRowRejectsTheBatchNamingItsIndexWithoutAnUpstreamCall() {
        List<Map<String, Object>> hits = rows(5);
        hits.set(3, Map.of("path", "/x", "country", "USA"));

        GraphQL.document("writes-track-hits").variable("siteId", "456").variable("hits", hits).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'hits[3].country'"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    private void stubChunk(int first, int size, ResponseDefinitionBuilder answer) {
        upstream.stubFor(post(BATCH_URL)
                .withRequestBody(matchingJsonPath("$[0].path", WireMock.equalTo("/p/" + first)))
                .withRequestBody(matchingJsonPath("$[" + (size - 1) + "].path", WireMock.equalTo("/p/" + (first + size - 1))))
                .willReturn(answer));
    }

    private static List<Map<String, Object>> rows(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("path", "/p/" + i));
        }
        return rows;
    }

    private static String chunkBody(int first, int size) {
        StringBuilder body = new StringBuilder("[");
        for (int i = first; i < first + size; i++) {
            body.append(i == first ? "" : ",").append("{\"path\": \"/p/").append(i).append("\"}");
        }
        return body.append("]").toString();
    }
}
