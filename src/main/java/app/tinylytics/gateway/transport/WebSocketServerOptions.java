package app.tinylytics.gateway.transport;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The HTTP server's WebSocket settings: graphql-transport-ws is the only subprotocol it negotiates, and a WebSocket
 * frame or message may be as large as an HTTP body ({@code GATEWAY_MAX_BODY_SIZE}) and no larger: a larger frame is
 * closed with 1009 by the server itself, a larger message made of several frames by {@link WebSocketConnection}.
 */
@ApplicationScoped
class WebSocketServerOptions implements HttpServerOptionsCustomizer {

    static final String SUBPROTOCOL = "graphql-transport-ws";

    private final int maxMessageBytes;

    WebSocketServerOptions(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.maxMessageBytes = (int) Math.min(Integer.MAX_VALUE, maxBody.asLongValue());
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        apply(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        apply(options);
    }

    private void apply(HttpServerOptions options) {
        options.setWebSocketSubProtocols(List.of(SUBPROTOCOL));
        options.setMaxWebSocketFrameSize(maxMessageBytes);
        options.setMaxWebSocketMessageSize(maxMessageBytes);
    }
}
