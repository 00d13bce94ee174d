package app.tinylytics.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.WireMockProfile;

/**
 * The exact boundaries of the request line and the header section, as the README states them: served up to the
 * gateway's limits, a GraphQL-shaped 414 or 431 from the gateway up to Vert.x's, Vert.x's bare one beyond.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class RequestSizeLimitsWireMockTest {

    private RawHttp http;

    @BeforeEach
    void connectToTheApplication() {
        http = RawHttp.toApplication(); // RestAssured knows the port only once the application runs
    }

    @Test
    void headersUpTo20KiBAreServed() {
        assertServed(http.send(HandWrittenRequests.headersOf(HttpCases.GATEWAY_HEADER_LIMIT)));
    }

    @Test
    void headersOver20KiBUpTo64KiBGetAGraphqlShaped431() {
        assertGraphQLShaped(431, "REQUEST_HEADER_FIELDS_TOO_LARGE",
                http.send(HandWrittenRequests.headersOf(HttpCases.GATEWAY_HEADER_LIMIT + 1)));
        assertGraphQLShaped(431, "REQUEST_HEADER_FIELDS_TOO_LARGE", http.send(HandWrittenRequests.headersOf(HttpCases.VERTX_HEADER_LIMIT)));
    }

    @Test
    void headersOver64KiBGetVertxsBare431() {
        assertBare(431, http.send(HandWrittenRequests.headersOf(HttpCases.VERTX_HEADER_LIMIT + 1)));
    }

    @Test
    void aRequestLineUpTo4096CharactersIsServed() {
        assertServed(http.send(HandWrittenRequests.requestLineOf(HttpCases.GATEWAY_LINE_LIMIT)));
    }

    @Test
    void aRequestLineOver4096UpTo16384CharactersGetsAGraphqlShaped414() {
        assertGraphQLShaped(414, "URI_TOO_LONG", http.send(HandWrittenRequests.requestLineOf(HttpCases.GATEWAY_LINE_LIMIT + 1)));
        assertGraphQLShaped(414, "URI_TOO_LONG", http.send(HandWrittenRequests.requestLineOf(HttpCases.VERTX_LINE_LIMIT)));
    }

    @Test
    void aRequestLineOver16384CharactersGetsVertxsBare414() {
        assertBare(414, http.send(HandWrittenRequests.requestLineOf(HttpCases.VERTX_LINE_LIMIT + 1)));
    }

    private static void assertServed(RawResponse answer) {
        assertEquals(200, answer.status(), answer.toString());
    }

    private static void assertGraphQLShaped(int status, String code, RawResponse answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/json", answer.mediaType(), answer.toString());
        assertTrue(answer.bodyText().startsWith("{\"errors\":[{\"message\":"), answer.toString());
        assertTrue(answer.bodyText().contains("\"code\":\"" + code + "\""), answer.toString());
    }

    private static void assertBare(int status, RawResponse answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertNull(answer.mediaType(), answer.toString());
        assertEquals(0, answer.body().length, answer.toString());
    }
}
