package app.tinylytics.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A variable that does not fit its declared type is a request error, answered before anything runs: errors and no
 * {@code data}, whatever SmallRye or the resolver would have made of the value.
 */
@QuarkusTest
class VariableCoercionTest {

    static final String SITE = "query($id: ID!) { site(id: $id) { id label } }";
    static final String HITS = "query($perPage: Int) { site(id: \"456\") { id hits(perPage: $perPage) { pageInfo { page } } } }";

    static List<Object[]> badlyTyped() {
        return List.of(
                new Object[] {SITE, Map.of("id", Map.of("id", 456))},
                new Object[] {SITE, Map.of("id", true)},
                new Object[] {SITE, Map.of("id", 456.5)},
                new Object[] {SITE, Map.of()},
                new Object[] {HITS, Map.of("perPage", "abc")},
                new Object[] {HITS, Map.of("perPage", 1.5)},
                new Object[] {HITS, Map.of("perPage", List.of(1))});
    }

    @ParameterizedTest
    @MethodSource("badlyTyped")
    void aBadlyTypedVariableIsARequestErrorWithoutData(String query, Map<String, Object> variables) {
        given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", query, "variables", variables)).post("/graphql").then()
                .statusCode(400)
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }
}
