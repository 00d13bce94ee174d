package app.tinylytics.gateway.browser;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile with GraphiQL switched on the way operators do it in prod ({@code GATEWAY_GRAPHIQL_ENABLED=true});
 * a profile of its own because the plain test profile keeps GraphiQL off, as {@code ProdSwitchesTest} checks.
 */
public class GraphiQLProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("GATEWAY_GRAPHIQL_ENABLED", "true");
    }
}
