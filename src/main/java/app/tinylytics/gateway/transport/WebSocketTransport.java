package app.tinylytics.gateway.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.graphql.execution.ExecutionService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.operation.OperationLog;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.security.CallerResolver;
import app.tinylytics.gateway.security.ClientAddress;

/**
 * GraphQL over WebSocket on {@code /graphql}, owning every WebSocket upgrade on the path so that SmallRye's own handler
 * (no authentication, no limits) never runs: an upgrade is refused with an HTTP status and a GraphQL-shaped body while
 * WebSocket is switched off, from a page whose {@code Origin} is not allowed, or without graphql-transport-ws, and
 * otherwise becomes a {@link WebSocketConnection}.
 */
@ApplicationScoped
public class WebSocketTransport {

    /** Before SmallRye's WebSocket route (-99) and the HTTP transport (-90). */
    private static final int ROUTE_ORDER = -100;
    private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private final String path;
    private final boolean enabled;
    private final WebSocketOrigins origins;
    private final ClientAddress clientAddresses;
    private final WebSocketServices services;
    private final ObjectMapper mapper;

    WebSocketTransport(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> corsOrigins,
            GatewayConfig config, OperationChecks checks, CallerResolver callers, ClientAddress clientAddresses,
            WebSocketRegistry registry, Instance<ExecutionService> executions, Operations operations, OperationLog log,
            ObjectMapper mapper) {
        this.path = rootPath.startsWith("/") ? rootPath : (httpRootPath.endsWith("/") ? httpRootPath : httpRootPath + "/") + rootPath;
        this.enabled = config.websocket().enabled();
        this.origins = new WebSocketOrigins(corsOrigins.orElse(List.of()));
        this.clientAddresses = clientAddresses;
        this.services = new WebSocketServices(checks, callers, registry, executions, operations, log,
                config.websocket().initTimeout(), config.websocket().maxSubscriptionsPerConnection(), maxBody.asLongValue());
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route(path).order(ROUTE_ORDER).handler(this::upgrade);
    }

    private void upgrade(RoutingContext context) {
        HttpServerRequest request = context.request();
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            context.next();
            return;
        }
        try {
            screen(request);
        } catch (RequestRefusal refusal) {
            refuse(context, refusal);
            return;
        }
        List<String> authorization = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        String clientAddress = clientAddresses.of(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.headers().getAll("X-Forwarded-For"));
        request.toWebSocket()
                .onSuccess(socket -> WebSocketConnection.serve(socket, Vertx.currentContext(), services, authorization, clientAddress))
                .onFailure(failure -> {
                    Log.debugf("WebSocket upgrade failed: %s", failure.toString());
                    if (!context.response().ended()) {
                        refuse(context, RequestRefusal.badRequest("The WebSocket upgrade request is not valid."));
                    }
                });
    }

    /** What refuses an upgrade before it happens: WebSocket off, an origin not allowed, no graphql-transport-ws. */
    private void screen(HttpServerRequest request) {
        if (!enabled) {
            throw RequestRefusal.http(403, "WEBSOCKET_DISABLED", "GraphQL over WebSocket is switched off on this gateway"
                    + " (GATEWAY_WEBSOCKET_ENABLED=false): send queries and mutations with POST " + path + ".");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        HostAndPort authority = request.authority();
        if (!origins.allows(origin, request.scheme(), authority == null ? null : authority.host(),
                authority == null ? -1 : authority.port())) {
            throw RequestRefusal.http(403, "FORBIDDEN_ORIGIN", "Pages of this origin may not open a WebSocket to this"
                    + " gateway: only its own origin and those in GATEWAY_CORS_ORIGINS may.");
        }
        boolean offered = request.headers().getAll(SUBPROTOCOL_HEADER).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .anyMatch(WebSocketServerOptions.SUBPROTOCOL::equals);
        if (!offered) {
            throw RequestRefusal.http(400, "BAD_REQUEST", "GraphQL over WebSocket needs the subprotocol '"
                    + WebSocketServerOptions.SUBPROTOCOL + "' (header " + SUBPROTOCOL_HEADER + ").");
        }
    }

    private void refuse(RoutingContext context, RequestRefusal refusal) {
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("errors", refusal.errors()));
            context.response().setStatusCode(refusal.status(MediaType.JSON))
                    .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.JSON.withUtf8())
                    .end(Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body could not be written", e);
        }
    }
}
