package app.tinylytics.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An argument literal that does not fit its scalar type is a validation error, as the spec's input coercion says,
 * however leniently SmallRye's scalars would have read it: refused whole, with the argument named (and the rule, where
 * the gateway's own check is the one that catches it; graphql-java words its own).
 */
@QuarkusTest
class LiteralCoercionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ site(id: \"456\") { kudos(perPage: \"5\") { pageInfo { page } } } }                | argument 'perPage' must be an Int",
            "{ site(id: \"456\") { kudos(perPage: 99999999999) { pageInfo { page } } } }          | argument 'perPage' must be an Int",
            "{ site(id: \"456\") { kudos(perPage: 2.5) { pageInfo { page } } } }                  | argument 'perPage'",
            "{ site(id: true) { id } }                                                            | argument 'id'",
            "{ site(id: \"456\") { hits(start: \"2026-13-45\") { pageInfo { page } } } }          | argument 'start' must be a Date",
            "{ site(id: \"456\") { hits(path: 7) { pageInfo { page } } } }                        | argument 'path'",
            "query { ...F } fragment F on Query { site(id: \"456\") { kudos(perPage: \"5\") { pageInfo { page } } } } | argument 'perPage' must be an Int",
    })
    void aMisfitLiteralIsAValidationErrorNamingTheArgument(String query, String message) {
        given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", query)).post("/graphql").then()
                .statusCode(400)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void fittingLiteralsRun() {
        given().contentType("application/json")
                .body(Map.of("query", "{ site(id: 456) { kudos(perPage: 5) { pageInfo { perPage } } } }")).post("/graphql").then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.site.kudos.pageInfo.perPage", equalTo(5));
    }
}
