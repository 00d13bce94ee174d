package app.tinylytics.gateway.security;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static io.restassured.config.HeaderConfig.headerConfig;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The forms a JSON Content-Type takes on the wire (repeated and comma-joined as GraphiQL's fetcher sends it,
 * with parameters, in any case) are JSON to {@code POST /graphql}, while cross-site "simple" types stay refused.
 */
@QuarkusTest
class ContentTypeFormsTest {

    private static final byte[] QUERY = "{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
    /** What GraphiQL's fetcher sends for every operation but the schema's introspection (see README "GraphiQL"). */
    private static final String GRAPHIQL_CONTENT_TYPE = "application/json, application/json";
    private static final String GRAPHIQL_OPERATION_ACCEPT = "application/json, multipart/mixed, application/json";

    @ParameterizedTest
    @ValueSource(strings = {
            GRAPHIQL_CONTENT_TYPE,
            "application/json;charset=utf-8, application/json",
            "Application/JSON; charset=UTF-8",
            "APPLICATION/JSON , application/json ; charset=utf-8"})
    void jsonInAnyOfItsHeaderFormsIsExecuted(String contentType) {
        exactly(contentType).body(QUERY).post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query")).body("errors", nullValue());
    }

    @Test
    void aContentTypeHeaderSentOnTwoLinesIsReadWhole() {
        twoLines("application/json", "application/json; charset=utf-8").body(QUERY).post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
        twoLines("application/json", "text/plain").body(QUERY).post("/graphql").then()
                .statusCode(415);
    }

    @Test
    void graphiqlsOperationRequestIsAnsweredWithJson() {
        exactly(GRAPHIQL_CONTENT_TYPE).header("Accept", GRAPHIQL_OPERATION_ACCEPT).body(QUERY).post("/graphql").then()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void graphiqlsIntrospectionRequestIsAnsweredWithJson() {
        byte[] introspection = "{\"query\": \"query IntrospectionQuery { __schema { queryType { name } } }\", \"operationName\": \"IntrospectionQuery\"}"
                .getBytes(StandardCharsets.UTF_8);
        exactly(GRAPHIQL_CONTENT_TYPE).header("Accept", "application/json").body(introspection).post("/graphql").then()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "text/plain",
            "TEXT/PLAIN; charset=utf-8",
            "text/plain, application/json",
            "application/json, text/plain",
            "application/x-www-form-urlencoded, application/json",
            "multipart/form-data; boundary=x"})
    void crossSiteSimpleTypesAloneOrInAListAreRefused(String contentType) {
        exactly(contentType).body(QUERY).post("/graphql").then()
                .statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aListOfDifferentTypesIsNotGuessedEvenAfterAPreflight() {
        exactly("application/json, application/graphql").header("GraphQL-Require-Preflight", "1").body(QUERY)
                .post("/graphql").then()
                .statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    /** A request whose Content-Type is sent exactly as given (RestAssured adds no charset). */
    private static RequestSpecification exactly(String contentType) {
        return given().config(exactHeaders()).contentType(contentType);
    }

    /** A request with two Content-Type header lines, as a non-browser client may send them. */
    private static RequestSpecification twoLines(String first, String second) {
        return given().config(exactHeaders().headerConfig(headerConfig().mergeHeadersWithName("Content-Type")))
                .header("Content-Type", first).header("Content-Type", second);
    }

    private static RestAssuredConfig exactHeaders() {
        return RestAssured.config().encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }
}
