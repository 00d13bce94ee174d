package app.tinylytics.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.arc.properties.IfBuildProperty;

/** The public, key-less {@code GET /} discovery metadata and {@code GET /openapi.json} schema of the simulated API. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    static final String BASE_PATH = "simulator/api/v1";
    static final String OPENAPI_RESOURCE = "/simulator/openapi.json";

    /** Method, path, purpose and access of every endpoint, as the reference's endpoint directory lists them. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/", "Public API discovery metadata", "public"},
            new String[] {"GET", "/openapi.json", "OpenAPI 3.1 schema for API v1", "public"},
            new String[] {"GET", "/me", "Validate API key and return account info", "read"},
            new String[] {"GET", "/sites", "List accessible sites", "read"},
            new String[] {"GET", "/sites/:id", "Get one site", "read"},
            new String[] {"GET", "/sites/:id/hits", "Raw or grouped analytics hits", "read"},
            new String[] {"POST", "/sites/:id/hits", "Create one hit", "full_access"},
            new String[] {"POST", "/sites/:id/hits/batch", "Create many hits in one request", "full_access"},
            new String[] {"POST", "/sites/:id/events", "Create one event", "full_access"},
            new String[] {"POST", "/sites/:id/events/batch", "Create many events in one request", "full_access"},
            new String[] {"GET", "/sites/:id/kudos", "Read kudos records", "read"},
            new String[] {"POST", "/sites/:id/kudos", "Create one kudo", "full_access"},
            new String[] {"DELETE", "/sites/:id/kudos/:kudo_uid", "Delete one kudo by UID", "full_access"},
            new String[] {"GET", "/sites/:id/leaderboard", "All-time path leaderboard", "read"},
            new String[] {"GET", "/sites/:id/user_journeys", "Visitor journey analysis", "read"},
            new String[] {"GET", "/sites/:id/insights", "AI insights for the site", "subscription"},
            new String[] {"GET", "/sites/:id/signals", "Owner-submitted context signals", "subscription"},
            new String[] {"POST", "/sites/:id/signals", "Submit one context signal", "full_access_subscription"},
            new String[] {"GET", "/sites/:id/uptime", "Uptime + SSL/domain status", "subscription"},
            new String[] {"GET", "/sites/:id/content", "Content monitoring status and issues", "subscription"});

    private final String openApi;
    private final int hourlyLimit;

    DiscoveryResource(SimulatorConfig config) {
        this.hourlyLimit = config.hourlyLimit();
        try (InputStream in = DiscoveryResource.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + OPENAPI_RESOURCE);
            }
            this.openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public Map<String, Object> discovery(@Context UriInfo uriInfo) {
        String baseUrl = uriInfo.getBaseUri().resolve("/" + BASE_PATH).toString();
        return Json.object(
                "name", "Tinylytics API",
                "version", "v1",
                "base_url", baseUrl,
                "openapi_url", baseUrl + "/openapi.json",
                "documentation_url", "https://tinylytics.app/docs/api",
                "authentication", Json.object(
                        "type", "bearer",
                        "header", "Authorization: Bearer tly-ro-your-api-key",
                        "read_only_prefix", "tly-ro-",
                        "full_access_prefix", "tly-fa-"),
                "rate_limit", Json.object("requests_per_hour", hourlyLimit, "scope", "api_key"),
                "endpoints", ENDPOINTS.stream()
                        .map(e -> Json.object("method", e[0], "path", e[1], "description", e[2], "access", e[3]))
                        .toList());
    }

    @GET
    @Path("/openapi.json")
    public String openApi() {
        return openApi;
    }
}
