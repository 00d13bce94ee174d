package app.tinylytics.gateway.transport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** WebSocket switched off as an operator does it ({@code GATEWAY_WEBSOCKET_ENABLED=false}). */
public class WebSocketOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.websocket.enabled", "false");
    }
}
