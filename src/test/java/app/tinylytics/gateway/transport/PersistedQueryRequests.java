package app.tinylytics.gateway.transport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import app.tinylytics.gateway.common.Sha256;

/**
 * GraphQL requests as Apollo's persisted-query link and urql's persisted exchange send them: the document's SHA-256 in
 * {@code extensions.persistedQuery}, with or without the document, in a POST body or in GET parameters.
 */
final class PersistedQueryRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String query;
    private String hash;
    private final Map<String, Object> variables = new HashMap<>();
    private String accept = "application/graphql-response+json";
    private String authorization;

    private PersistedQueryRequests() {
    }

    /** The hash of {@code document}, without the document: what a client sends first. */
    static PersistedQueryRequests hashOf(String document) {
        return withHash(Sha256.hex(document));
    }

    /** Any hash, without a document. */
    static PersistedQueryRequests withHash(String hash) {
        PersistedQueryRequests request = new PersistedQueryRequests();
        request.hash = hash;
        return request;
    }

    /** The document with its hash: what a client sends after PERSISTED_QUERY_NOT_FOUND. */
    static PersistedQueryRequests register(String document) {
        return hashOf(document).query(document);
    }

    /** The text of {@code src/test/resources/graphql/<name>.graphql}. */
    static String document(String name) {
        try (InputStream in = PersistedQueryRequests.class.getClassLoader().getResourceAsStream("graphql/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PersistedQueryRequests query(String document) {
        this.query = document;
        return this;
    }

    PersistedQueryRequests variable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    PersistedQueryRequests accept(String mediaType) {
        this.accept = mediaType;
        return this;
    }

    PersistedQueryRequests authorization(String value) {
        this.authorization = value;
        return this;
    }

    static Map<String, Object> extensions(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    Response post() {
        Map<String, Object> body = new HashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        body.put("variables", variables);
        body.put("extensions", extensions(hash));
        return base().contentType("application/json").body(body).post("/graphql");
    }

    Response get() {
        RequestSpecification request = base().queryParam("extensions", json(extensions(hash)));
        if (query != null) {
            request.queryParam("query", query);
        }
        if (!variables.isEmpty()) {
            request.queryParam("variables", json(variables));
        }
        return request.get("/graphql");
    }

    private RequestSpecification base() {
        RequestSpecification request = given().accept(accept);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
