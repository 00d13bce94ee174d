package app.tinylytics.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The HTTP side of POST /graphql: CSRF, body size, malformed requests and CORS, as GraphQL-over-HTTP says. */
@QuarkusTest
class HttpRequestRulesTest {

    private static final String QUERY = "{\"query\": \"{ __typename }\"}";

    @Test
    void jsonPostIsExecuted() {
        given().contentType("application/json").body(QUERY).post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        given().contentType("application/json; charset=utf-8").body(QUERY).post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void crossSiteSimplePostsAreRefused() {
        given().contentType("text/plain").body(QUERY).post("/graphql").then().statusCode(415)
                .body("errors[0].message", containsString("application/json"));
        given().contentType("application/x-www-form-urlencoded").body("query=%7B__typename%7D").post("/graphql").then()
                .statusCode(415);
    }

    @Test
    void aPreflightHeaderAllowsTheGraphqlContentType() {
        given().contentType("application/graphql; charset=utf-8").header("GraphQL-Require-Preflight", "1")
                .body("{ __typename }".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType("application/json").body("{\"query\": ").post("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("not valid JSON"));
    }

    @Test
    void aBodyWithoutAQueryIsABadRequest() {
        given().contentType("application/json").body("{\"variables\": {}}").post("/graphql").then().statusCode(400);
        given().contentType("application/json").body("[1, 2]").post("/graphql").then().statusCode(400);
    }

    @Test
    void anUnknownOperationNameIsABadRequest() {
        given().contentType("application/json").accept("application/graphql-response+json")
                .body("{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}")
                .post("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("no operation named 'B'"));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() {
        String padding = " ".repeat(3 * 1024 * 1024);
        given().contentType("application/json").body("{\"query\": \"{ __typename }\"" + padding + "}").post("/graphql")
                .then().statusCode(413);
    }

    @Test
    void aSyntaxErrorIsARequestErrorWith400ForGraphqlResponseJsonAnd200ForLegacyJson() {
        given().contentType("application/json").accept("application/graphql-response+json")
                .body("{\"query\": \"{ __typename \"}").post("/graphql").then()
                .statusCode(400).contentType(containsString("application/graphql-response+json"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1));
        given().contentType("application/json").accept("application/json")
                .body("{\"query\": \"{ __typename \"}").post("/graphql").then()
                .statusCode(200).contentType(containsString("application/json"))
                .body("data", nullValue()).body("errors[0].message", notNullValue());
    }

    @Test
    void contentTypeIsReadAsAMediaTypeListAsBrowsersSendIt() {
        for (String header : new String[] {"application/json, application/json", "Application/JSON; Charset=UTF-8",
                "application/json;charset=\"utf-8\""}) {
            given().header("Content-Type", header).body(QUERY.getBytes(StandardCharsets.UTF_8)).post("/graphql").then()
                    .statusCode(200).body("data.__typename", equalTo("Query"));
        }
        given().header("Content-Type", "application/json").header("Content-Type", "application/json")
                .body(QUERY.getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200);
    }

    @Test
    void theAnswerIsInTheMediaTypeTheClientPrefers() {
        given().contentType("application/json").accept("application/graphql-response+json, application/json;q=0.9")
                .body(QUERY).post("/graphql").then().statusCode(200)
                .header("Content-Type", equalTo("application/graphql-response+json; charset=utf-8"));
        given().contentType("application/json").accept("application/json").body(QUERY).post("/graphql").then()
                .statusCode(200).header("Content-Type", equalTo("application/json; charset=utf-8"));
        given().contentType("application/json").accept("text/html").body(QUERY).post("/graphql").then()
                .statusCode(406).body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void aRefusalBeforeTheBodyIsReadIsGraphqlShapedInThePreferredType() {
        given().contentType("text/plain").accept("application/graphql-response+json").body(QUERY).post("/graphql").then()
                .statusCode(415).header("Content-Type", equalTo("application/graphql-response+json; charset=utf-8"))
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void otherMethodsAreNotAllowed() {
        given().contentType("application/json").body(QUERY).put("/graphql").then().statusCode(405)
                .header("Allow", containsString("POST")).body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        given().delete("/graphql").then().statusCode(405);
    }

    @Test
    void corsPreflightFromAConfiguredFrontendIsAllowed() {
        given().header("Origin", "https://dash.tinylytics.test").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://dash.tinylytics.test"));
    }

    @Test
    void corsFromAnotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
