package app.tinylytics.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorDiscoveryTest {

    @Inject
    SimulatorStore store;

    @BeforeEach
    void reset() {
        store.reset();
    }

    @Test
    void discoveryIsPublicAndListsAllTwentyEndpoints() {
        given().when().get(SimulatorApi.BASE)
                .then().statusCode(200)
                .body("name", equalTo("Tinylytics API"))
                .body("version", equalTo("v1"))
                .body("base_url", endsWith("/simulator/api/v1"))
                .body("openapi_url", endsWith("/simulator/api/v1/openapi.json"))
                .body("endpoints", hasSize(20))
                .body("endpoints.path", hasItems("/me", "/sites/:id/hits/batch", "/sites/:id/kudos/:kudo_uid", "/sites/:id/content"));
    }

    @Test
    void openApiDocumentsEveryOperationTheDiscoveryLists() {
        List<Map<String, String>> endpoints = given().get(SimulatorApi.BASE).then().extract().path("endpoints");
        Map<String, Object> paths = given().get(SimulatorApi.BASE + "/openapi.json").then().extract().path("paths");
        for (Map<String, String> endpoint : endpoints) {
            String path = endpoint.get("path").replace(":kudo_uid", "{kudo_uid}").replace(":id", "{id}");
            @SuppressWarnings("unchecked")
            Map<String, Object> operations = (Map<String, Object>) paths.get(path);
            assertNotNull(operations, "OpenAPI lacks " + path);
            assertTrue(operations.containsKey(endpoint.get("method").toLowerCase()), "OpenAPI lacks " + endpoint);
        }
    }

    @Test
    void discoveryAlsoAnswersWithATrailingSlash() {
        given().when().get(SimulatorApi.BASE + "/").then().statusCode(200).body("version", equalTo("v1"));
    }

    @Test
    void openApiIsPublicOpenApi31CoveringEveryPath() {
        given().when().get(SimulatorApi.BASE + "/openapi.json")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", notNullValue())
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("paths", hasKey("/"))
                .body("paths", hasKey("/openapi.json"))
                .body("paths", hasKey("/me"))
                .body("paths", hasKey("/sites"))
                .body("paths", hasKey("/sites/{id}"))
                .body("paths", hasKey("/sites/{id}/hits"))
                .body("paths", hasKey("/sites/{id}/hits/batch"))
                .body("paths", hasKey("/sites/{id}/events"))
                .body("paths", hasKey("/sites/{id}/events/batch"))
                .body("paths", hasKey("/sites/{id}/kudos"))
                .body("paths", hasKey("/sites/{id}/kudos/{kudo_uid}"))
                .body("paths", hasKey("/sites/{id}/leaderboard"))
                .body("paths", hasKey("/sites/{id}/user_journeys"))
                .body("paths", hasKey("/sites/{id}/insights"))
                .body("paths", hasKey("/sites/{id}/signals"))
                .body("paths", hasKey("/sites/{id}/uptime"))
                .body("paths", hasKey("/sites/{id}/content"))
                .body("paths.'/sites/{id}/hits'.post.security[0]", hasKey("bearerAuth"));
    }
}
