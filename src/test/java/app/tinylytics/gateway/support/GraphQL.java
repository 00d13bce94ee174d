package app.tinylytics.gateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Sends GraphQL documents from {@code src/test/resources/graphql/} to the running gateway over HTTP,
 * the way a frontend would: {@code POST /graphql} with JSON.
 */
public final class GraphQL {

    private final String document;
    private final Map<String, Object> variables = new HashMap<>();
    private String authorization;

    private GraphQL(String document) {
        this.document = document;
    }

    /** The document in {@code graphql/<name>.graphql}. */
    public static GraphQL document(String name) {
        String path = "graphql/" + name + ".graphql";
        try (InputStream in = GraphQL.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test document " + path);
            }
            return new GraphQL(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GraphQL variable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    /** Forwards the caller's own key as {@code Authorization: Bearer <key>}. */
    public GraphQL withKey(String key) {
        this.authorization = TestKeys.bearer(key);
        return this;
    }

    /** Posts the document and checks that the HTTP exchange itself succeeded (GraphQL errors travel in the body). */
    public ValidatableResponse post() {
        return request().post("/graphql").then().statusCode(200);
    }

    public RequestSpecification request() {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
