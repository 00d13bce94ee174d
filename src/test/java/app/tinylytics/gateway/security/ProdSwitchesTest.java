package app.tinylytics.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** The switches operators flip in prod: GraphiQL off unless asked for, introspection switchable by env var. */
@QuarkusTest
class ProdSwitchesTest {

    @Test
    void graphiqlIsNotServedUnlessEnabled() {
        given().get("/q/graphql-ui/").then().statusCode(404);
    }

    @Test
    void introspectionFollowsGatewayIntrospectionEnabled() throws IOException {
        assertEquals("default", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.smallrye-graphql.field-visibility", String.class));
        assertEquals("default", fieldVisibilityWith(Map.of()));
        assertEquals("default", fieldVisibilityWith(Map.of("GATEWAY_INTROSPECTION_ENABLED", "true")));
        assertEquals("no-introspection", fieldVisibilityWith(Map.of("GATEWAY_INTROSPECTION_ENABLED", "false")));
    }

    /** application.properties resolved with the given environment, as the packaged jar would see it. */
    private static String fieldVisibilityWith(Map<String, String> environment) throws IOException {
        URL properties = ProdSwitchesTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new MapBackedConfigSource("env", environment, 300) {
                })
                .build();
        return config.getValue("quarkus.smallrye-graphql.field-visibility", String.class);
    }
}
